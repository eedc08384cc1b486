package dev.awsconnectors.persistence;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.testhost.ao.TestDatabase;
import dev.awsconnectors.testhost.ao.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.awsconnectors.persistence.StorageFixture.SECRET;
import static dev.awsconnectors.persistence.StorageFixture.accessKeyAccount;
import static dev.awsconnectors.persistence.StorageFixture.roleConnector;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storage on a real PostgreSQL server, as most Data Center customers run it. Skipped, saying why, without
 * {@code AWSC_TEST_POSTGRES_URL}; {@code .ci/run} starts a server and makes a skip a failure.
 */
class StorageOnPostgresTest extends StorageContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }

    @Test
    void leavesNoSecretInAPgDumpOfTheDatabase() throws Exception {
        Account account = node().accounts.create(accessKeyAccount("Production").build(), Optional.of(SECRET));
        node().connectors.create(roleConnector("Developers", account).build());

        String dump = pgDump(database().jdbcUrl());

        assertThat(dump).contains("SECRET_KEY_CIPHERTEXT").contains("awsc1:");
        for (String form : encodingsOf(SECRET)) {
            assertThat(dump).as("pg_dump output").doesNotContain(form);
        }
    }

    /** Runs the server's own pg_dump, as an admin backing up Jira's database would. */
    private static String pgDump(String jdbcUrl) throws Exception {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String user = Arrays.stream(Optional.ofNullable(uri.getQuery()).orElse("").split("&"))
                .filter(p -> p.startsWith("user=")).map(p -> p.substring(5)).findFirst().orElse("postgres");
        String pgDump = Files.list(Path.of("/usr/lib/postgresql")).map(p -> p.resolve("bin/pg_dump"))
                .filter(Files::isExecutable).max(Comparator.naturalOrder())
                .map(Path::toString).orElse("pg_dump");
        Path out = Files.createTempFile("awsc-dump", ".sql");
        try {
            Process process = new ProcessBuilder(pgDump, "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()),
                    "-U", user, "-d", uri.getPath().substring(1), "-f", out.toString())
                    .redirectErrorStream(true).redirectOutput(new File(out + ".log")).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("pg_dump finished").isTrue();
            assertThat(process.exitValue()).as("pg_dump exit code; its output: %s",
                    Files.readString(Path.of(out + ".log"))).isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(Path.of(out + ".log"));
        }
    }
}
