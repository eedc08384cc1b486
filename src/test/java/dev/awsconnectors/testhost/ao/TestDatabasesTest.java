package dev.awsconnectors.testhost.ao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsconnectors.testhost.ao.TestEntities.Owner;
import java.nio.file.Path;
import java.util.Map;
import net.java.ao.DBParam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class TestDatabasesTest {

    @Test
    void postgresTestsAreSkippedWithTheReasonWhenNoServerIsGiven() {
        assertThatThrownBy(() -> TestDatabases.postgres(Map.<String, String>of()::get))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("PostgreSQL tests skipped: set AWSC_TEST_POSTGRES_URL (.ci/run starts a server)");
    }

    @Test
    void postgresTestsFailInsteadWhenPostgresIsRequired() {
        assertThatThrownBy(() -> TestDatabases.postgres(Map.of("AWSC_REQUIRE_POSTGRES", "true")::get))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("AWSC_TEST_POSTGRES_URL");
    }

    @Test
    void anUnreachableServerFailsWhenRequiredAndSaysWhichWithoutItsParameters() {
        Map<String, String> environment = Map.of(
                "AWSC_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&password=hunter2",
                "AWSC_REQUIRE_POSTGRES", "true");

        assertThatThrownBy(() -> TestDatabases.postgres(environment::get)).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/postgres").hasMessageNotContaining("hunter2");
    }

    @Test
    void theTestDatabaseReplacesOnlyTheDatabaseNameOfTheServerUrl() {
        assertThat(TestDatabases.withDatabase("jdbc:postgresql://127.0.0.1:55432/postgres?user=postgres", "t1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:55432/t1?user=postgres");
        assertThat(TestDatabases.withDatabase("jdbc:postgresql://db:5432/", "t2")).isEqualTo(
                "jdbc:postgresql://db:5432/t2");
    }

    @Test
    void anH2FileDatabaseKeepsItsRowsForTheNextStart(@TempDir Path directory) {
        try (TestDatabase first = TestDatabases.h2File(directory)) {
            JdbcActiveObjects ao = first.activeObjects();
            ao.migrate(Owner.class);
            ao.create(Owner.class, new DBParam("NAME", "kept"));
        }
        try (TestDatabase second = TestDatabases.h2File(directory)) {
            JdbcActiveObjects ao = second.activeObjects();
            ao.migrate(Owner.class);
            assertThat(ao.find(Owner.class)).extracting(Owner::getName).containsExactly("kept");
        }
    }

    @Test
    void everyInMemoryDatabaseStartsEmpty() {
        try (TestDatabase one = TestDatabases.h2InMemory(); TestDatabase two = TestDatabases.h2InMemory()) {
            one.activeObjects().migrate(Owner.class);
            one.activeObjects().create(Owner.class, new DBParam("NAME", "only in one"));
            two.activeObjects().migrate(Owner.class);

            assertThat(two.activeObjects().count(Owner.class)).isZero();
        }
    }
}
