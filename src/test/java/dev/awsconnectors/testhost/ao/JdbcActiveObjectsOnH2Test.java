package dev.awsconnectors.testhost.ao;

/** The test host's Active Objects on an H2 database in memory. */
class JdbcActiveObjectsOnH2Test extends ActiveObjectsContract {
    @Override
    TestDatabase openDatabase() {
        return TestDatabases.h2InMemory();
    }
}
