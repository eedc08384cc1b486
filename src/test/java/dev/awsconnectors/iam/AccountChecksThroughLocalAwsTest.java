package dev.awsconnectors.iam;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.iam.RotationReport.Outcome;
import dev.awsconnectors.iam.RotationReport.Step;
import dev.awsconnectors.persistence.AccountNotFoundException;
import dev.awsconnectors.testhost.aws.AccessKey;
import dev.awsconnectors.testhost.aws.Failure;
import dev.awsconnectors.testhost.aws.LocalAws;
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
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.awsconnectors.iam.IamFixture.ALIAS;
import static dev.awsconnectors.iam.IamFixture.AWS_ACCOUNT_ID;
import static dev.awsconnectors.iam.IamFixture.BROKER_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Validate, rotate and the role picker through the real AWS SDK against the local AWS double, stored on H2. */
class AccountChecksThroughLocalAwsTest {
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
        report.steps().forEach(step -> texts.add(step.message()));
        for (String text : texts) {
            assertThat(text).doesNotContainPattern(KEY_MATERIAL);
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    @Test
    void validateShowsTheAwsAccountIdTheArnAndTheAlias() {
        AccountCheck check = node.checks.validate(node.account.id());

        assertThat(check.awsAccountId()).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(check.arn()).isEqualTo("arn:aws:iam::123456789012:user/" + BROKER_USER);
        assertThat(check.alias()).contains(ALIAS);
        assertThat(check.note()).isEmpty();
        assertThat(node.aws.requests()).extracting(RecordedRequest::service, RecordedRequest::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sts", "GetCallerIdentity"),
                        org.assertj.core.groups.Tuple.tuple("iam", "ListAccountAliases"));
    }

    @Test
    void validateRecordsWhenItLastSucceededAndAFailedCheckDoesNot() {
        assertThat(node.accounts.lastValidated(node.account.id())).isEmpty();
        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        node.checks.validate(node.account.id());

        java.time.Instant validated = node.accounts.lastValidated(node.account.id()).orElseThrow();
        assertThat(validated).isBetween(before, java.time.Instant.now().plusSeconds(1));
        assertThat(node.stored().version()).isEqualTo(node.account.version());

        node.brokerUser.deactivateAccessKey(node.key.accessKeyId());
        assertThatThrownBy(() -> node.checks.validate(node.account.id()))
                .isInstanceOf(AwsRequestFailedException.class);
        assertThat(node.accounts.lastValidated(node.account.id())).contains(validated);
    }

    @Test
    void validateOfAnAccountWithoutAliasShowsNone() {
        node.awsAccount.alias(null);

        assertThat(node.checks.validate(node.account.id()).alias()).isEmpty();
    }

    @Test
    void validateStillSucceedsWhenOnlyTheAliasMayNotBeReadAndSaysWhy() {
        node.aws.failNext(1, "ListAccountAliases", Failure.awsError(403, "AccessDenied", "User: "
                + node.brokerUser.arn() + " is not authorized to perform: iam:ListAccountAliases on resource: *"));

        AccountCheck check = node.checks.validate(node.account.id());

        assertThat(check.arn()).isEqualTo(node.brokerUser.arn());
        assertThat(check.alias()).isEmpty();
        assertThat(check.note()).hasValueSatisfying(note -> assertThat(note)
                .contains("iam:ListAccountAliases").contains("AccessDenied"));
    }

    @Test
    void validateOfADeactivatedKeyGivesAwsRefusalInPlainWords() {
        node.brokerUser.deactivateAccessKey(node.key.accessKeyId());

        AwsRequestFailedException e = catchThrowableOfType(() -> node.checks.validate(node.account.id()),
                AwsRequestFailedException.class);

        assertThat(e.getAwsErrorCode()).contains("InvalidClientTokenId");
        assertThat(e).hasMessageContaining("AWS STS refused the access key of account 'Production' "
                + "(InvalidClientTokenId)").hasMessageContaining("deleted or deactivated in IAM");
        assertThat(e.getMessage()).doesNotContain(node.key.secretAccessKey());
    }

    @Test
    void validateOfAKeyIdAwsDoesNotKnowGivesTheInvalidClientTokenIdMessage() {
        node.accounts.update(node.account.toBuilder().accessKeyId("AKIAIOSFODNN7EXAMPLE").build(),
                Optional.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

        assertThatThrownBy(() -> node.checks.validate(node.account.id()))
                .isInstanceOf(AwsRequestFailedException.class)
                .hasMessageContaining("(InvalidClientTokenId)")
                .hasMessageNotContaining("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }

    @Test
    void validateOfAWrongSecretSaysTheSignatureDidNotMatch() {
        node.accounts.update(node.account, Optional.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

        assertThatThrownBy(() -> node.checks.validate(node.account.id()))
                .isInstanceOf(AwsRequestFailedException.class)
                .hasMessageContaining("(SignatureDoesNotMatch)")
                .hasMessageContaining("secret access key is wrong");
    }

    @Test
    void validateOfAnAccountThatIsGoneSaysSo() {
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> node.checks.validate(unknown)).isInstanceOf(AccountNotFoundException.class)
                .hasMessageContaining(unknown.toString());
    }

    @Test
    void rotateCreatesChecksStoresTheNewKeyAndDeletesTheOldOne() {
        Account before = node.stored();

        RotationReport report = node.checks.rotateAccessKey(before.id(), before.version());

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
        assertThat(report.step(RotationReport.DELETE_OLD).orElseThrow().message())
                .contains(node.key.accessKeyId());
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

        node.checks.rotateAccessKey(before.id(), before.version());

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

        RotationReport report = node.checks.rotateAccessKey(before.id(), before.version());

        assertThat(report.succeeded()).isTrue();
        assertThat(node.aws.requests().stream().filter(r -> r.action().equals("GetCallerIdentity")))
                .hasSize(3);
    }

    @Test
    void rotateWhenTheUserAlreadyHasTwoKeysExplainsIamsLimitAndChangesNothing() {
        AccessKey second = node.brokerUser.addAccessKey();
        Account before = node.stored();

        RotationReport report = node.checks.rotateAccessKey(before.id(), before.version());

        assertThat(report.succeeded()).isFalse();
        assertThat(report.activeAccessKeyId()).isEqualTo(node.key.accessKeyId());
        assertThat(outcomes(report)).containsExactly(Outcome.FAILED, Outcome.SKIPPED, Outcome.SKIPPED,
                Outcome.SKIPPED);
        assertThat(report.steps().get(0).message())
                .contains("LimitExceeded")
                .contains("already has two access keys")
                .contains(second.accessKeyId())
                .contains("Nothing was changed")
                .contains("uses access key " + node.key.accessKeyId() + ": keep it")
                .doesNotContain("Delete the key that is not in use");
        assertThat(report.steps().get(1).message()).contains("'" + RotationReport.CREATE + "' failed");
        assertThat(node.stored()).isEqualTo(before);
        assertThat(keysInAws()).containsExactlyInAnyOrder(node.key.accessKeyId(), second.accessKeyId());
        assertNoSecretIn(report, node.key.secretAccessKey(), second.secretAccessKey());
    }

    @Test
    void rotateOfAStaleVersionIsRefusedBeforeAwsIsAskedForAKey() {
        Account before = node.stored();

        assertThatThrownBy(() -> node.checks.rotateAccessKey(before.id(), before.version() - 1))
                .isInstanceOf(dev.awsconnectors.persistence.ConcurrentEditException.class);

        assertThat(iamActions()).isEmpty();
        assertThat(node.stored()).isEqualTo(before);
        assertThat(keysInAws()).containsExactly(node.key.accessKeyId());
        assertThat(node.checks.unfinishedRotation(before.id())).isEmpty();
    }

    @Test
    void rotateWhenTheNewKeyNeverWorksDeletesItAgain() {
        node.aws.failNext(3, "GetCallerIdentity", Failure.awsError(403, "InvalidClientTokenId",
                "The security token included in the request is invalid."));
        Account before = node.stored();

        RotationReport report = node.checks.rotateAccessKey(before.id(), before.version());

        assertThat(outcomes(report)).containsExactly(Outcome.SUCCEEDED, Outcome.FAILED, Outcome.SUCCEEDED,
                Outcome.SKIPPED, Outcome.SKIPPED);
        assertThat(report.step(RotationReport.CHECK).orElseThrow().message())
                .contains("still refused the new key").contains("3 attempts").contains("InvalidClientTokenId")
                .doesNotContain("Re-enter");
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

        RotationReport report = node.checks.rotateAccessKey(before.id(), before.version());

        Step undo = report.step(RotationReport.DELETE_NEW).orElseThrow();
        String newKeyId = keysInAws().stream().filter(id -> !id.equals(node.key.accessKeyId())).findFirst()
                .orElseThrow();
        assertThat(undo.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(undo.message()).contains("by hand").contains(newKeyId).contains("AccessDenied")
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

        RotationReport report = node.checks.rotateAccessKey(before.id(), before.version());

        Account after = node.stored();
        assertThat(report.succeeded()).isFalse();
        assertThat(outcomes(report)).containsExactly(Outcome.SUCCEEDED, Outcome.SUCCEEDED, Outcome.SUCCEEDED,
                Outcome.FAILED);
        assertThat(report.activeAccessKeyId()).isEqualTo(after.accessKeyId().orElseThrow())
                .isNotEqualTo(node.key.accessKeyId());
        assertThat(report.step(RotationReport.DELETE_OLD).orElseThrow().message())
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

        assertThatThrownBy(() -> node.checks.rotateAccessKey(hostRole.id(), hostRole.version()))
                .isInstanceOf(InvalidCredentialsRequestException.class)
                .hasMessageContaining("only access-key accounts have a key to rotate")
                .extracting(e -> ((InvalidCredentialsRequestException) e).getField()).isEqualTo("type");
        assertThat(node.aws.requests()).isEmpty();
    }

    @Test
    void rolesListsEveryRoleAcrossPagesWithItsMaximumSessionDurationSortedByName() {
        node.awsAccount.role("developer").maxSessionDuration(7200);
        node.awsAccount.role("/service-role/", "Admin").maxSessionDuration(43200);
        node.awsAccount.role("billing");
        for (int i = 0; i < 1000; i++) {
            node.awsAccount.role(String.format("zz-batch-%04d", i));
        }

        List<RoleSummary> roles = node.checks.roles(node.account.id());

        assertThat(roles).hasSize(1003);
        assertThat(roles.subList(0, 3)).containsExactly(
                new RoleSummary("arn:aws:iam::123456789012:role/service-role/Admin", "Admin", "/service-role/",
                        43200),
                new RoleSummary("arn:aws:iam::123456789012:role/billing", "billing", "/", 3600),
                new RoleSummary("arn:aws:iam::123456789012:role/developer", "developer", "/", 7200));
        assertThat(roles.get(1002).name()).isEqualTo("zz-batch-0999");
        assertThat(iamActions()).containsExactly("ListRoles", "ListRoles");
        assertThat(node.aws.requests().get(1).parameter("Marker")).isNotBlank();
    }

    @Test
    void rolesOfAnAccountWithoutRolesIsEmpty() {
        assertThat(node.checks.roles(node.account.id())).isEmpty();
    }

    @Test
    void rolesExplainsADeniedListRoles() {
        node.aws.failNext(1, "ListRoles", Failure.awsError(403, "AccessDenied",
                "User: " + node.brokerUser.arn() + " is not authorized to perform: iam:ListRoles"));

        assertThatThrownBy(() -> node.checks.roles(node.account.id()))
                .isInstanceOf(AwsRequestFailedException.class)
                .hasMessageContaining("AWS IAM denied ListRoles")
                .hasMessageContaining("iam:ListRoles (the role ARN can still be typed in by hand)");
    }

    @Test
    void failuresOfIamSayWhichServiceAndHostFailed() {
        node.aws.failNext(3, "ListRoles", Failure.serviceUnavailable());

        assertThatThrownBy(() -> node.checks.roles(node.account.id()))
                .isInstanceOf(AwsRequestFailedException.class)
                .hasMessageContaining("AWS IAM at 127.0.0.1:" + node.aws.endpoint().getPort())
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("AWS Health Dashboard for IAM in us-east-1");
    }

    @Test
    void signsIamForThePartitionsSigningRegionWhateverTheAccountsRegion() {
        try (LocalAws gov = LocalAws.builder().partition("aws-us-gov").start();
             IamFixture govNode = new IamFixture(home.resolve("gov"), gov, "us-gov-east-1")) {
            govNode.awsAccount.role("deploy");

            assertThat(govNode.checks.validate(govNode.account.id()).arn())
                    .isEqualTo("arn:aws-us-gov:iam::123456789012:user/" + BROKER_USER);
            assertThat(govNode.checks.roles(govNode.account.id())).extracting(RoleSummary::arn)
                    .containsExactly("arn:aws-us-gov:iam::123456789012:role/deploy");
        }
        try (LocalAws china = LocalAws.builder().partition("aws-cn").start();
             IamFixture chinaNode = new IamFixture(home.resolve("cn"), china, "cn-northwest-1")) {
            assertThat(chinaNode.checks.validate(chinaNode.account.id()).arn())
                    .isEqualTo("arn:aws-cn:iam::123456789012:user/" + BROKER_USER);
        }
    }
}
