package dev.awsconnectors.testhost.demo;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a {@link DemoHost}; immutable, made with {@link #builder()}.
 *
 * @param port     the HTTP port of node 1 (default 2990, as Atlassian's SDK uses); 0 picks a free port.
 *                 Node 2 listens on {@code port + 1} (with 0, on another free port)
 * @param home     Jira's home: users file, audit log, key file, H2 database; shared by both nodes
 * @param database a JDBC URL (H2 or PostgreSQL); empty = an H2 file database in {@code home}
 * @param aws      {@link Aws#LOCAL}: a local AWS double runs inside; {@link Aws#REAL}: AWS's real endpoints
 * @param node     1, or 2 for the second node of a Data Center rehearsal (same database and home as node 1)
 * @param auiDirectory where the build unpacked AUI's npm package (default {@code target/aui})
 * @param pluginJar the built plugin jar the node installs (default: the {@value #PLUGIN_JAR_PROPERTY} system
 *                  property, which Failsafe and {@code mvn -Pdemo} set to {@code target/<finalName>.jar}); its
 *                  signature is {@code <jar>.sig} beside it, as the build writes it
 * @param trustedCertificate a certificate the node puts in UPM's trust store before installing the jar, as an admin
 *                  puts an app vendor's certificate there (default: the {@value #SIGNING_CERTIFICATE_PROPERTY} system
 *                  property, the build's signing certificate); empty = trust only what the trust store already holds
 */
public record DemoOptions(int port, Path home, Optional<String> database, Aws aws, int node, Path auiDirectory,
                          Path pluginJar, Optional<Path> trustedCertificate) {
    public static final int DEFAULT_PORT = 2990;
    public static final String PLUGIN_JAR_PROPERTY = "awsc.pluginJar";
    public static final String SIGNING_CERTIFICATE_PROPERTY = "awsc.signingCertificate";

    /** Where the demo's AWS calls go. */
    public enum Aws { LOCAL, REAL }

    public DemoOptions {
        if (port < 0 || port > 65534) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65534: " + port);
        }
        if (node != 1 && node != 2) {
            throw new IllegalArgumentException("node must be 1 or 2: " + node);
        }
        home = Objects.requireNonNull(home, "home").toAbsolutePath().normalize();
        database = Objects.requireNonNull(database, "database").filter(url -> !url.isBlank());
        Objects.requireNonNull(aws, "aws");
        Objects.requireNonNull(auiDirectory, "auiDirectory");
        pluginJar = Objects.requireNonNull(pluginJar, "pluginJar").toAbsolutePath().normalize();
        trustedCertificate = Objects.requireNonNull(trustedCertificate, "trustedCertificate")
                .map(path -> path.toAbsolutePath().normalize());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same options for the other node of the pair (node 2 of node 1, or back). */
    public DemoOptions withNode(int otherNode) {
        return new DemoOptions(port, home, database, aws, otherNode, auiDirectory, pluginJar, trustedCertificate);
    }

    /** Never shows a password given in the database URL. */
    @Override
    public String toString() {
        return "DemoOptions[port=" + port + ", home=" + home + ", database="
                + database.map(DemoDatabase::withoutSecrets).orElse("H2 in home") + ", aws=" + aws
                + ", node=" + node + ", pluginJar=" + pluginJar + "]";
    }

    public static final class Builder {
        private int port = DEFAULT_PORT;
        private Path home = Path.of("demo-home");
        private String database;
        private Aws aws = Aws.LOCAL;
        private int node = 1;
        private Path auiDirectory = Path.of("target", "aui");
        private Path pluginJar;
        private Optional<Path> trustedCertificate;

        private Builder() {
        }

        /**
         * The certificate to trust; {@code null} to trust only what the home's trust store already holds. Without
         * this call, the {@value DemoOptions#SIGNING_CERTIFICATE_PROPERTY} system property, if set.
         */
        public Builder trustedCertificate(Path certificate) {
            this.trustedCertificate = Optional.ofNullable(certificate);
            return this;
        }

        /** The built jar to install; without it, the {@value DemoOptions#PLUGIN_JAR_PROPERTY} system property. */
        public Builder pluginJar(Path pluginJar) {
            this.pluginJar = pluginJar;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        /** A JDBC URL; {@code null} or blank for the H2 file database in the home. */
        public Builder database(String jdbcUrl) {
            this.database = jdbcUrl;
            return this;
        }

        public Builder aws(Aws aws) {
            this.aws = aws;
            return this;
        }

        public Builder node(int node) {
            this.node = node;
            return this;
        }

        public Builder auiDirectory(Path auiDirectory) {
            this.auiDirectory = auiDirectory;
            return this;
        }

        public DemoOptions build() {
            Path jar = pluginJar;
            if (jar == null) {
                String property = System.getProperty(PLUGIN_JAR_PROPERTY);
                if (property == null || property.isBlank()) {
                    throw new IllegalStateException("No plugin jar to install: set -D" + PLUGIN_JAR_PROPERTY
                            + "=target/<finalName>.jar (mvn verify and mvn -Pdemo do) or call pluginJar(...)");
                }
                jar = Path.of(property);
            }
            Optional<Path> certificate = trustedCertificate != null ? trustedCertificate
                    : Optional.ofNullable(System.getProperty(SIGNING_CERTIFICATE_PROPERTY))
                            .filter(property -> !property.isBlank()).map(Path::of);
            return new DemoOptions(port, home, Optional.ofNullable(database), aws, node, auiDirectory, jar,
                    certificate);
        }
    }
}
