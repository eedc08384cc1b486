package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.awsclients.AwsClientSettings;
import dev.awsconnectors.i18n.Text;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusals that have no explanation of their own keep the general one, and a role ARN that is not one still
 * leaves a provider ARN to name. The explanations themselves are asserted through the local AWS double
 * ({@code KeylessConnectorTestThroughLocalAwsTest}).
 */
class WebIdentityRefusalsTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/Dev";
    private static final String ISSUER = "https://jira.example.com/rest/aws-connectors/1.0/oidc";

    private final WebIdentityRefusals refusals = new WebIdentityRefusals(
            new AwsFailures(AwsClientSettings.defaults()));

    private static AwsFailures.AwsCall call() {
        return new AwsFailures.AwsCall("AWS STS", "AssumeRoleWithWebIdentity", Text.of("awsc.aws.target.role", ROLE),
                "sts.eu-west-1.amazonaws.com", "eu-west-1", "Keyless", AccountType.WEB_IDENTITY, "Dev role",
                Text.of("awsc.aws.hint.assumeRoleWithWebIdentity", ROLE, ISSUER, "sts.amazonaws.com",
                        "connector:1:user:alice", ""));
    }

    private static WebIdentityRefusals.Presented presented(String roleArn) {
        return new WebIdentityRefusals.Presented(ISSUER, false, "sts.amazonaws.com", "connector:1:user:alice",
                roleArn, true);
    }

    private static AwsServiceException error(String code, int status, String message) {
        return AwsServiceException.builder().awsErrorDetails(AwsErrorDetails.builder().errorCode(code)
                .errorMessage(message).serviceName("Sts").build()).message(message).statusCode(status)
                .requestId("req-1").build();
    }

    @Test
    void aTokenRefusalWithoutItsOwnExplanationKeepsTheGeneralOneWithWhatAwsSaid() {
        AwsCallFailedException e = refusals.map(error("InvalidIdentityToken", 400, "Missing a required claim: sub"),
                call(), presented(ROLE));

        assertThat(e.getMessage()).startsWith("AWS STS refused the token Jira signed for account 'Keyless' when "
                + "calling AssumeRoleWithWebIdentity (InvalidIdentityToken). Check that IAM has an OpenID Connect "
                + "identity provider for the issuer " + ISSUER).endsWith("AWS said: Missing a required claim: sub");
        assertThat(e.userText()).isEqualTo(UserText.of("awsc.aws.user.account", "InvalidIdentityToken"));
    }

    @Test
    void anUntrustedSubjectNamesTheTagActionsTheTokenNeedsAndAProviderArnPatternForARoleArnThatIsNotOne() {
        AwsCallFailedException e = refusals.map(error("AccessDenied", 403,
                "Not authorized to perform sts:AssumeRoleWithWebIdentity"), call(), presented("not-an-arn"));

        assertThat(e.getMessage()).contains("allows sts:AssumeRoleWithWebIdentity and sts:SetSourceIdentity and "
                + "sts:TagSession (the token carries the Jira user as source identity and session tag) to the "
                + "principal Federated arn:aws:iam::<account>:oidc-provider/jira.example.com/rest/aws-connectors/1.0/"
                + "oidc");
        assertThat(e.userText()).isEqualTo(UserText.of("awsc.aws.user.refused", "AccessDenied"));
        assertThat(e.getRequestId()).contains("req-1");
    }

    @Test
    void anotherServiceErrorIsAwsFailuresAsForAnyCall() {
        AwsCallFailedException e = refusals.map(error("ValidationError", 400,
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."), call(),
                presented(ROLE));

        assertThat(e.adminText().key()).isEqualTo("awsc.aws.admin.refused");
    }
}
