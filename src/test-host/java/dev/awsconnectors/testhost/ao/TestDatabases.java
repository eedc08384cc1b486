package dev.awsconnectors.testhost.ao;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh, empty databases for tests: an H2 database in memory, an H2 database in a file, or a new database on the
 * PostgreSQL server named by {@value #POSTGRES_URL_VARIABLE}. Each {@link TestDatabase} is dropped when closed.
 *
 * <p>Without {@value #POSTGRES_URL_VARIABLE}, {@link #postgres()} skips the calling tests through a JUnit
 * assumption; with {@value #REQUIRE_POSTGRES_VARIABLE}{@code =true} (as {@code .ci/run} sets it) a missing URL or
 * an unreachable server fails them instead, so a CI run cannot pass without PostgreSQL.
 */
public final class TestDatabases {
    public static final String POSTGRES_URL_VARIABLE = "AWSC_TEST_POSTGRES_URL";
    public static final String REQUIRE_POSTGRES_VARIABLE = "AWSC_REQUIRE_POSTGRES";
    public static final String SKIP_MESSAGE =
            "PostgreSQL tests skipped: set " + POSTGRES_URL_VARIABLE + " (.ci/run starts a server)";

    /** The databases a test can ask for. */
    public enum Engine {
        H2,
        POSTGRESQL
    }

    private TestDatabases() {
    }

    /** A new database of this engine; for PostgreSQL, see {@link #postgres()}. */
    public static TestDatabase create(Engine engine) {
        return engine == Engine.H2 ? h2InMemory() : postgres();
    }

    /** A new in-memory H2 database, alive until closed. */
    public static TestDatabase h2InMemory() {
        String url = "jdbc:h2:mem:awsc_" + shortId() + ";DB_CLOSE_DELAY=-1";
        return new TestDatabase(Engine.H2, url, h2DataSource(url), () -> shutdownH2(url));
    }

    /**
     * An H2 database in files under {@code directory} ({@code awsc.mv.db}), kept when closed so a second start sees
     * the data of the first. {@code AUTO_SERVER} lets a second process (a second demo node) open it too.
     */
    public static TestDatabase h2File(Path directory) {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("awsc") + ";AUTO_SERVER=TRUE";
        return new TestDatabase(Engine.H2, url, h2DataSource(url), () -> { });
    }

    /** A new database on the PostgreSQL server of {@value #POSTGRES_URL_VARIABLE}; skips or fails without one. */
    public static TestDatabase postgres() {
        return postgres(System::getenv);
    }

    /** As {@link #postgres()}, reading the environment through {@code environment} (for tests of this rule). */
    public static TestDatabase postgres(Function<String, String> environment) {
        String serverUrl = environment.apply(POSTGRES_URL_VARIABLE);
        boolean required = "true".equalsIgnoreCase(environment.apply(REQUIRE_POSTGRES_VARIABLE));
        if (serverUrl == null || serverUrl.isBlank()) {
            unavailable(required, SKIP_MESSAGE);
        }
        String name = "awsc_test_" + shortId();
        try (Connection admin = DriverManager.getConnection(serverUrl);
                Statement statement = admin.createStatement()) {
            statement.executeUpdate("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            unavailable(required, "PostgreSQL tests skipped: the server of " + POSTGRES_URL_VARIABLE + " ("
                    + withoutParameters(serverUrl) + ") is not reachable: " + e.getMessage());
        }
        String url = withDatabase(serverUrl, name);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        return new TestDatabase(Engine.POSTGRESQL, url, dataSource, () -> dropPostgres(serverUrl, name));
    }

    /** Skips (an assumption) or, when PostgreSQL is required, fails. Never returns. */
    private static void unavailable(boolean required, String message) {
        if (required) {
            Assertions.fail(message.replace("PostgreSQL tests skipped", "PostgreSQL tests required ("
                    + REQUIRE_POSTGRES_VARIABLE + "=true) but cannot run"));
        }
        Assumptions.abort(message);
    }

    private static JdbcDataSource h2DataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    private static void shutdownH2(String url) {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the H2 test database", e);
        }
    }

    private static void dropPostgres(String serverUrl, String name) {
        try (Connection admin = DriverManager.getConnection(serverUrl);
                Statement statement = admin.createStatement()) {
            statement.executeUpdate("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the PostgreSQL test database " + name, e);
        }
    }

    /** {@code jdbc:postgresql://host:port/postgres?user=x} → {@code jdbc:postgresql://host:port/<name>?user=x}. */
    static String withDatabase(String serverUrl, String database) {
        String prefix = "jdbc:postgresql://";
        if (!serverUrl.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            throw new IllegalArgumentException(POSTGRES_URL_VARIABLE + " must be a jdbc:postgresql:// URL");
        }
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String parameters = query < 0 ? "" : serverUrl.substring(query);
        int slash = base.indexOf('/', prefix.length());
        String hostAndPort = slash < 0 ? base : base.substring(0, slash);
        return hostAndPort + "/" + database + parameters;
    }

    /** The URL without its parameters, which may carry a password. */
    private static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
