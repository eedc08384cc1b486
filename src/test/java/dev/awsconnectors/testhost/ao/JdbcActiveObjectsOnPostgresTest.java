package dev.awsconnectors.testhost.ao;

/**
 * The test host's Active Objects on a real PostgreSQL server ({@value TestDatabases#POSTGRES_URL_VARIABLE});
 * skipped with a message without one, failed without one when {@value TestDatabases#REQUIRE_POSTGRES_VARIABLE} is
 * true.
 */
class JdbcActiveObjectsOnPostgresTest extends ActiveObjectsContract {
    @Override
    TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
