package dev.awsconnectors.testhost.ao;

import javax.sql.DataSource;

/** One database made by {@link TestDatabases}; closing it drops it (except an H2 file database). */
public final class TestDatabase implements AutoCloseable {
    /** The app's plugin key, which is its AO namespace. */
    public static final String APP_NAMESPACE = "dev.awsconnectors.aws-connectors-jira";

    private final TestDatabases.Engine engine;
    private final String jdbcUrl;
    private final DataSource dataSource;
    private final Runnable drop;

    TestDatabase(TestDatabases.Engine engine, String jdbcUrl, DataSource dataSource, Runnable drop) {
        this.engine = engine;
        this.jdbcUrl = jdbcUrl;
        this.dataSource = dataSource;
        this.drop = drop;
    }

    public TestDatabases.Engine engine() {
        return engine;
    }

    /** The URL of this database (for PostgreSQL it carries the server URL's parameters, e.g. the user). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Active Objects for the app's namespace on this database. */
    public JdbcActiveObjects activeObjects() {
        return activeObjects(APP_NAMESPACE);
    }

    public JdbcActiveObjects activeObjects(String namespace) {
        return new JdbcActiveObjects(dataSource, namespace);
    }

    /** A statement counter in front of this database, for {@link #activeObjects(SqlStatements)}. */
    public SqlStatements statements() {
        return new SqlStatements(dataSource);
    }

    /** Active Objects for the app's namespace on this database, each of whose SQL statements {@code counted} counts. */
    public JdbcActiveObjects activeObjects(SqlStatements counted) {
        return new JdbcActiveObjects(counted.dataSource(), APP_NAMESPACE);
    }

    @Override
    public void close() {
        drop.run();
    }

    @Override
    public String toString() {
        return engine.name();
    }
}
