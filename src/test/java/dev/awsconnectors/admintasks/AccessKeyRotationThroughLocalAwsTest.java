package dev.awsconnectors.admintasks;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.admintasks.RotationReport.Outcome;
import dev.awsconnectors.admintasks.RotationReport.Step;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.i18n.Text;
import dev.awsconnectors.testhost.aws.AccessKey;
import dev.awsconnectors.testhost.aws.Failure;
import dev.awsconnectors.testhost.aws.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.sts.StsClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.awsconnectors.admintasks.IamFixture.BROKER_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Rotate access key" through the real AWS SDK against the local AWS double, stored on H2. */
class AccessKeyRotationThroughLocalAwsTest {
    /** The shape of key material: what no report or message may show. */
    private static final String KEY_MATERIAL = "[A-Za-z0-9/+=]{40,}";

    @TempDir
    Path home;
    private IamFixture node;

    @BeforeEach
    void start() {
        node = new IamFixture(home);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private List<String> keysInAws() {
        return node.iam.clientFor(node.stored()).listAccessKeys(r -> { }).accessKeyMetadata().stream()
                .map(AccessKeyMetadata::accessKeyId).collect(Collectors.toList());
    }

    private List<String> iamActions() {
        return node.aws.requests().stream().filter(r -> r.service().equals("iam")).map(RecordedRequest::action)
                .collect(Collectors.toList());
    }

    private static List<Outcome> outcomes(RotationReport report) {
        return report.steps().stream().map(Step::outcome).collect(Collectors.toList());
    }

    private static List<String> names(RotationReport report) {
        return report.steps().stream().map(Step::name).collect(Collectors.toList());
    }

    private static void assertNoSecretIn(RotationReport report, String... secrets) {
        List<String> texts = new ArrayList<>();
        texts.add(report.toString());
        report.steps().forEach(step -> texts.add(step.text().english()));
        for (String text : texts) {
            assertThat(text).doesNotContainPattern(KEY_MATERIAL);
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    @Test
    void rotateCreatesChecksStoresTheNewKeyAndDeletesTheOldOne() {
        Account before = node.stored();

        RotationReport report = node.keyRotation.rotateAccessKey(before.id(), before.version());

        Account after = node.stored();
        String newSecret = node.accounts.secretAccessKey(after);
        assertThat(report.succeeded()).isTrue();
        assertThat(names(report)).containsExactly(RotationReport.CREATE, RotationReport.CHECK,
                RotationReport.STORE, RotationReport.DELETE_OLD);
        assertThat(outcomes(report)).containsOnly(Outcome.SUCCEEDED);
        assertThat(after.accessKeyId()).isPresent().get().isNotEqualTo(node.key.accessKeyId())
                .isEqualTo(report.activeAccessKeyId());
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(newSecret).hasSize(40).isNotEqualTo(node.key.secretAccessKey());
        assertThat(keysInAws()).containsExactly(report.activeAccessKeyId());
        assertThat(report.step(RotationReport.DELETE_OLD).orElseThrow().text()).isEqualTo(Text.of(
                "awsc.admin.rotate.report.deletedOld", node.key.accessKeyId(),
                Text.of("awsc.admin.rotate.report.iamUser", BROKER_USER)));
        try (StsClient withNewKey = node.sts.newClient(after, StaticCredentialsProvider.create(
                AwsBasicCredentials.create(after.accessKeyId().orElseThrow(), newSecret)))) {
            assertThat(withNewKey.getCallerIdentity().arn()).isEqualTo(node.brokerUser.arn());
        }
        assertThat(node.checks.validate(after.id()).arn()).isEqualTo(node.brokerUser.arn());
        assertNoSecretIn(report, newSecret, node.key.secretAccessKey());
    }

    @Test
    void rotateCreatesTheKeyForTheCallersOwnUserAndSignsEveryIamCallWithTheOldKey() {
        Account before = node.stored();

        node.keyRotation.rotateAccessKey(before.id(), before.version());

        List<RecordedRequest> iamCalls = node.aws.requests().stream().filter(r -> r.service().equals("iam"))
                .collect(Collectors.toList());
        assertThat(iamCalls).extracting(RecordedRequest::action).containsExactly("CreateAccessKey",
                "DeleteAccessKey");
        assertThat(iamCalls.get(0).parameter("UserName")).isNull();
        assertThat(iamCalls.get(1).parameter("AccessKeyId")).isEqualTo(node.key.accessKeyId());
        assertThat(iamCalls.get(1).parameter("UserName")).isNull();
    }

    @Test
    void rotateWaitsForANewKeyThatAwsDoesNotKnowYet() {
        node.aws.failNext(2, "GetCallerIdentity", Failure.awsError(403, "InvalidClientTokenId",
                "The security token included in the request is invalid."));
        Account before = node.stored();

        RotationReport report = node.keyRotation.rotateAccessKey(before.id(), before.version());

        assertThat(report.succeeded()).isTrue();
        assertThat(node.aws.requests().stream().filter(r -> r.action().equals("GetCallerIdentity")))
                .hasSize(3);
    }

    @Test
    void rotateWhenTheUserAlreadyHasTwoKeysExplainsIamsLimitAndChangesNothing() {
        AccessKey second = node.brokerUser.addAccessKey();
        Account before = node.stored();

        RotationReport report = node.keyRotation.rotateAccessKey(before.id(), before.version());

        assertThat(report.succeeded()).isFalse();
        assertThat(report.activeAccessKeyId()).isEqualTo(node.key.accessKeyId());
        assertThat(outcomes(report)).containsExactly(Outcome.FAILED, Outcome.SKIPPED, Outcome.SKIPPED,
                Outcome.SKIPPED);
        Text created = report.steps().get(0).text();
        assertThat(created.key()).isEqualTo("awsc.admin.rotate.report.createFailed");
        assertThat(created.arguments().subList(1, 3)).containsExactly(node.stored().name(), node.key.accessKeyId());
        Text limit = (Text) created.arguments().get(0);
        assertThat(limit.key()).isEqualTo("awsc.admin.rotate.report.limitExceeded");
        assertThat(limit.arguments().subList(0, 3)).containsExactly(node.stored().name(), node.key.accessKeyId(),
                Text.of("awsc.admin.rotate.report.limitExceeded.otherKey", Text.of("awsc.text.item",
                        Text.of("awsc.admin.rotate.report.limitExceeded.unstoredKey", second.accessKeyId()))));
        // The same in the bundle's English, as the page and REST show it.
        assertThat(report.steps().get(0).text().english())
                .contains("LimitExceeded")
                .contains("already has two access keys")
                .contains(second.accessKeyId() + " (no account here stores it)")
                .contains("Nothing was changed")
                .contains("uses access key " + node.key.accessKeyId() + ": keep it")
                .doesNotContain("Delete the key that is not in use");
        assertThat(report.steps().get(1).text()).isEqualTo(Text.of("awsc.admin.rotate.report.skipped",
                RotationReport.nameText(RotationReport.CREATE)));
        assertThat(report.steps().get(1).text().english()).contains("'" + RotationReport.CREATE + "' failed");
        assertThat(node.stored()).isEqualTo(before);
        assertThat(keysInAws()).containsExactlyInAnyOrder(node.key.accessKeyId(), second.accessKeyId());
        assertNoSecretIn(report, node.key.secretAccessKey(), second.secretAccessKey());
    }

    @Test
    void rotateOfAStaleVersionIsRefusedBeforeAwsIsAskedForAKey() {
        Account before = node.stored();

        assertThatThrownBy(() -> node.keyRotation.rotateAccessKey(before.id(), before.version() - 1))
                .isInstanceOf(dev.awsconnectors.persistence.ConcurrentEditException.class);

        assertThat(iamActions()).isEmpty();
        assertThat(node.stored()).isEqualTo(before);
        assertThat(keysInAws()).containsExactly(node.key.accessKeyId());
        assertThat(node.keyRotation.unfinishedRotation(before.id())).isEmpty();
    }

    @Test
    void rotateOfAStaleVersionIsRefusedAsAConcurrentEditBeforeAnythingElseEvenForAHostRoleAccount() {
        Account hostRole = node.accounts.create(Account.builder().name("On the host").type(AccountType.HOST_ROLE)
                .partition(Partition.AWS).region("us-east-1").endpointOverride(node.aws.endpoint())
                .iamEndpointOverride(node.aws.endpoint()).build(), Optional.empty());

        assertThatThrownBy(() -> node.keyRotation.rotateAccessKey(hostRole.id(), hostRole.version() + 1))
                .isInstanceOf(dev.awsconnectors.persistence.ConcurrentEditException.class)
                .hasMessageContaining("'On the host' was changed by someone else");
        assertThat(node.aws.requests()).isEmpty();
    }

    @Test
    void rotateWhenTheNewKeyNeverWorksDeletesItAgain() {
        node.aws.failNext(3, "GetCallerIdentity", Failure.awsError(403, "InvalidClientTokenId",
                "The security token included in the request is invalid."));
        Account before = node.stored();

        RotationReport report = node.keyRotation.rotateAccessKey(before.id(), before.version());

        assertThat(outcomes(report)).containsExactly(Outcome.SUCCEEDED, Outcome.FAILED, Outcome.SUCCEEDED,
                Outcome.SKIPPED, Outcome.SKIPPED);
        Text check = report.step(RotationReport.CHECK).orElseThrow().text();
        assertThat(check.key()).isEqualTo("awsc.admin.rotate.report.checkStillRefused");
        assertThat(check.arguments().subList(1, 3)).containsExactly("InvalidClientTokenId",
                Text.of("awsc.admin.rotate.report.waited", "3", "0 s"));
        assertThat(report.step(RotationReport.CHECK).orElseThrow().text().english()).doesNotContain("Re-enter");
        assertThat(node.stored()).isEqualTo(before);
        assertThat(keysInAws()).containsExactly(node.key.accessKeyId());
        assertNoSecretIn(report, node.key.secretAccessKey());
    }

    @Test
    void rotateSaysToDeleteTheNewKeyByHandWhenItCannotBeDeletedAgain() {
        node.aws.failNext(3, "GetCallerIdentity", Failure.awsError(403, "InvalidClientTokenId",
                "The security token included in the request is invalid."));
        node.aws.failNext(1, "DeleteAccessKey", Failure.awsError(403, "AccessDenied",
                "User: " + node.brokerUser.arn() + " is not authorized to perform: iam:DeleteAccessKey"));
        Account before = node.stored();

        RotationReport report = node.keyRotation.rotateAccessKey(before.id(), before.version());

        Step undo = report.step(RotationReport.DELETE_NEW).orElseThrow();
        String newKeyId = keysInAws().stream().filter(id -> !id.equals(node.key.accessKeyId())).findFirst()
                .orElseThrow();
        assertThat(undo.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(undo.text().english()).contains("by hand").contains(newKeyId).contains("AccessDenied")
                .contains("still uses access key " + node.key.accessKeyId());
        assertThat(report.activeAccessKeyId()).isEqualTo(node.key.accessKeyId());
        assertThat(node.stored()).isEqualTo(before);
        assertNoSecretIn(report, node.key.secretAccessKey());
    }

    @Test
    void rotateWhenTheOldKeyCannotBeDeletedKeepsTheNewKeyAndNamesTheOldOneToDeleteByHand() {
        node.aws.failNext(1, "DeleteAccessKey", Failure.awsError(403, "AccessDenied",
                "User: " + node.brokerUser.arn() + " is not authorized to perform: iam:DeleteAccessKey"));
        Account before = node.stored();

        RotationReport report = node.keyRotation.rotateAccessKey(before.id(), before.version());

        Account after = node.stored();
        assertThat(report.succeeded()).isFalse();
        assertThat(outcomes(report)).containsExactly(Outcome.SUCCEEDED, Outcome.SUCCEEDED, Outcome.SUCCEEDED,
                Outcome.FAILED);
        assertThat(report.activeAccessKeyId()).isEqualTo(after.accessKeyId().orElseThrow())
                .isNotEqualTo(node.key.accessKeyId());
        assertThat(report.step(RotationReport.DELETE_OLD).orElseThrow().text().english())
                .contains("AccessDenied")
                .contains("delete access key " + node.key.accessKeyId() + " of IAM user '" + BROKER_USER
                        + "' by hand")
                .contains("is stored and works");
        assertThat(keysInAws()).containsExactlyInAnyOrder(node.key.accessKeyId(), report.activeAccessKeyId());
        assertThat(node.checks.validate(after.id()).arn()).isEqualTo(node.brokerUser.arn());
        assertNoSecretIn(report, node.key.secretAccessKey(), node.accounts.secretAccessKey(after));
    }

    @Test
    void rotateOfAHostRoleAccountIsRefusedWithoutCallingAws() {
        Account hostRole = node.accounts.create(Account.builder().name("On the host").type(AccountType.HOST_ROLE)
                .partition(Partition.AWS).region("us-east-1").endpointOverride(node.aws.endpoint())
                .iamEndpointOverride(node.aws.endpoint()).build(), Optional.empty());

        assertThatThrownBy(() -> node.keyRotation.rotateAccessKey(hostRole.id(), hostRole.version()))
                .isInstanceOf(InvalidCredentialsRequestException.class)
                .hasMessageContaining("only access-key accounts have a key to rotate")
                .extracting(e -> ((InvalidCredentialsRequestException) e).getField()).isEqualTo("type");
        assertThat(node.aws.requests()).isEmpty();
    }
}
