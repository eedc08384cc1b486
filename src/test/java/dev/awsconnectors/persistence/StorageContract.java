package dev.awsconnectors.persistence;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.api.ConnectorNotFoundException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.BoundConnector;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.crypto.KeyFile;
import dev.awsconnectors.crypto.SecretCipher;
import dev.awsconnectors.crypto.SecretContext;
import dev.awsconnectors.crypto.SecretUnavailableException;
import dev.awsconnectors.testhost.ao.TestDatabase;
import dev.awsconnectors.testhost.sal.HostApplicationProperties;
import dev.awsconnectors.validation.ConfigurationException;
import dev.awsconnectors.validation.Violation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.awsconnectors.persistence.StorageFixture.SECRET;
import static dev.awsconnectors.persistence.StorageFixture.accessKeyAccount;
import static dev.awsconnectors.persistence.StorageFixture.roleConnector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the storage promises, run against each real database Data Center customers use: see the subclasses.
 */
abstract class StorageContract {
    @TempDir
    Path sharedHome;

    private TestDatabase database;
    private StorageFixture node;

    abstract TestDatabase newDatabase();

    @BeforeEach
    void startNode() {
        database = newDatabase();
        node = new StorageFixture(database, sharedHome);
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    private Account storedAccount(String name) {
        return node.accounts.create(accessKeyAccount(name).build(), Optional.of(SECRET));
    }

    // --- schema ---

    @Test
    void createsTheTablesWithActiveObjectsNamesWithinItsLimits() throws Exception {
        String prefix = node.ao.tablePrefix();
        List<String> tables = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rs = meta.getTables(null, null, prefix + "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = meta.getColumns(null, null, table, null)) {
                    while (rs.next()) {
                        columns.add(rs.getString("COLUMN_NAME"));
                    }
                }
            }
        }
        assertThat(prefix).matches("AO_[0-9A-F]{6}_");
        assertThat(tables).containsExactlyInAnyOrder(prefix + "ACCOUNT", prefix + "CONNECTOR",
                prefix + "CONNECTOR_GROUP", prefix + "EDIT_CLAIM");
        assertThat(columns).allMatch(c -> c.length() <= 30 && c.equals(c.toUpperCase(Locale.ROOT)))
                .contains("SECRET_KEY_CIPHERTEXT", "LAST_VALIDATED", "ACCOUNT_ID", "CONNECTOR_ID", "ROW_VERSION", "NAME_KEY");
    }

    @Test
    void runsTheFirstUpgradeTaskAgainWithoutChangingAnything() {
        Account account = storedAccount("Production");

        new InitialSchema().upgrade(InitialSchema.VERSION, node.ao);

        assertThat(node.accounts.get(account.id())).contains(account);
        assertThat(new InitialSchema().getModelVersion().isSame(com.atlassian.activeobjects.external.ModelVersion
                .valueOf("1"))).isTrue();
    }

    // --- accounts ---

    @Test
    void roundTripsEveryFieldOfAnAccount() {
        Account entered = accessKeyAccount("Production").build();

        Account stored = node.accounts.create(entered, Optional.of(SECRET));

        assertThat(stored).isEqualTo(entered.toBuilder().version(1).build());
        assertThat(node.accounts.get(entered.id())).contains(stored);
        assertThat(node.accounts.all()).containsExactly(stored);
    }

    @Test
    void roundTripsAHostRoleAccountWithoutKeysOrOverrides() {
        Account entered = Account.builder().name("Host").type(AccountType.HOST_ROLE)
                .partition(dev.awsconnectors.accounts.Partition.AWS_US_GOV).region("us-gov-west-1").build();

        Account stored = node.accounts.create(entered, Optional.empty());

        assertThat(node.accounts.get(entered.id())).contains(stored);
        assertThat(stored.accessKeyId()).isEmpty();
        assertThat(stored.endpointOverride()).isEmpty();
    }

    @Test
    void decryptsTheSecretOnlyWithTheKeyFileAndStoresNoPlaintext() throws Exception {
        Account account = storedAccount("Production");

        assertThat(node.accounts.secretAccessKey(account)).isEqualTo(SECRET);
        String stored = singleValue("SELECT \"SECRET_KEY_CIPHERTEXT\" FROM \"" + node.ao.tablePrefix() + "ACCOUNT\"");
        assertThat(stored).startsWith("awsc1:").doesNotContain(SECRET);
    }

    @Test
    void refusesASecondAccountOfTheSameNameInAnyCaseAndWritesNothing() {
        storedAccount("Production");

        assertThatThrownBy(() -> storedAccount("PRODUCTION"))
                .isInstanceOf(ConfigurationException.class)
                .extracting(e -> ((ConfigurationException) e).violations().get(0))
                .extracting(Violation::field, Violation::message)
                .containsExactly("name", "Another account is already named 'PRODUCTION'; choose a different name.");
        assertThat(node.accounts.all()).hasSize(1);
    }

    @Test
    void refusesAnInvalidAccountAndWritesNothing() {
        assertThatThrownBy(() -> node.accounts.create(accessKeyAccount("Production").region("mars-1").build(),
                Optional.of(SECRET))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("region");
        assertThat(node.accounts.all()).isEmpty();
    }

    @Test
    void refusesTheSecondOfTwoEditsOfTheSameVersion() {
        Account opened = storedAccount("Production");
        node.accounts.update(opened.toBuilder().description("first admin").build(), Optional.empty());

        assertThatThrownBy(() -> node.accounts.update(opened.toBuilder().description("second admin").build(),
                Optional.empty()))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessage("The account 'Production' was changed by someone else since you opened it. Reload it "
                        + "to see their changes, then make yours again.");
        assertThat(node.accounts.get(opened.id()).orElseThrow().description()).contains("first admin");
    }

    @Test
    void refusesAnEditWhoseNextVersionAnotherNodeHasClaimedEvenBeforeItsRowChanged() {
        Account account = storedAccount("Production");
        Connector opened = node.connectors.create(roleConnector("Developers", account).build());
        // Another node's edit of version 1 has inserted its claim and not yet updated the row.
        node.ao.create(EditClaimEntity.class, new net.java.ao.DBParam("CLAIM_KEY", "connector:" + opened.id() + ":2"));

        assertThatThrownBy(() -> node.connectors.update(opened.toBuilder().groups(List.of("aws-admins")).build()))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessageContaining("changed by someone else");
        assertThat(node.connectors.get(opened.id()).orElseThrow().groups())
                .as("nothing of the refused edit was written").containsExactly("aws-developers", "aws-ops");
    }

    @Test
    void keepsOnlyTheNewestEditClaimsOfAnAccountOrConnectorAndNoneOnceItIsDeleted() throws Exception {
        Account account = storedAccount("Production");
        Connector opened = node.connectors.create(roleConnector("Developers", account).build());
        Connector connector = opened;
        for (int edit = 1; edit <= 14; edit++) {
            connector = node.connectors.update(connector.toBuilder().description("Edit " + edit).build());
        }
        account = node.accounts.update(account.toBuilder().region("eu-central-1").build(), Optional.empty());
        account = node.accounts.update(account.toBuilder().region("eu-west-1").build(), Optional.empty());

        assertThat(connector.version()).isEqualTo(15);
        List<String> expected = new ArrayList<>();
        for (int version = 15; version > 15 - StoredValues.KEPT_CLAIMS; version--) {
            expected.add("connector:" + connector.id() + ":" + version);
        }
        expected.add("account:" + account.id() + ":2");
        expected.add("account:" + account.id() + ":3");
        assertThat(claims()).as("the newest claims of each, not a row for every edit ever saved")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThatThrownBy(() -> node.connectors.update(opened.toBuilder().description("Stale").build()))
                .as("an edit of version 1, whose claim is gone, is still refused")
                .isInstanceOf(ConcurrentEditException.class);

        node.connectors.delete(connector.id());
        node.accounts.delete(account.id());
        assertThat(claims()).as("claims go with what they guarded").isEmpty();
    }

    @Test
    void keepsTheStoredSecretWhenAnEditLeavesItBlankAndReplacesItWhenOneIsGiven() {
        Account account = storedAccount("Production");
        Account edited = node.accounts.update(account.toBuilder().region("eu-central-1").build(), Optional.of(" "));
        assertThat(node.accounts.secretAccessKey(edited)).isEqualTo(SECRET);

        String newSecret = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";
        node.accounts.update(edited, Optional.of(newSecret));

        assertThat(node.accounts.secretAccessKey(edited)).isEqualTo(newSecret);
    }

    @Test
    void recordsTheLastValidationWithoutChangingTheVersionSoAnOpenEditStillSaves() {
        Account account = storedAccount("Production");
        assertThat(node.accounts.lastValidated(account.id())).isEmpty();

        java.time.Instant first = java.time.Instant.parse("2026-03-01T10:15:30Z");
        node.accounts.recordValidation(account.id(), first);
        assertThat(node.accounts.lastValidated(account.id())).contains(first);
        java.time.Instant second = java.time.Instant.parse("2026-03-02T08:00:00Z");
        node.accounts.recordValidation(account.id(), second);

        assertThat(node.accounts.lastValidated(account.id())).contains(second);
        assertThat(node.accounts.get(account.id())).contains(account);
        Account edited = node.accounts.update(account.toBuilder().region("eu-central-1").build(), Optional.empty());
        assertThat(edited.version()).isEqualTo(2);
        assertThat(node.accounts.lastValidated(account.id())).contains(second);
        assertThat(node.accounts.lastValidated(UUID.randomUUID())).isEmpty();
        assertThatThrownBy(() -> node.accounts.recordValidation(UUID.randomUUID(), second))
                .isInstanceOf(AccountNotFoundException.class);
    }

    @Test
    void refusesToDeleteAnAccountThatConnectorsUseNamingThem() {
        Account account = storedAccount("Production");
        node.connectors.create(roleConnector("Developers", account).build());
        node.connectors.create(roleConnector("Auditors", account).build());

        assertThatThrownBy(() -> node.accounts.delete(account.id()))
                .isInstanceOf(AccountInUseException.class)
                .hasMessage("The account 'Production' is used by the connectors 'Auditors', 'Developers'; delete "
                        + "them or move them to another account first.");
        assertThat(node.accounts.get(account.id())).isPresent();
    }

    @Test
    void deletesAnAccountNoConnectorUses() {
        Account account = storedAccount("Production");

        node.accounts.delete(account.id());

        assertThat(node.accounts.get(account.id())).isEmpty();
        assertThatThrownBy(() -> node.accounts.delete(account.id())).isInstanceOf(AccountNotFoundException.class);
    }

    // --- connectors ---

    @Test
    void roundTripsEveryFieldOfAConnector() {
        Account account = storedAccount("Production");
        Connector entered = roleConnector("Developers", account).build();

        Connector stored = node.connectors.create(entered);

        assertThat(stored).isEqualTo(entered.toBuilder().version(1).build());
        assertThat(node.connectors.get(entered.id())).contains(stored);
        assertThat(stored.policyArns()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess",
                "arn:aws:iam::123456789012:policy/team/Billing");
    }

    @Test
    void roundTripsAConnectorWithEveryOptionalFieldEmpty() {
        Account account = storedAccount("Production");
        Connector entered = Connector.builder().name("Break glass").accountId(account.id())
                .principalType(PrincipalType.IAM_USER).build();

        Connector stored = node.connectors.create(entered);

        assertThat(node.connectors.get(entered.id())).contains(stored);
        assertThat(stored.groups()).isEmpty();
        assertThat(stored.maxDurationSeconds()).isEmpty();
    }

    @Test
    void roundTripsASystemScopeFederatedUserConnector() {
        Account account = storedAccount("Production");
        Connector entered = Connector.builder().name("Nightly job").accountId(account.id())
                .principalType(PrincipalType.FEDERATED_USER).policy(StorageFixture.POLICY).systemScope(true)
                .maxDurationSeconds(129_600).build();

        Connector stored = node.connectors.create(entered);

        assertThat(node.connectors.get(entered.id())).contains(stored);
        assertThat(stored.systemScope()).isTrue();
        assertThat(stored.principalType()).isEqualTo(PrincipalType.FEDERATED_USER);
    }

    @Test
    void refusesAConnectorNameTakenInAnyCase() {
        Account account = storedAccount("Production");
        node.connectors.create(roleConnector("Developers", account).build());

        assertThatThrownBy(() -> node.connectors.create(roleConnector("developers", account).build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Another connector is already named 'developers'");
        assertThat(node.connectors.all()).hasSize(1);
    }

    @Test
    void refusesAConnectorForAnAccountThatDoesNotExist() {
        Account never = accessKeyAccount("Ghost").build();

        assertThatThrownBy(() -> node.connectors.create(roleConnector("Developers", never).build()))
                .isInstanceOf(ConfigurationException.class)
                .extracting(e -> ((ConfigurationException) e).violations().get(0).field()).isEqualTo("accountId");
        assertThat(node.connectors.all()).isEmpty();
    }

    @Test
    void refusesNewGroupsJiraDoesNotHaveButKeepsStoredOnesJiraNoLongerHas() {
        Account account = storedAccount("Production");
        node.jiraGroups.addAll(List.of("aws-developers", "aws-ops", "old-team"));
        Connector stored = node.connectors.create(roleConnector("Developers", account)
                .groups(List.of("aws-developers", "old-team")).build());
        node.jiraGroups.remove("old-team");

        assertThatThrownBy(() -> node.connectors.create(roleConnector("Others", account)
                .groups(List.of("aws-ops", "old-team", "ghosts")).build()))
                .isInstanceOf(ConfigurationException.class)
                .extracting(e -> ((ConfigurationException) e).violations())
                .satisfies(violations -> assertThat(violations).extracting(Violation::field, Violation::message)
                        .containsExactly(org.assertj.core.api.Assertions.tuple("groups", "Jira has no groups named "
                                + "ghosts, old-team. Check the spelling, or create the group in Jira first.")));
        assertThat(node.connectors.all()).extracting(Connector::name).containsExactly("Developers");

        Connector renamed = node.connectors.update(stored.toBuilder().name("Developers (EU)").build());
        assertThat(renamed.groups()).as("a group Jira no longer has stays").containsExactly("aws-developers",
                "old-team");
        assertThatThrownBy(() -> node.connectors.update(renamed.toBuilder()
                .groups(List.of("aws-developers", "old-team", "ghosts")).build()))
                .isInstanceOf(ConfigurationException.class);
        assertThat(node.connectors.get(stored.id()).orElseThrow().groups()).as("nothing written")
                .containsExactly("aws-developers", "old-team");
    }

    @Test
    void replacesTheGroupsOnEditAndRefusesAStaleEdit() {
        Account account = storedAccount("Production");
        Connector opened = node.connectors.create(roleConnector("Developers", account).build());

        Connector edited = node.connectors.update(opened.toBuilder().groups(List.of("aws-admins")).build());

        assertThat(edited.version()).isEqualTo(2);
        assertThat(node.connectors.get(opened.id()).orElseThrow().groups()).containsExactly("aws-admins");
        assertThatThrownBy(() -> node.connectors.update(opened.toBuilder().name("Renamed").build()))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessageContaining("The connector 'Developers' was changed by someone else");
    }

    @Test
    void deletesAConnectorWithItsGroups() throws Exception {
        Account account = storedAccount("Production");
        Connector connector = node.connectors.create(roleConnector("Developers", account).build());

        node.connectors.delete(connector.id());

        assertThat(node.connectors.get(connector.id())).isEmpty();
        assertThat(singleValue("SELECT COUNT(*) FROM \"" + node.ao.tablePrefix() + "CONNECTOR_GROUP\""))
                .isEqualTo("0");
        assertThatThrownBy(() -> node.connectors.delete(connector.id()))
                .isInstanceOf(ConnectorNotFoundException.class);
    }

    @Test
    void showsTheBrokerAnEditMadeOnAnotherNodeAtOnce() {
        Account account = storedAccount("Production");
        Connector connector = node.connectors.create(roleConnector("Developers", account).build());
        BoundConnector before = node.connectors.find(connector.id()).orElseThrow();
        StorageFixture otherNode = new StorageFixture(database, sharedHome);

        otherNode.connectors.update(connector.toBuilder().groups(List.of("aws-admins")).build());
        otherNode.accounts.update(account.toBuilder().region("us-west-2").build(), Optional.empty());

        BoundConnector after = node.connectors.find(connector.id()).orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(after.connector().groups()).containsExactly("aws-admins");
        assertThat(after.account().region()).isEqualTo("us-west-2");
        assertThat(after.account().version()).isEqualTo(2);
    }

    @Test
    void letsOnlyOneOfTwoNodesCreatingTheSameNameAtOnceWin() throws Exception {
        Account account = storedAccount("Production");
        StorageFixture otherNode = new StorageFixture(database, sharedHome);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (StorageFixture each : List.of(node, otherNode)) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        each.connectors.create(roleConnector("Developers", account).id(UUID.randomUUID()).build());
                        return "created";
                    } catch (ConfigurationException e) {
                        return e.violations().get(0).messageKey();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS));
            }
            assertThat(results).containsExactlyInAnyOrder("created", "awsc.validation.name.taken");
        } finally {
            pool.shutdownNow();
        }
        assertThat(node.connectors.all()).hasSize(1);
    }

    // --- secrets at rest ---

    @Test
    void keepsEverySecretReadableAcrossAKeyRotationAndRetiresTheOldKey() {
        Account first = storedAccount("Production");
        Account second = node.accounts.create(accessKeyAccount("Staging").build(),
                Optional.of("je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"));
        String oldKey = node.keyFile.currentKeyId(false);

        SecretKeyRotation.Result result = node.rotation.rotate();

        assertThat(result.reEncryptedSecrets()).isEqualTo(2);
        assertThat(node.keyFile.keyIds()).as("the new key, and the previous one until the next rotation")
                .containsExactlyInAnyOrder(result.newKeyId(), oldKey);
        SecretKeyRotation.Result next = node.rotation.rotate();
        assertThat(node.keyFile.keyIds()).containsExactlyInAnyOrder(next.newKeyId(), result.newKeyId())
                .doesNotContain(oldKey);
        assertThat(node.accounts.secretAccessKey(first)).isEqualTo(SECRET);
        assertThat(node.accounts.secretAccessKey(second)).isEqualTo("je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY");
    }

    @Test
    void refusesToCreateANewKeyFileWhenSecretsAreStoredAndTheFileIsLost(@TempDir Path emptyHome) {
        Account account = storedAccount("Production");
        StorageFixture nodeWithoutKeyFile = new StorageFixture(database, emptyHome);

        assertThatThrownBy(() -> nodeWithoutKeyFile.accounts.secretAccessKey(account))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("missing; restore it from backup");
        assertThatThrownBy(() -> nodeWithoutKeyFile.accounts.create(accessKeyAccount("Staging").build(),
                Optional.of(SECRET))).isInstanceOf(SecretUnavailableException.class);
        assertThat(nodeWithoutKeyFile.accounts.all()).hasSize(1);
    }

    @Test
    void storesNoSecretInAnyColumnInAnyEncodingTheAppCouldReadWithoutTheKeyFile() throws Exception {
        Account account = storedAccount("Production");
        node.connectors.create(roleConnector("Developers", account).build());

        String everything = allStoredText();

        assertThat(everything).isNotEmpty();
        for (String form : encodingsOf(SECRET)) {
            assertThat(everything).as("stored rows").doesNotContain(form);
        }
        // What is there cannot be read with another key file: it takes this instance's file.
        String stored = singleValue("SELECT \"SECRET_KEY_CIPHERTEXT\" FROM \"" + node.ao.tablePrefix() + "ACCOUNT\"");
        KeyFile otherKeys = new KeyFile(new HostApplicationProperties("http://x", null,
                sharedHome.resolve("other-node-with-its-own-key")));
        SecretCipher otherCipher = new SecretCipher(otherKeys);
        otherCipher.encrypt("anything", new SecretContext("ACCOUNT", UUID.randomUUID(), "x"), true);
        assertThatThrownBy(() -> otherCipher.decrypt(stored, new SecretContext(AccountRepository.TABLE,
                account.id(), AccountRepository.SECRET_FIELD))).isInstanceOf(SecretUnavailableException.class);
    }

    /** The secret as plain text, and in the encodings a careless implementation might store. */
    static List<String> encodingsOf(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        return List.of(secret, secret.substring(0, 20), secret.substring(20),
                Base64.getEncoder().encodeToString(bytes), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                HexFormat.of().formatHex(bytes), HexFormat.of().withUpperCase().formatHex(bytes),
                new StringBuilder(secret).reverse().toString(),
                java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }

    private String allStoredText() throws Exception {
        StringBuilder text = new StringBuilder();
        for (String table : List.of("ACCOUNT", "CONNECTOR", "CONNECTOR_GROUP", "EDIT_CLAIM")) {
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT * FROM \"" + node.ao.tablePrefix() + table + "\"")) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        text.append(rs.getString(i)).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }

    String dumpOf() throws Exception {
        return allStoredText();
    }

    TestDatabase database() {
        return database;
    }

    StorageFixture node() {
        return node;
    }

    private List<String> claims() throws Exception {
        List<String> claims = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT \"CLAIM_KEY\" FROM \"" + node.ao.tablePrefix()
                     + "EDIT_CLAIM\"")) {
            while (rs.next()) {
                claims.add(rs.getString(1));
            }
        }
        return claims;
    }

    private String singleValue(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
