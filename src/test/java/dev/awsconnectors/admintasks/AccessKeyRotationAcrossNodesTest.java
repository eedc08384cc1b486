package dev.awsconnectors.admintasks;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.admintasks.RotationReport.Outcome;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.crypto.KeyFile;
import dev.awsconnectors.crypto.SecretCipher;
import dev.awsconnectors.persistence.AccessKeySharedException;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConcurrentEditException;
import dev.awsconnectors.persistence.KeyRotationState;
import dev.awsconnectors.persistence.KeyRotations;
import dev.awsconnectors.persistence.RotationClaim;
import dev.awsconnectors.persistence.RotationUnderWayException;
import dev.awsconnectors.testhost.ao.JdbcActiveObjects;
import dev.awsconnectors.testhost.aws.AccessKey;
import dev.awsconnectors.testhost.aws.Failure;
import dev.awsconnectors.testhost.aws.RecordedRequest;
import dev.awsconnectors.testhost.sal.HostApplicationProperties;
import dev.awsconnectors.validation.ConfigurationValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Rotating one account's key from two Data Center nodes that share the database, and a node that dies half way:
 * one rotation at a time, the other node is told so and changes nothing, and an interrupted rotation is shown and
 * cleaned up. Real repositories on H2, the real SDK against the local AWS double.
 */
class AccessKeyRotationAcrossNodesTest {
    @TempDir
    Path home;

    private IamFixture node;
    private final List<AutoCloseable> closing = new java.util.ArrayList<>();

    /** Another node on the same database, home and AWS, rotating through {@code rotations}. */
    private record OtherNode(AccountRepository accounts, KeyRotations rotations, AccessKeyRotation keyRotation) { }

