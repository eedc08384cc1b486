package dev.awsconnectors.persistence;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.api.AccountSecretUnavailableException;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
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
import java.util.Set;
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
                prefix + "CONNECTOR_GROUP", prefix + "EDIT_CLAIM", prefix + "ACCESS_KEY_HOLDER",
                prefix + "KEY_ROTATION", prefix + "LIST_REVISION");
        assertThat(tables).allMatch(table -> table.length() <= 30);
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
    void roundTripsAKeylessAccountWithItsAudienceAndIssuerUrlAndStoresNoKey() throws Exception {
        Account entered = Account.builder().name("Keyless").type(AccountType.WEB_IDENTITY)
                .partition(dev.awsconnectors.accounts.Partition.AWS).region("eu-west-1").audience("jira-prod")
                .issuerUrl(java.net.URI.create("https://oidc-bucket.s3.eu-west-1.amazonaws.com/jira")).build();

        Account stored = node.accounts.create(entered, Optional.empty());

        assertThat(stored).isEqualTo(entered.toBuilder().version(1).build());
        assertThat(node.accounts.get(entered.id())).contains(stored);
        String table = quoted(node.ao.tablePrefix() + "ACCOUNT");
        assertThat(singleValue("SELECT " + quoted("AUDIENCE") + " FROM " + table)).isEqualTo("jira-prod");
        assertThat(singleValue("SELECT " + quoted("ISSUER_URL") + " FROM " + table))
                .isEqualTo("https://oidc-bucket.s3.eu-west-1.amazonaws.com/jira");
        assertThat(singleValue("SELECT COUNT(*) FROM " + table + " WHERE " + quoted("ACCESS_KEY_ID")
                + " IS NULL AND " + quoted("SECRET_KEY_CIPHERTEXT") + " IS NULL")).isEqualTo("1");
        assertThat(singleValue("SELECT COUNT(*) FROM " + quoted(node.ao.tablePrefix() + "ACCESS_KEY_HOLDER")))
                .isEqualTo("0");
    }

    @Test
    void keepsTheDefaultAudienceAndTheAppsOwnIssuerOfAKeylessAccountEnteredWithout() {
        Account stored = node.accounts.create(Account.builder().name("Keyless").type(AccountType.WEB_IDENTITY)
                .partition(dev.awsconnectors.accounts.Partition.AWS).region("eu-west-1").build(), Optional.empty());

        Account read = node.accounts.get(stored.id()).orElseThrow();
        assertThat(read.audience()).contains("sts.amazonaws.com");
        assertThat(read.issuerUrl()).isEmpty();
    }

    @Test
    void dropsTheKeyOfAnAccessKeyAccountTurnedKeylessAndForgetsItsHolder() throws Exception {
        Account account = storedAccount("Production");
        node.connectors.create(roleConnector("Developers", account).mfaSerialNumber(null).externalId(null).build());

        Account keyless = node.accounts.update(account.toBuilder().type(AccountType.WEB_IDENTITY).accessKeyId(null)
                .build(), Optional.empty());

        assertThat(keyless.type()).isEqualTo(AccountType.WEB_IDENTITY);
        assertThat(keyless.audience()).contains("sts.amazonaws.com");
        String table = quoted(node.ao.tablePrefix() + "ACCOUNT");
        assertThat(singleValue("SELECT COUNT(*) FROM " + table + " WHERE " + quoted("ACCESS_KEY_ID")
                + " IS NULL AND " + quoted("SECRET_KEY_CIPHERTEXT") + " IS NULL")).isEqualTo("1");
        assertThat(singleValue("SELECT COUNT(*) FROM " + quoted(node.ao.tablePrefix() + "ACCESS_KEY_HOLDER")))
                .isEqualTo("0");
    }

    @Test
    void refusesToTurnAnAccountKeylessWhileConnectorsNeedItsKeyNamingThemAndChangesNothing() {
        Account account = storedAccount("Production");
        node.connectors.create(Connector.builder().name("Federated").accountId(account.id())
                .principalType(dev.awsconnectors.api.PrincipalType.FEDERATED_USER).policy(StorageFixture.POLICY).build());
        node.connectors.create(roleConnector("With MFA", account).build());
        node.connectors.create(roleConnector("Plain role", account).mfaSerialNumber(null).externalId(null).build());
        node.connectors.create(roleConnector("With external id", account).mfaSerialNumber(null).build());

        assertThatThrownBy(() -> node.accounts.update(account.toBuilder().type(AccountType.WEB_IDENTITY)
                .accessKeyId(null).build(), Optional.empty()))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("type");
                    assertThat(e.violations().get(0).message()).contains("Federated, With external id, With MFA")
                            .contains("a token Jira signs carries no external ID").doesNotContain("Plain role");
                });
        assertThat(node.accounts.get(account.id())).contains(account);
        assertThat(node.accounts.secretAccessKey(account)).isEqualTo(SECRET);
    }

    @Test
    void runsTheFourthUpgradeTaskAgainWithoutChangingAKeylessAccount() {
        Account stored = node.accounts.create(Account.builder().name("Keyless").type(AccountType.WEB_IDENTITY)
                .partition(dev.awsconnectors.accounts.Partition.AWS).region("eu-west-1").audience("jira").build(),
                Optional.empty());

        new WebIdentityAccounts().upgrade(WebIdentityAccounts.VERSION, node.ao);

        assertThat(node.accounts.get(stored.id())).contains(stored);
        assertThat(new WebIdentityAccounts().getModelVersion().isSame(
                com.atlassian.activeobjects.external.ModelVersion.valueOf("4"))).isTrue();
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

    // --- one access key ID per account ---

    @Test
    void refusesAnAccessKeyIdAlreadyStoredOnAnotherAccountNamingItWithTheKeyMasked() {
        Account production = storedAccount("Production");
        String keyId = production.accessKeyId().orElseThrow();

        assertThatThrownBy(() -> node.accounts.create(accessKeyAccount("Staging").accessKeyId(keyId).build(),
                Optional.of(SECRET)))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    Violation violation = e.violations().get(0);
                    assertThat(violation.field()).isEqualTo("accessKeyId");
                    assertThat(violation.message()).contains("'Production'")
                            .contains(keyId.substring(0, 4) + "************" + keyId.substring(16))
                            .doesNotContain(keyId);
                });
        Account staging = storedAccount("Staging");
        assertThatThrownBy(() -> node.accounts.update(staging.toBuilder().accessKeyId(keyId).build(),
                Optional.empty())).isInstanceOf(ConfigurationException.class);
        assertThat(node.accounts.all()).extracting(Account::name).containsExactly("Production", "Staging");
        assertThat(node.accounts.get(staging.id())).contains(staging);
    }

    @Test
    void freesAnAccessKeyIdWhenItsAccountTakesAnotherKeyOrIsDeleted() {
        Account production = storedAccount("Production");
        String keyId = production.accessKeyId().orElseThrow();
        node.accounts.update(production.toBuilder().accessKeyId(StorageFixture.accessKeyIdOf("new key")).build(),
                Optional.of(SECRET));

        Account staging = node.accounts.create(accessKeyAccount("Staging").accessKeyId(keyId).build(),
                Optional.of(SECRET));
        node.accounts.delete(staging.id());

        assertThat(node.accounts.create(accessKeyAccount("Test").accessKeyId(keyId).build(), Optional.of(SECRET))
                .accessKeyId()).contains(keyId);
    }

    @Test
    void letsOnlyOneOfTwoNodesSavingTheSameAccessKeyIdAtOnceWin() throws Exception {
        String keyId = StorageFixture.accessKeyIdOf("shared");
        StorageFixture otherNode = new StorageFixture(database, sharedHome);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            int n = 0;
            for (StorageFixture each : List.of(node, otherNode)) {
                String name = "Account " + (++n);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        each.accounts.create(accessKeyAccount(name).accessKeyId(keyId).build(), Optional.of(SECRET));
                        return "created";
                    } catch (ConfigurationException e) {
                        return e.violations().get(0).messageKey();
                    } catch (ConcurrentEditException e) {
                        return "refused as a concurrent edit";
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS));
            }
            assertThat(results).containsOnlyOnce("created");
            assertThat(results).filteredOn(result -> !result.equals("created")).singleElement()
                    .isIn("awsc.validation.accessKeyId.taken", "refused as a concurrent edit");
        } finally {
            pool.shutdownNow();
        }
        assertThat(node.accounts.all()).hasSize(1);
    }

    @Test
    void theUpgradeKeepsAccountsThatAlreadyShareAKeyAndGivesTheKeyToTheOldest() throws Exception {
        Account first = storedAccount("First");
        Account second = storedAccount("Second");
        String keyId = first.accessKeyId().orElseThrow();
        // As a site stored them before key IDs were kept unique: the same key ID on both, no holder recorded.
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            String prefix = node.ao.tablePrefix();
            statement.executeUpdate("UPDATE " + quoted(prefix + "ACCOUNT") + " SET " + quoted("ACCESS_KEY_ID")
                    + " = '" + keyId + "'");
            statement.executeUpdate("DELETE FROM " + quoted(prefix + "ACCESS_KEY_HOLDER"));
        }

        new AccessKeyGuards().upgrade(InitialSchema.VERSION, node.ao);
        new AccessKeyGuards().upgrade(AccessKeyGuards.VERSION, node.ao);

        Account secondNow = node.accounts.get(second.id()).orElseThrow();
        assertThat(secondNow.accessKeyId()).contains(keyId);
        assertThat(node.accounts.namesSharingAccessKey(secondNow)).containsExactly("First");
        assertThat(node.accounts.namesSharingAccessKey(node.accounts.get(first.id()).orElseThrow()))
                .containsExactly("Second");
        assertThatThrownBy(() -> node.accounts.update(secondNow.toBuilder().description("x").build(),
                Optional.empty())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'First'");
        Account fixed = node.accounts.update(secondNow.toBuilder().accessKeyId(StorageFixture.accessKeyIdOf("own"))
                .build(), Optional.of(SECRET));
        assertThat(node.accounts.namesSharingAccessKey(fixed)).isEmpty();
        assertThatThrownBy(() -> node.accounts.create(accessKeyAccount("Third").accessKeyId(keyId).build(),
                Optional.of(SECRET))).isInstanceOf(ConfigurationException.class).hasMessageContaining("'First'");
    }

    private String quoted(String identifier) {
        return "\"" + identifier + "\"";
    }

    // --- one key rotation per account ---

    @Test
    void letsOnlyOneOfTwoNodesClaimingTheRotationOfAnAccountAtOnceWinAndTellsTheOtherItIsUnderWay() throws Exception {
        Account account = storedAccount("Production");
        KeyRotations onThisNode = new KeyRotations(node.ao, node.accounts);
        StorageFixture otherNode = new StorageFixture(database, sharedHome);
        KeyRotations onTheOtherNode = new KeyRotations(otherNode.ao, otherNode.accounts);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> results = new ArrayList<>();
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (KeyRotations rotations : List.of(onThisNode, onTheOtherNode)) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        return "claimed " + rotations.claim(account.id(), account.version()).oldKeyId();
                    } catch (RotationUnderWayException e) {
                        return "under way: " + e.getMessage();
                    }
                }));
            }
            start.countDown();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results).containsOnlyOnce("claimed " + account.accessKeyId().orElseThrow());
        assertThat(results).filteredOn(result -> !result.startsWith("claimed")).singleElement().asString()
                .startsWith("under way: Another rotation of the access key of account 'Production' is under way");
        assertThat(onTheOtherNode.state(account.id())).hasValueSatisfying(state -> {
            assertThat(state.interrupted()).as("the winner is still running").isFalse();
            assertThat(state.oldKeyId()).isEqualTo(account.accessKeyId().orElseThrow());
        });
        assertThat(singleValue("SELECT COUNT(*) FROM " + quoted(node.ao.tablePrefix() + "KEY_ROTATION")))
                .isEqualTo("1");
    }

    @Test
    void aClaimThatTimedOutIsTakenOverByACleanUpAndItsHolderCanNoLongerStoreItsKey() throws Exception {
        Account account = storedAccount("Production");
        java.time.Instant started = java.time.Instant.parse("2026-01-01T10:00:00Z");
        java.time.Duration timeOut = java.time.Duration.ofMinutes(10);
        KeyRotations crashedNode = new KeyRotations(node.ao, node.accounts,
                java.time.Clock.fixed(started, java.time.ZoneOffset.UTC), timeOut);
        RotationClaim crashed = crashedNode.recordNewKey(crashedNode.claim(account.id(), account.version()),
                "AKIANEWKEY0000000001");
        StorageFixture otherNode = new StorageFixture(database, sharedHome);
        KeyRotations beforeTheTimeOut = new KeyRotations(otherNode.ao, otherNode.accounts,
                java.time.Clock.fixed(started.plus(timeOut).minusSeconds(1), java.time.ZoneOffset.UTC), timeOut);
        KeyRotations afterTheTimeOut = new KeyRotations(otherNode.ao, otherNode.accounts,
                java.time.Clock.fixed(started.plus(timeOut), java.time.ZoneOffset.UTC), timeOut);

        assertThatThrownBy(() -> beforeTheTimeOut.takeOver(account.id()))
                .isInstanceOfSatisfying(RotationUnderWayException.class, e -> assertThat(e.interrupted()).isFalse());
        assertThatThrownBy(() -> afterTheTimeOut.claim(account.id(), account.version()))
                .as("an interrupted rotation is cleaned up, not rotated over")
                .isInstanceOfSatisfying(RotationUnderWayException.class, e -> assertThat(e.interrupted()).isTrue());
        assertThat(afterTheTimeOut.state(account.id())).hasValueSatisfying(state -> {
            assertThat(state.interrupted()).isTrue();
            assertThat(state.newKeyId()).contains("AKIANEWKEY0000000001");
        });

        RotationClaim cleanUp = afterTheTimeOut.takeOver(account.id()).orElseThrow();

        assertThat(cleanUp.oldKeyId()).isEqualTo(account.accessKeyId().orElseThrow());
        assertThat(cleanUp.newKeyId()).contains("AKIANEWKEY0000000001");
        assertThatThrownBy(() -> crashedNode.storeNewKey(crashed, account.toBuilder()
                .accessKeyId("AKIANEWKEY0000000001").build(), SECRET))
                .as("the rotation that woke up again stores nothing").isInstanceOf(RotationUnderWayException.class);
        assertThat(node.accounts.get(account.id()).orElseThrow().accessKeyId()).isEqualTo(account.accessKeyId());
        assertThat(node.accounts.get(account.id()).orElseThrow().version()).isEqualTo(account.version());

        afterTheTimeOut.release(cleanUp);

        assertThat(afterTheTimeOut.state(account.id())).isEmpty();
        assertThat(afterTheTimeOut.takeOver(account.id())).as("nothing left to clean up").isEmpty();
        assertThat(singleValue("SELECT COUNT(*) FROM " + quoted(node.ao.tablePrefix() + "KEY_ROTATION")))
                .isEqualTo("0");
    }

    // --- connectors ---

    @Test
    void listsWhatAnotherNodeChangedSinceThisNodeLastListedConnectors() {
        Account account = storedAccount("Production");
        StorageFixture otherNode = new StorageFixture(database, sharedHome);
        Connector developers = node.connectors.create(roleConnector("Developers", account)
                .groups(List.of("aws-developers")).build());
        assertThat(node.connectors.all()).extracting(Connector::name).containsExactly("Developers");
        assertThat(node.connectors.namingAnyGroup("aws-ops"::equals)).isEmpty();

        Connector operators = otherNode.connectors.create(roleConnector("Operators", account)
                .groups(List.of("aws-ops")).build());
        assertThat(node.connectors.all()).extracting(Connector::name).containsExactly("Developers", "Operators");
        assertThat(node.connectors.namingAnyGroup("aws-ops"::equals)).extracting(Connector::name)
                .containsExactly("Operators");

        otherNode.connectors.update(otherNode.connectors.get(developers.id()).orElseThrow().toBuilder()
                .name("Builders").groups(List.of("aws-ops")).build());
        assertThat(node.connectors.all()).extracting(Connector::name).containsExactly("Builders", "Operators");
        assertThat(node.connectors.namingAnyGroup("aws-ops"::equals)).extracting(Connector::name)
                .containsExactly("Builders", "Operators");

        otherNode.connectors.delete(operators.id());
        assertThat(node.connectors.all()).extracting(Connector::name).containsExactly("Builders");
        assertThat(node.connectors.namingAnyGroup("aws-ops"::equals)).extracting(Connector::name)
                .containsExactly("Builders");
    }

    @Test
    void keepsOneRevisionRowWhenTheThirdUpgradeTaskRunsAgain() {
        new ListRevisions().upgrade(ListRevisions.VERSION, node.ao);
        new ListRevisions().upgrade(ListRevisions.VERSION, node.ao);

        assertThat(node.ao.find(ListRevisionEntity.class)).hasSize(1);
        assertThat(ListRevisions.connectorsRevision(node.ao)).isNotEmpty();
    }

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
    void storesNoChangeWhoseAuditEventCannotBeBuiltBeforeTheCommit() {
        Account account = storedAccount("Production");
        Connector connector = node.connectors.create(roleConnector("Developers", account).build());
        java.util.function.Consumer<Object> failingAudit = stored -> {
            throw new IllegalStateException("the audit event could not be built");
        };

        assertThatThrownBy(() -> node.accounts.create(accessKeyAccount("Staging").build(), Optional.of(SECRET),
                failingAudit)).hasMessage("the audit event could not be built");
        assertThatThrownBy(() -> node.accounts.update(account.toBuilder().description("edited").build(),
                Optional.empty(), failingAudit)).hasMessage("the audit event could not be built");
        assertThatThrownBy(() -> node.connectors.create(roleConnector("Testers", account).build(), failingAudit))
                .hasMessage("the audit event could not be built");
        assertThatThrownBy(() -> node.connectors.update(connector.toBuilder().description("edited").build(),
                failingAudit)).hasMessage("the audit event could not be built");

        assertThat(node.accounts.all()).containsExactly(account);
        assertThat(node.connectors.all()).containsExactly(connector);
        assertThat(node.accounts.update(account.toBuilder().description("edited").build(), Optional.empty())
                .version()).as("the failed edit claimed no version").isEqualTo(2);
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

    // --- a lost or wrong key file, and the way back ---

    private static final String STAGING_SECRET = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";
    private static final String NEW_SECRET = "Zq8Rl2VbNc4Xw/6Tt0Yy+Ee1Gg3Hh5Jj7Kk9Ll2M";

    private Account stagingAccount(StorageFixture on) {
        return on.accounts.create(accessKeyAccount("Staging").accessKeyId("AKIAI44QH8DHBSTAGING").build(),
                Optional.of(STAGING_SECRET));
    }

    private Path keyFilePath() {
        return sharedHome.resolve("aws-connectors").resolve("secret-keys");
    }

    private String storedCiphertext(Account account) throws Exception {
        return singleValue("SELECT \"SECRET_KEY_CIPHERTEXT\" FROM \"" + node.ao.tablePrefix()
                + "ACCOUNT\" WHERE \"PUBLIC_ID\" = '" + account.id() + "'");
    }

    private static List<String> names(List<UnreadableSecret> unreadable) {
        return unreadable.stream().map(UnreadableSecret::accountName).toList();
    }

    @Test
    void namesEveryAccountWhoseSecretCannotBeReadOnceTheKeyFileIsLostAndNeverCreatesOneOnRead() throws Exception {
        Account production = storedAccount("Production");
        Account staging = stagingAccount(node);
        assertThat(node.accounts.unreadableSecrets()).isEmpty();
        Files.delete(keyFilePath());

        assertThatThrownBy(() -> node.accounts.secretAccessKey(production))
                .isInstanceOfSatisfying(AccountSecretUnavailableException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(AccountSecretUnavailableException.Reason.KEY_FILE_MISSING);
                    assertThat(e.getAccountName()).isEqualTo("Production");
                    assertThat(e.getKeyFileLocation()).isEqualTo("<shared home>/aws-connectors/secret-keys");
                })
                .hasMessageContaining("'Production'")
                .hasMessageContaining("the key file <shared home>/aws-connectors/secret-keys is missing")
                .hasMessageContaining("restore it from the backup")
                .hasMessageContaining("enter the account's secret access key again")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(sharedHome.toString()));
        List<UnreadableSecret> unreadable = node.accounts.unreadableSecrets();
        assertThat(names(unreadable)).containsExactly("Production", "Staging");
        assertThat(unreadable).extracting(UnreadableSecret::reason)
                .containsOnly(AccountSecretUnavailableException.Reason.KEY_FILE_MISSING);
        assertThat(unreadable.get(1).accountId()).isEqualTo(staging.id());
        assertThat(keyFilePath()).as("reading never creates a key file").doesNotExist();
    }

    @Test
    void recoversFromALostKeyFileAsEachSecretIsEnteredAgainOnAnyNode() throws Exception {
        Account production = storedAccount("Production");
        Account staging = stagingAccount(node);
        String lostKeyId = node.keyFile.currentKeyId(false);
        String stagingCiphertext = storedCiphertext(staging);
        StorageFixture otherNode = new StorageFixture(database, sharedHome);
        assertThat(otherNode.accounts.secretAccessKey(staging)).isEqualTo(STAGING_SECRET);
        Files.delete(keyFilePath());

        Account reentered = node.accounts.update(production, Optional.of(NEW_SECRET));

        assertThat(keyFilePath()).as("entering a secret again creates a new key file").exists();
        assertThat(node.keyFile.keyIds()).singleElement().isNotEqualTo(lostKeyId);
        assertThat(node.accounts.secretAccessKey(reentered)).isEqualTo(NEW_SECRET);
        assertThat(otherNode.accounts.secretAccessKey(reentered)).as("the other node reads the new key file")
                .isEqualTo(NEW_SECRET);
        assertThat(storedCiphertext(staging)).as("the other secrets stay as they were").isEqualTo(stagingCiphertext);
        assertThatThrownBy(() -> otherNode.accounts.secretAccessKey(staging))
                .isInstanceOfSatisfying(AccountSecretUnavailableException.class, e -> assertThat(e.getReason())
                        .isEqualTo(AccountSecretUnavailableException.Reason.CANNOT_DECRYPT))
                .hasMessageContaining("cannot be decrypted with the current key file "
                        + "<shared home>/aws-connectors/secret-keys");
        assertThat(otherNode.accounts.unreadableSecrets()).singleElement().satisfies(left -> {
            assertThat(left.accountName()).isEqualTo("Staging");
            assertThat(left.reason()).isEqualTo(AccountSecretUnavailableException.Reason.CANNOT_DECRYPT);
        });

        Account newAccount = otherNode.accounts.create(accessKeyAccount("Sandbox").accessKeyId("AKIAJSANDBOX7EXAMPLE")
                .build(), Optional.of(SECRET));
        otherNode.accounts.update(staging, Optional.of(STAGING_SECRET));

        assertThat(node.accounts.unreadableSecrets()).isEmpty();
        assertThat(node.accounts.secretAccessKey(staging)).isEqualTo(STAGING_SECRET);
        assertThat(node.accounts.secretAccessKey(newAccount)).isEqualTo(SECRET);
        assertThat(node.keyFile.keyIds()).as("one new key file, never replaced").hasSize(1);
    }

    @Test
    void readsTheRemainingSecretsAgainOnceTheLostFilesKeyLineIsCopiedIntoTheNewKeyFile() throws Exception {
        Account production = storedAccount("Production");
        Account staging = stagingAccount(node);
        List<String> lostKeyLines = Files.readAllLines(keyFilePath()).stream()
                .filter(line -> line.startsWith("key.")).toList();
        Files.delete(keyFilePath());
        node.accounts.update(production, Optional.of(NEW_SECRET));
        assertThat(names(node.accounts.unreadableSecrets())).containsExactly("Staging");

        // What the README tells an admin who finds the old file's backup after entering secrets again.
        Files.write(keyFilePath(), lostKeyLines, StandardOpenOption.APPEND);

        assertThat(node.accounts.unreadableSecrets()).isEmpty();
        assertThat(node.accounts.secretAccessKey(staging)).isEqualTo(STAGING_SECRET);
        assertThat(node.accounts.secretAccessKey(production)).isEqualTo(NEW_SECRET);
    }

    @Test
    void dropsADeletedAccountFromTheUnreadableOnes() throws Exception {
        storedAccount("Production");
        Account staging = stagingAccount(node);
        Files.delete(keyFilePath());
        assertThat(names(node.accounts.unreadableSecrets())).containsExactly("Production", "Staging");

        node.accounts.delete(staging.id());

        assertThat(names(node.accounts.unreadableSecrets())).containsExactly("Production");
    }

    @Test
    void createsOneKeyFileWhenTwoNodesEnterSecretsAgainAtOnce() throws Exception {
        Account production = storedAccount("Production");
        Account staging = stagingAccount(node);
        Files.delete(keyFilePath());
        StorageFixture otherNode = new StorageFixture(database, sharedHome);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Account> first = pool.submit(() -> {
                start.await();
                return node.accounts.update(production, Optional.of(NEW_SECRET));
            });
            Future<Account> second = pool.submit(() -> {
                start.await();
                return otherNode.accounts.update(staging, Optional.of(STAGING_SECRET));
            });
            start.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(node.keyFile.keyIds()).hasSize(1);
        for (StorageFixture each : List.of(node, otherNode)) {
            assertThat(each.accounts.secretAccessKey(production)).isEqualTo(NEW_SECRET);
            assertThat(each.accounts.secretAccessKey(staging)).isEqualTo(STAGING_SECRET);
            assertThat(each.accounts.unreadableSecrets()).isEmpty();
        }
    }

    @Test
    void treatsAKeyFileFromAnotherBackupAsOneThatCannotDecryptAndLetsSecretsBeEnteredAgainUnderIt(
            @TempDir Path otherInstance) throws Exception {
        Account production = storedAccount("Production");
        Account staging = stagingAccount(node);
        KeyFile anotherInstancesKeys = new KeyFile(new HostApplicationProperties("http://x", null, otherInstance));
        new SecretCipher(anotherInstancesKeys).encrypt("anything",
                new SecretContext(AccountRepository.TABLE, UUID.randomUUID(), AccountRepository.SECRET_FIELD), true);
        Files.copy(otherInstance.resolve("aws-connectors").resolve("secret-keys"), keyFilePath(),
                StandardCopyOption.REPLACE_EXISTING);
        Set<String> wrongKeys = node.keyFile.keyIds();

        assertThatThrownBy(() -> node.accounts.secretAccessKey(production))
                .isInstanceOfSatisfying(AccountSecretUnavailableException.class, e -> assertThat(e.getReason())
                        .isEqualTo(AccountSecretUnavailableException.Reason.CANNOT_DECRYPT))
                .hasMessageContaining("cannot be decrypted with the current key file");
        assertThat(names(node.accounts.unreadableSecrets())).containsExactly("Production", "Staging");

        Account reentered = node.accounts.update(production, Optional.of(NEW_SECRET));

        assertThat(node.accounts.secretAccessKey(reentered)).isEqualTo(NEW_SECRET);
        assertThat(node.keyFile.keyIds()).as("the key file that is there is used, not replaced")
                .isEqualTo(wrongKeys);
        assertThat(node.accounts.unreadableSecrets()).singleElement()
                .satisfies(left -> assertThat(left.accountId()).isEqualTo(staging.id()));
    }

    @Test
    void refusesToSaveASecretUnderAKeyFileOthersCanReadAndChangesNothing() throws Exception {
        Account production = storedAccount("Production");
        String before = storedCiphertext(production);
        Files.setPosixFilePermissions(keyFilePath(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> node.accounts.update(production.toBuilder().region("us-west-2").build(),
                Optional.of(NEW_SECRET)))
                .isInstanceOfSatisfying(AccountSecretUnavailableException.class, e -> assertThat(e.getReason())
                        .isEqualTo(AccountSecretUnavailableException.Reason.KEY_FILE_UNUSABLE))
                .hasMessageContaining("chmod 600")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(sharedHome.toString()));
        assertThat(node.accounts.get(production.id())).contains(production);
        assertThat(storedCiphertext(production)).isEqualTo(before);
        assertThat(node.accounts.unreadableSecrets()).singleElement().satisfies(unreadable -> {
            assertThat(unreadable.reason()).isEqualTo(AccountSecretUnavailableException.Reason.KEY_FILE_UNUSABLE);
            assertThat(unreadable.problem()).hasValueSatisfying(p -> assertThat(p).contains("chmod 600"));
        });
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
