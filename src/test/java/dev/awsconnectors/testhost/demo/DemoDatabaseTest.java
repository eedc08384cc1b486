package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.ao.TestDatabase;
import dev.awsconnectors.testhost.ao.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDatabaseTest {
    @TempDir
    Path home;

    @Test
    void anH2DatabaseStaysOpenFromOneTransactionToTheNextWhileTheNodeRuns() throws Exception {
        // An in-memory H2 database lives only while a connection to it is open: it shows whether the node keeps one.
        String url = "jdbc:h2:mem:demo_" + UUID.randomUUID().toString().replace("-", "");
        try (DemoDatabase database = DemoDatabase.of(options(url))) {
            inTransaction(database, statement -> statement.execute("CREATE TABLE KEPT (ID INT PRIMARY KEY)"));
            inTransaction(database, statement -> statement.executeUpdate("INSERT INTO KEPT VALUES (14)"));

            int kept = inTransaction(database, statement -> {
                try (ResultSet rows = statement.executeQuery("SELECT ID FROM KEPT")) {
                    rows.next();
                    return rows.getInt(1);
                }
            });

            assertThat(kept).isEqualTo(14);
        }
    }

    @Test
    void aHundredTransactionsOnPostgreSqlShareTheConnectionsOfThePool() throws Exception {
        try (TestDatabase server = TestDatabases.postgres();
             DemoDatabase database = DemoDatabase.of(options(server.jdbcUrl()))) {
            Set<Integer> serverProcesses = new HashSet<>();
            for (int i = 0; i < 100; i++) {
                serverProcesses.add(inTransaction(database, statement -> {
                    try (ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
                        rows.next();
                        return rows.getInt(1);
                    }
                }));
            }

            int connected = inTransaction(database, statement -> {
                try (ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")) {
                    rows.next();
                    return rows.getInt(1);
                }
            });

            // A connection per transaction would have started a server process for each of them.
            assertThat(serverProcesses).as("PostgreSQL server processes that ran the transactions")
                    .hasSizeBetween(1, DemoDatabase.POOL_SIZE);
            assertThat(connected).as("connections open to the database").isBetween(1, DemoDatabase.POOL_SIZE);
        }
    }

    @Test
    void nodeOneAndNodeTwoOnOneH2FileSeeEachOthersCommits() throws Exception {
        try (DemoDatabase node1 = DemoDatabase.of(options(null));
             DemoDatabase node2 = DemoDatabase.of(options(null).withNode(2))) {
            inTransaction(node1, statement -> statement.execute("CREATE TABLE SHARED (NODE INT)"));
            inTransaction(node2, statement -> statement.executeUpdate("INSERT INTO SHARED VALUES (2)"));

            int seen = inTransaction(node1, statement -> {
                try (ResultSet rows = statement.executeQuery("SELECT NODE FROM SHARED")) {
                    rows.next();
                    return rows.getInt(1);
                }
            });

            assertThat(seen).isEqualTo(2);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Statement statement) throws SQLException;
    }

    /** As the host's transactions: a connection from the data source, committed, then given back. */
    private static <T> T inTransaction(DemoDatabase database, Work<T> work) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            T result = work.run(statement);
            connection.commit();
            connection.setAutoCommit(true);
            return result;
        }
    }

    private DemoOptions options(String jdbcUrl) {
        return DemoOptions.builder().home(home).database(jdbcUrl).pluginJar(home.resolve("unused.jar")).build();
    }
}