    @BeforeEach
    void start() {
        node = new IamFixture(home);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable each : closing) {
            each.close();
        }
        node.close();
    }

    private OtherNode otherNode(boolean crashesAfterAwsCreatedTheKey) {
        JdbcActiveObjects ao = node.database.activeObjects();
        AccountRepository accounts = new AccountRepository(ao, new ConfigurationValidator(), new SecretCipher(
                new KeyFile(new HostApplicationProperties("http://localhost:2990/jira", home, home))));
        KeyRotations rotations = crashesAfterAwsCreatedTheKey
                ? new CrashingAfterTheNewKeyIsRecorded(ao, accounts, node.clock)
                : new KeyRotations(ao, accounts, node.clock, KeyRotations.TIME_OUT);
        AwsClients clients = new AwsClients(accounts, IamFixture.FAST);
        closing.add(clients::close);
        return new OtherNode(accounts, rotations, new AccessKeyRotation(accounts, rotations, clients,
                new AccessKeyRotation.KeyPropagation(3, Duration.ZERO)));
    }

    /** The node dies (as with kill -9) right after it recorded the key AWS created: nothing after runs. */
    private static final class CrashingAfterTheNewKeyIsRecorded extends KeyRotations {
        CrashingAfterTheNewKeyIsRecorded(JdbcActiveObjects ao, AccountRepository accounts, java.time.Clock clock) {
            super(ao, accounts, clock, KeyRotations.TIME_OUT);
        }

        @Override
        public RotationClaim recordNewKey(RotationClaim claim, String newKeyId) {
            super.recordNewKey(claim, newKeyId);
            throw new NodeDied();
        }
    }

    private static final class NodeDied extends Error {
        private static final long serialVersionUID = 1L;
    }

    private List<String> keysInAws() {
        return node.iam.clientFor(node.stored()).listAccessKeys(r -> { }).accessKeyMetadata().stream()
                .map(AccessKeyMetadata::accessKeyId).collect(Collectors.toList());
    }

    private long awsCalls(String action) {
        return node.aws.requests().stream().map(RecordedRequest::action).filter(action::equals).count();
    }

    @Test
    void ofTwoNodesRotatingOneAccountAtOnceOneRotatesAndTheOtherIsToldAndChangesNothing() throws Exception {
        OtherNode other = otherNode(false);
        Account before = node.stored();
        // AWS takes its time creating the key, so node 1's rotation is still running when node 2 asks.
        node.aws.failNext(1, "CreateAccessKey", Failure.delay(Duration.ofMillis(1500)));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<RotationReport> first = pool.submit(() -> node.keyRotation.rotateAccessKey(before.id(),
                    before.version()));
            while (node.keyRotation.unfinishedRotation(before.id()).isEmpty() && !first.isDone()) {
                Thread.onSpinWait();
            }

            Throwable refused = catchThrowable(() -> other.keyRotation.rotateAccessKey(before.id(), before.version()));

            RotationReport report = first.get(60, TimeUnit.SECONDS);
            assertThat(report.succeeded()).isTrue();
            assertThat(refused).as("under way, or (had the first finished already) changed since it was read")
                    .isInstanceOfAny(RotationUnderWayException.class, ConcurrentEditException.class);
            if (refused instanceof RotationUnderWayException underWay) {
                assertThat(underWay.interrupted()).isFalse();
                assertThat(underWay.getMessage()).contains("under way").contains("Nothing was changed")
                        .doesNotContainIgnoringCase("delete");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(awsCalls("CreateAccessKey")).as("the second node never asked AWS for a key").isEqualTo(1);
        Account after = node.stored();
        assertThat(after.accessKeyId()).isPresent().get().isNotEqualTo(node.key.accessKeyId());
        assertThat(keysInAws()).containsExactly(after.accessKeyId().get());
        assertThat(node.checks.validate(after.id()).arn()).isEqualTo(node.brokerUser.arn());
        assertThat(node.keyRotation.unfinishedRotation(after.id())).isEmpty();
        assertThat(other.keyRotation.rotateAccessKey(after.id(), after.version()).succeeded())
                .as("the next rotation, from the other node").isTrue();
    }

    @Test
    void aNodeThatDiesAfterAwsCreatedTheKeyLeavesAnUnfinishedRotationThatTheCleanUpDeletes() {
        OtherNode dying = otherNode(true);
        Account before = node.stored();

        assertThatThrownBy(() -> dying.keyRotation.rotateAccessKey(before.id(), before.version()))
                .isInstanceOf(NodeDied.class);

        List<String> inAws = keysInAws();
        assertThat(inAws).hasSize(2).contains(node.key.accessKeyId());
        String orphan = inAws.stream().filter(id -> !id.equals(node.key.accessKeyId())).findFirst().orElseThrow();
        KeyRotationState state = node.keyRotation.unfinishedRotation(before.id()).orElseThrow();
        assertThat(state.newKeyId()).contains(orphan);
        assertThat(state.oldKeyId()).isEqualTo(node.key.accessKeyId());
        assertThat(state.interrupted()).as("until it times out, it may still be running").isFalse();
        assertThatThrownBy(() -> node.keyRotation.rotateAccessKey(before.id(), before.version()))
                .isInstanceOf(RotationUnderWayException.class);
        assertThatThrownBy(() -> node.keyRotation.cleanUpRotation(before.id()))
                .isInstanceOf(RotationUnderWayException.class);
        assertThat(node.stored()).isEqualTo(before);

        node.clock.advance(KeyRotations.TIME_OUT.plusSeconds(1));
        assertThat(node.keyRotation.unfinishedRotation(before.id()).orElseThrow().interrupted()).isTrue();
        assertThatThrownBy(() -> node.keyRotation.rotateAccessKey(before.id(), before.version()))
                .isInstanceOfSatisfying(RotationUnderWayException.class, e -> assertThat(e.interrupted()).isTrue());
        RotationReport cleanUp = node.keyRotation.cleanUpRotation(before.id()).orElseThrow();

        assertThat(cleanUp.succeeded()).isTrue();
        assertThat(cleanUp.steps()).singleElement().satisfies(step -> {
            assertThat(step.name()).isEqualTo(RotationReport.DELETE_NEW);
            assertThat(step.text().english()).contains(orphan).contains("still uses access key " + node.key.accessKeyId());
        });
        assertThat(keysInAws()).containsExactly(node.key.accessKeyId());
        assertThat(node.stored()).isEqualTo(before);
        assertThat(node.checks.validate(before.id()).arn()).isEqualTo(node.brokerUser.arn());
        assertThat(node.keyRotation.unfinishedRotation(before.id())).isEmpty();
        assertThat(node.keyRotation.cleanUpRotation(before.id())).as("nothing left to clean up").isEmpty();
        assertThat(node.keyRotation.rotateAccessKey(before.id(), before.version()).succeeded()).isTrue();
    }

    @Test
    void aRotationWhoseOldKeyCouldNotBeDeletedIsFinishedByTheCleanUp() {
        Account before = node.stored();
        node.aws.failNext(10, "DeleteAccessKey", Failure.awsError(403, "AccessDenied", "not authorized"));

        RotationReport report = node.keyRotation.rotateAccessKey(before.id(), before.version());
        node.aws.clearFailures();

        assertThat(report.succeeded()).isFalse();
        assertThat(report.step(RotationReport.DELETE_OLD).orElseThrow().outcome()).isEqualTo(Outcome.FAILED);
        String newKey = node.stored().accessKeyId().orElseThrow();
        KeyRotationState state = node.keyRotation.unfinishedRotation(before.id()).orElseThrow();
        assertThat(state.interrupted()).as("offered at once: nothing runs any more").isTrue();
        assertThat(state.newKeyId()).contains(newKey);

        RotationReport cleanUp = node.keyRotation.cleanUpRotation(before.id()).orElseThrow();

        assertThat(cleanUp.succeeded()).isTrue();
        assertThat(cleanUp.steps()).singleElement().satisfies(step ->
                assertThat(step.name()).isEqualTo(RotationReport.DELETE_OLD));
        assertThat(keysInAws()).containsExactly(newKey);
        assertThat(node.stored().accessKeyId()).contains(newKey);
        assertThat(node.checks.validate(before.id()).arn()).isEqualTo(node.brokerUser.arn());
    }

    @Test
    void rotationIsRefusedWhileAnotherAccountStoresTheSameKeyAndAwsIsNotCalled() throws Exception {
        Account before = node.stored();
        Account other = node.accounts.create(before.toBuilder().id(java.util.UUID.randomUUID()).name("Copy")
                .accessKeyId("AKIAOTHERKEY00000000").version(0).build(), Optional.of(node.key.secretAccessKey()));
        // Stored before key IDs were kept unique: the copy holds the same key ID.
        try (Connection connection = node.database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE \"" + node.database.activeObjects().tablePrefix() + "ACCOUNT\" SET "
                    + "\"ACCESS_KEY_ID\" = '" + node.key.accessKeyId() + "' WHERE \"PUBLIC_ID\" = '" + other.id()
                    + "'");
        }
        node.aws.clear();

        assertThatThrownBy(() -> node.keyRotation.rotateAccessKey(before.id(), before.version()))
                .isInstanceOfSatisfying(AccessKeySharedException.class, e -> {
                    assertThat(e.otherAccounts()).containsExactly("Copy");
                    assertThat(e.getMessage()).contains("'Copy'").doesNotContain(node.key.accessKeyId());
                });

        assertThat(node.aws.requests()).isEmpty();
        assertThat(keysInAws()).containsExactly(node.key.accessKeyId());
        assertThat(node.keyRotation.unfinishedRotation(before.id())).isEmpty();
    }

    @Test
    void aKeyFromTheIamUserThatAnotherAccountStoresIsNamedAsKeptWhenIamsLimitIsReached() {
        AccessKey second = node.brokerUser.addAccessKey();
        node.accounts.create(node.stored().toBuilder().id(java.util.UUID.randomUUID()).name("Second")
                .accessKeyId(second.accessKeyId()).version(0).build(), Optional.of(second.secretAccessKey()));
        Account before = node.stored();

        RotationReport report = node.keyRotation.rotateAccessKey(before.id(), before.version());

        assertThat(report.steps().get(0).text().english())
                .contains(second.accessKeyId() + " (stored in account 'Second': keep it)")
                .contains("uses access key " + node.key.accessKeyId() + ": keep it");
        assertThat(keysInAws()).containsExactlyInAnyOrder(node.key.accessKeyId(), second.accessKeyId());
    }
}
