package dev.awsconnectors.admintasks;

import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.awsclients.AwsClientSettings;
import dev.awsconnectors.persistence.AccountNotFoundException;
import dev.awsconnectors.testhost.aws.Failure;
import dev.awsconnectors.testhost.aws.LocalAws;
import dev.awsconnectors.testhost.aws.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.awsconnectors.admintasks.IamFixture.ALIAS;
import static dev.awsconnectors.admintasks.IamFixture.AWS_ACCOUNT_ID;
import static dev.awsconnectors.admintasks.IamFixture.BROKER_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Validate and the role picker through the real AWS SDK against the local AWS double, stored on H2. */
class AccountChecksThroughLocalAwsTest {
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

    private List<String> iamActions() {
        return node.aws.requests().stream().filter(r -> r.service().equals("iam")).map(RecordedRequest::action)
                .collect(Collectors.toList());
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
        assertThat(check.note()).contains(dev.awsconnectors.i18n.Text.of("awsc.aws.admin.aliasNotAllowed",
                "AccessDenied"));
        assertThat(check.note().get().english()).contains("iam:ListAccountAliases").contains("AccessDenied");
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
    void rolesListsEveryRoleAcrossPagesWithItsMaximumSessionDurationSortedByName() {
        // A page of 1,000 roles can outlast the quick timeouts on a busy machine, and a retried page would be a
        // third ListRoles: this test counts pages, so it uses the app's own timeouts.
        node.close();
        node = new IamFixture(home, AwsClientSettings.defaults());
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
