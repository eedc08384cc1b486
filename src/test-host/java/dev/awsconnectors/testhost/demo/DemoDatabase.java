package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.ao.JdbcActiveObjects;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Locale;

/** The demo's database: an H2 file in the home unless a JDBC URL (H2 or PostgreSQL) is given. */
record DemoDatabase(String jdbcUrl, DataSource dataSource) {

    static DemoDatabase of(DemoOptions options) {
        String url = options.database().orElseGet(() -> h2FileUrl(options.home()));
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser("sa");
            h2.setPassword("");
            return new DemoDatabase(url, h2);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            return new DemoDatabase(url, postgres);
        }
        throw new IllegalArgumentException("demo.db must be a jdbc:h2: or jdbc:postgresql: URL, not "
                + withoutSecrets(url));
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
