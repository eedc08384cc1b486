package dev.awsconnectors.testhost.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.awsconnectors.testhost.ao.JdbcActiveObjects;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The demo's database: an H2 file in the home unless a JDBC URL (H2 or PostgreSQL) is given, reached through a pool
 * of at most {@value #POOL_SIZE} connections that stay open while the node runs, as Jira's own pool does. Without
 * it every transaction would open a connection (for PostgreSQL a new server process) and H2 would close and reopen
 * the whole database between transactions, and the demo's figures would be the host's rather than the app's.
 * Closing it closes the pool; an H2 database no other node uses is then closed too.
 */
record DemoDatabase(String jdbcUrl, HikariDataSource dataSource) implements AutoCloseable {
    static final int POOL_SIZE = 10;

    static DemoDatabase of(DemoOptions options) {
        String url = options.database().orElseGet(() -> h2FileUrl(options.home()));
        return new DemoDatabase(url, pooled(connectionsTo(url), options.node()));
    }

    private static DataSource connectionsTo(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser("sa");
            h2.setPassword("");
            return h2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            return postgres;
        }
        throw new IllegalArgumentException("demo.db must be a jdbc:h2: or jdbc:postgresql: URL, not "
                + withoutSecrets(url));
    }

    private static HikariDataSource pooled(DataSource connections, int node) {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(connections);
        pool.setPoolName("demo-node" + node + "-database");
        pool.setMaximumPoolSize(POOL_SIZE);
        // Never retire a healthy connection: with no connection left, H2 would close the database (and an
        // in-memory one would lose its data). A broken one (e.g. the other node serving the H2 file stopped) is
        // still replaced.
        pool.setMaxLifetime(0);
        pool.setIdleTimeout(0);
        // The first connection is opened now, so that an unreachable database stops the start with its reason.
        pool.setInitializationFailTimeout(1);
        return new HikariDataSource(pool);
    }

    /**
     * {@code AUTO_SERVER} lets a second demo node in another process open the same file (H2 then serves it over
     * TCP from whichever process opened it first).
     */
    static String h2FileUrl(Path home) {
        return "jdbc:h2:file:" + home.resolve("database").resolve("awsc") + ";AUTO_SERVER=TRUE";
    }

    JdbcActiveObjects activeObjects(String namespace) {
        return new JdbcActiveObjects(dataSource, namespace);
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** The URL without its parameters, which may carry a password. */
    static String withoutSecrets(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.replaceAll("//[^/@]*@", "//").replaceAll("(?i);password=[^;]*", ";PASSWORD=***");
    }

    @Override
    public String toString() {
        return withoutSecrets(jdbcUrl);
    }
}
