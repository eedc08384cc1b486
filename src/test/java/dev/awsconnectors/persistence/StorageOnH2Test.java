package dev.awsconnectors.persistence;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.testhost.ao.TestDatabase;
import dev.awsconnectors.testhost.ao.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import static dev.awsconnectors.persistence.StorageFixture.SECRET;
import static dev.awsconnectors.persistence.StorageFixture.accessKeyAccount;
import static dev.awsconnectors.persistence.StorageFixture.roleConnector;
import static org.assertj.core.api.Assertions.assertThat;

/** The storage on H2, the demo host's database. */
class StorageOnH2Test extends StorageContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabases.h2InMemory();
    }

    @Test
    void leavesNoSecretInADatabaseDump() throws Exception {
        Account account = node().accounts.create(accessKeyAccount("Production").build(), Optional.of(SECRET));
        node().connectors.create(roleConnector("Developers", account).build());

        StringBuilder dump = new StringBuilder();
        try (Connection connection = database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SCRIPT")) {
            while (rs.next()) {
                dump.append(rs.getString(1)).append('\n');
            }
        }

        assertThat(dump).contains("SECRET_KEY_CIPHERTEXT").contains("awsc1:");
        for (String form : encodingsOf(SECRET)) {
            assertThat(dump.toString()).as("H2 SCRIPT dump").doesNotContain(form);
        }
    }
}
