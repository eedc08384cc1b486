package dev.awsconnectors.testhost.ao;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One JDBC transaction per thread, as SAL's {@code TransactionTemplate} gives AO inside Jira: the outermost
 * {@link #inTransaction} opens it, nested calls join it, any exception rolls the whole of it back and goes on
 * unchanged. Work outside a transaction runs on its own auto-commit connection, statement by statement.
 * The thread binding belongs to one {@link JdbcActiveObjects}, never to the class: two instances (two demo nodes)
 * have separate transactions.
 */
final class ThreadTransactions {
    /** Work on a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    ThreadTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    boolean isActive() {
        return current.get() != null;
    }

    /** Runs {@code work} on the thread's transaction, or on a fresh auto-commit connection when there is none. */
    <T> T withConnection(SqlWork<T> work) throws SQLException {
        Connection bound = current.get();
        if (bound != null) {
            return work.run(bound);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        }
    }

    /**
     * Runs {@code callback} inside the thread's transaction, starting one if needed.
     *
     * @throws SQLException only when opening, committing or rolling back the transaction fails
     */
    <T> T inTransaction(Supplier<T> callback) throws SQLException {
        if (current.get() != null) {
            return callback.get();
        }
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            current.set(connection);
            T result;
            try {
                result = callback.get();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
            connection.commit();
            return result;
        } finally {
            current.remove();
            closeQuietly(connection);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The callback's exception is the one that matters; the failed rollback travels with it.
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException ignored) {
            // Closing a connection whose transaction already ended; nothing left to undo.
        }
    }
}
