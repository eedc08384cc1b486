package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.awsclients.AwsClientSettings;
import dev.awsconnectors.awsclients.HostCredentialsUnavailableException;
import dev.awsconnectors.i18n.Text;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class AwsFailuresTest {
    /** AWS's documented example secret key: it must never show up in a message. */
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String ROLE = "arn:aws:iam::123456789012:role/Dev";

    private final AwsFailures failures = new AwsFailures(AwsClientSettings.defaults());

    private static final Text TARGET = Text.of("awsc.aws.target.role", ROLE);
    private static final Text HINT = Text.of("awsc.aws.hint.assumeRole", Text.of("awsc.aws.hint.assumeRole.iamUser"),
            "Prod", ROLE, "", "", "");
    private static final Text FOR_CONNECTOR = Text.of("awsc.aws.admin.forConnector", "Dev role");
    private static final Text THREE_ATTEMPTS = Text.of("awsc.aws.admin.attempts", 3);

    private static AwsFailures.AwsCall assumeRole(AccountType type) {
        return new AwsFailures.AwsCall("AWS STS", "AssumeRole", TARGET, "sts.eu-west-1.amazonaws.com",
                "eu-west-1", "Prod", type, "Dev role", HINT);
    }

    private static final AwsFailures.AwsCall ASSUME_ROLE = assumeRole(AccountType.ACCESS_KEY);

    private static AwsServiceException error(String code, int status, String awsMessage) {
        return AwsServiceException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(awsMessage)
                        .serviceName("Sts").build())
                .message(awsMessage)
                .statusCode(status)
                .requestId("4f1e2d3c-0000-1111-2222-333344445555")
                .numAttempts(code.startsWith("Throttl") || status >= 500 ? 3 : 1)
                .build();
    }

    private AwsCallFailedException map(SdkException e) {
        AwsCallFailedException mapped = failures.map(e, ASSUME_ROLE);
        assertThat(mapped.getMessage()).doesNotContain(SECRET);
        return mapped;
    }

    @Test
    void accessDeniedNamesTheCallTheRoleAndWhatToCheckThenWhatAwsSaid() {
        AwsRequestFailedException e = map(error("AccessDenied", 403, "User: arn:aws:iam::123456789012:user/jira "
                + "is not authorized to perform: sts:AssumeRole on resource: " + ROLE));

        assertThat(e.getMessage()).isEqualTo("AWS STS denied AssumeRole on role " + ROLE + " for connector "
                + "'Dev role' (AccessDenied). Check that the IAM user of account 'Prod' has a policy that allows "
                + "sts:AssumeRole on " + ROLE + ", and that the role's trust policy allows it to assume the role. "
                + "AWS said: User: arn:aws:iam::123456789012:user/jira is not authorized to perform: sts:AssumeRole "
                + "on resource: " + ROLE);
        assertThat(e.getAwsErrorCode()).contains("AccessDenied");
        assertThat(e.getRequestId()).contains("4f1e2d3c-0000-1111-2222-333344445555");
    }

    @Test
    void accessDeniedIsTheDeniedTextWithTheCallItsTargetTheConnectorTheHintAndWhatAwsSaid() {
        AwsCallFailedException e = map(error("AccessDenied", 403, "not authorized"));

        assertThat(e.adminText()).isEqualTo(Text.of("awsc.aws.admin.denied", "AWS STS", "AssumeRole", TARGET,
                FOR_CONNECTOR, "AccessDenied", HINT, Text.of("awsc.aws.admin.awsSaid", "not authorized")));
    }

    @Test
    void theAdminTextIsSaidInTheReadersLanguageWithItsPartsInTheSameLanguage() {
        AwsCallFailedException e = map(error("AccessDenied", 403, "not authorized"));

        String said = e.adminText().in((key, arguments) -> key + java.util.Arrays.toString(arguments));

        assertThat(said).startsWith("awsc.aws.admin.denied[AWS STS, AssumeRole, awsc.aws.target.role[" + ROLE
                + "], awsc.aws.admin.forConnector[Dev role], AccessDenied, awsc.aws.hint.assumeRole[");
    }

    @Test
    void invalidClientTokenIdSaysTheAccessKeyIsWrongDeletedOrDeactivated() {
        AwsCallFailedException e = map(error("InvalidClientTokenId", 403,
                "The security token included in the request is invalid."));

        assertThat(e.adminText()).isEqualTo(Text.of("awsc.aws.admin.accessKeyRefused", "AWS STS", "Prod",
                "InvalidClientTokenId", "AssumeRole"));
        assertThat(e.getAwsErrorCode()).contains("InvalidClientTokenId");
    }

    @Test
    void signatureDoesNotMatchSaysTheSameAndLeavesOutAwsMessageWithItsCanonicalRequest() {
        AwsCallFailedException e = map(error("SignatureDoesNotMatch", 403, "The request signature we calculated "
                + "does not match the signature you provided. Check your AWS Secret Access Key and signing method. "
                + "The Canonical String for this request should have been 'POST / ...' " + SECRET));

        assertThat(e.adminText()).isEqualTo(Text.of("awsc.aws.admin.accessKeyRefused", "AWS STS", "Prod",
                "SignatureDoesNotMatch", "AssumeRole"));
        assertThat(e.getAwsErrorCode()).contains("SignatureDoesNotMatch");
    }

    @Test
    void refusedHostRoleCredentialsPointAtTheInstanceProfileOrTaskRole() {
        AwsCallFailedException e = failures.map(error("InvalidClientTokenId", 403, "invalid"),
                assumeRole(AccountType.HOST_ROLE));

        assertThat(e.adminText()).isEqualTo(Text.of("awsc.aws.admin.hostRoleRefused", "AWS STS",
                "InvalidClientTokenId", "AssumeRole", "Prod"));
    }

    @Test
    void expiredTokenPointsAtTheClockAndTheKindOfKey() {
        AwsCallFailedException e = map(error("ExpiredToken", 403,
                "The security token included in the request is expired"));

        assertThat(e.adminText()).isEqualTo(Text.of("awsc.aws.admin.accessKeyExpired", "AWS STS", "AssumeRole",
                "Prod", "ExpiredToken"));
        assertThat(e.getAwsErrorCode()).contains("ExpiredToken");
    }

    @Test
    void expiredHostRoleCredentialsPointAtTheirRefresh() {
        AwsCallFailedException e = failures.map(error("ExpiredTokenException", 400, "expired"),
                assumeRole(AccountType.HOST_ROLE));

        assertThat(e.adminText()).isEqualTo(Text.of("awsc.aws.admin.hostRoleExpired", "AWS STS", "AssumeRole",
                "Prod", "ExpiredTokenException"));
    }

    @Test
    void malformedPolicyDocumentPointsAtTheConnectorsPolicyAndQuotesAws() {
        AwsCallFailedException e = map(error("MalformedPolicyDocument", 400,
                "Syntax errors in policy."));

        assertThat(e.adminText()).isEqualTo(Text.of("awsc.aws.admin.malformedPolicy", "AWS STS", FOR_CONNECTOR,
                "MalformedPolicyDocument", "AssumeRole", Text.of("awsc.aws.admin.awsSaid", "Syntax errors in policy.")));
        assertThat(e.getAwsErrorCode()).contains("MalformedPolicyDocument");
    }

    @Test
    void packedPolicyTooLargeSaysWhatToShorten() {
        AwsCallFailedException e = map(error("PackedPolicyTooLarge", 400,
                "Packed size of the session policy and tags combined is 112% of the allowed size."));

        assertThat(e.adminText()).isEqualTo(Text.of("awsc.aws.admin.packedPolicyTooLarge", "AWS STS", "AssumeRole",
                FOR_CONNECTOR, "PackedPolicyTooLarge", Text.of("awsc.aws.admin.awsSaid",
                        "Packed size of the session policy and tags combined is 112% of the allowed size.")));
    }

    @Test
    void regionDisabledSaysWhereToActivateStsOrToChooseAnotherRegion() {
        AwsCallFailedException e = map(error("RegionDisabledException", 403,
                "STS is not activated in this region for account:123456789012."));

        assertThat(e.adminText()).isEqualTo(Text.of("awsc.aws.admin.regionDisabled", "AWS STS", "eu-west-1",
                "AssumeRole", "RegionDisabledException", "Prod"));
        assertThat(e.getAwsErrorCode()).contains("RegionDisabledException");
    }

    @Test
    void throttlingAfterRetriesSaysHowManyAttemptsWereMade() {
        AwsCallFailedException e = map(error("Throttling", 400, "Rate exceeded"));

        assertThat(e.adminText()).isEqualTo(Text.of("awsc.aws.admin.throttled.sts", "AWS STS", "AssumeRole", "Prod",
                "Throttling", THREE_ATTEMPTS, "STS"));
        assertThat(e.getAwsErrorCode()).contains("Throttling");
    }

    @Test
    void throttlingOfAnotherServiceThanStsDoesNotAdviseRequestingCredentialsLessOften() {
        AwsCallFailedException e = failures.map(error("Throttling", 400, "Rate exceeded"),
                new AwsFailures.AwsCall("AWS IAM", "ListRoles", TARGET, "iam.amazonaws.com", "us-east-1", "Prod",
                        AccountType.ACCESS_KEY, null, HINT));

        assertThat(e.adminText()).isEqualTo(Text.of("awsc.aws.admin.throttled", "AWS IAM", "ListRoles", "Prod",
                "Throttling", THREE_ATTEMPTS, "IAM"));
    }

    @Test
    void everyThrottlingCodeIsReportedAsThrottling() {
        for (String code : new String[] {"ThrottlingException", "RequestLimitExceeded"}) {
            assertThat(map(error(code, 400, "slow down")).adminText().key()).isEqualTo("awsc.aws.admin.throttled.sts");
            assertThat(map(error(code, 400, "slow down")).adminText().arguments()).contains(code);
        }
    }

    @Test
    void serverErrorAfterRetriesPointsAtAwsSide() {
        AwsCallFailedException e = map(error("ServiceUnavailable", 503, "Service unavailable"));

        assertThat(e.adminText()).isEqualTo(Text.of("awsc.aws.admin.serverError", "AWS STS",
                "sts.eu-west-1.amazonaws.com", "AssumeRole", "503", "ServiceUnavailable", THREE_ATTEMPTS, "STS",
                "eu-west-1"));
        assertThat(e.getAwsErrorCode()).contains("ServiceUnavailable");
        assertThat(e.getRequestId()).isPresent();
    }

    @Test
    void otherRefusalsNameTheCodeAndQuoteAws() {
        AwsCallFailedException e = map(error("ValidationError", 400,
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."));

        assertThat(e.adminText()).isEqualTo(Text.of("awsc.aws.admin.refused", "AWS STS", "AssumeRole", TARGET,
                FOR_CONNECTOR, "ValidationError", "400", Text.of("awsc.aws.admin.awsSaid",
                        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")));
    }

    @Test
    void anythingShapedLikeKeyMaterialInAwsMessageIsRedacted() {
        AwsRequestFailedException e = map(error("AccessDenied", 403, "denied for " + SECRET + " and token "
                + "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD"));

        assertThat(e.getMessage()).endsWith("AWS said: denied for [redacted] and token [redacted]");
    }

    @Test
    void longAwsMessagesAreCutAndKeptOnOneLine() {
        String cleaned = AwsFailures.clean("line one\nline two " + "x.".repeat(400));

        assertThat(cleaned).startsWith("line one line two x.").doesNotContain("\n").hasSize(401).endsWith("…");
    }

    @Test
    void anApiCallTimeoutSaysStsCouldNotBeReachedWithinTheWholeBudget() {
        AwsCallFailedException e = map(ApiCallTimeoutException.create(25_000));

        assertThat(e.adminText()).isEqualTo(unreachable(Text.of("awsc.aws.admin.unreachable.callTimeout", "25 s",
                THREE_ATTEMPTS)));
        assertThat(e.getAwsErrorCode()).isEmpty();
        assertThat(e.getRequestId()).isEmpty();
    }

    private static Text unreachable(Text reason) {
        return Text.of("awsc.aws.admin.unreachable", "AWS STS", "sts.eu-west-1.amazonaws.com", reason);
    }

    @Test
    void anAttemptTimeoutSaysStsCouldNotBeReachedWithinOneAttempt() {
        AwsCallFailedException e = map(ApiCallAttemptTimeoutException.create(10_000));

        assertThat(e.adminText()).isEqualTo(unreachable(Text.of("awsc.aws.admin.unreachable.attemptTimeout", "10 s",
                THREE_ATTEMPTS)));
    }

    @Test
    void aSocketReadTimeoutIsReportedLikeAnAttemptTimeout() {
        AwsCallFailedException e = map(SdkClientException.builder().message("Unable to execute HTTP request: "
                + "Read timed out").cause(new SocketTimeoutException("Read timed out")).build());

        assertThat(e.adminText()).isEqualTo(unreachable(Text.of("awsc.aws.admin.unreachable.attemptTimeout", "10 s",
                THREE_ATTEMPTS)));
        assertThat(e.getAwsErrorCode()).isEmpty();
    }

    @Test
    void aRefusedConnectionSaysStsCouldNotBeReached() {
        AwsCallFailedException e = map(SdkClientException.builder().message("Unable to execute HTTP request: "
                + "Connection refused").cause(new ConnectException("Connection refused")).build());

        assertThat(e.adminText()).isEqualTo(unreachable(Text.of("awsc.aws.admin.unreachable.refused")));
        assertThat(e.getAwsErrorCode()).isEmpty();
    }

    @Test
    void anUnknownHostSaysItsNameCouldNotBeResolved() {
        AwsCallFailedException e = map(SdkClientException.builder().message("Unable to execute HTTP request: "
                + "sts.eu-west-1.amazonaws.com").cause(new UnknownHostException("sts.eu-west-1.amazonaws.com"))
                .build());

        assertThat(e.adminText()).isEqualTo(unreachable(Text.of("awsc.aws.admin.unreachable.unknownHost")));
    }

    @Test
    void missingHostRoleCredentialsSayWhereTheyWereLookedFor() {
        SdkClientException e = SdkClientException.builder().message(
                        HostCredentialsUnavailableException.MESSAGE)
                .cause(new HostCredentialsUnavailableException(
                        SdkClientException.create("Unable to load credentials from any of the providers")))
                .build();

        AwsCallFailedException mapped = failures.map(e, assumeRole(AccountType.HOST_ROLE));

        assertThat(mapped.adminText()).isEqualTo(Text.of("awsc.aws.admin.hostCredentialsUnavailable", "Prod",
                "AssumeRole"));
        assertThat(mapped.userText()).isEqualTo(UserText.of("awsc.aws.user.account.noCredentials"));
        assertThat(mapped.forUser().getMessage()).isEqualTo("AWS did not accept the AWS account behind this "
                + "connector (no credentials). Ask a Jira administrator to validate the account; the details are "
                + "in the audit log.");
        assertThat(mapped.getAwsErrorCode()).isEmpty();
    }

    @Test
    void anAnswerTheSdkCannotReadPointsAtTheEndpointOverride() {
        AwsCallFailedException e = map(SdkClientException.create("Unable to unmarshall response (ParseError)"));

        assertThat(e.adminText()).isEqualTo(Text.of("awsc.aws.admin.cutShort", "AWS STS",
                "sts.eu-west-1.amazonaws.com", "AssumeRole"));
    }

    @Test
    void otherClientFailuresNameTheCallAndTheSdksReason() {
        AwsCallFailedException e = map(SdkClientException.create("Unable to marshall request to JSON"));

        assertThat(e.adminText()).isEqualTo(Text.of("awsc.aws.admin.failedBeforeAnswer", "AWS STS",
                "sts.eu-west-1.amazonaws.com", "AssumeRole", FOR_CONNECTOR, "Unable to marshall request to JSON"));
    }

    @Test
    void noMappedMessageCarriesTheCauseSoNoSdkTypeCrossesTheApi() {
        AwsRequestFailedException e = map(error("AccessDenied", 403, "denied"));

        assertThat(e.getCause()).isNull();
    }

    @Test
    void whatAUserIsToldNamesNoAccountRoleOrAwsMessageAndSaysWhatTheyCanDo() {
        String[][] cases = {
                {"AccessDenied", "403", "AWS refused to issue credentials for this connector (AccessDenied). Ask a "
                        + "Jira administrator to test the connector; the details are in the audit log."},
                {"InvalidClientTokenId", "403", "AWS did not accept the AWS account behind this connector "
                        + "(InvalidClientTokenId). Ask a Jira administrator to validate the account; the details are "
                        + "in the audit log."},
                {"MalformedPolicyDocument", "400", "AWS refused this connector's settings (MalformedPolicyDocument). "
                        + "Ask a Jira administrator to test the connector; the details are in the audit log."},
                {"Throttling", "400", "AWS is receiving too many requests and still refused this one after 3 "
                        + "attempts. Try again in a minute."},
                {"ServiceUnavailable", "503", "AWS failed with an error on its side (HTTP 503) after 3 attempts. Try "
                        + "again in a few minutes; if it keeps failing, tell a Jira administrator."},
                {"SomethingNew", "400", "AWS refused to issue credentials for this connector (SomethingNew). Ask a "
                        + "Jira administrator to test the connector; the details are in the audit log."},
        };
        for (String[] c : cases) {
            AwsCallFailedException e = failures.map(error(c[0], Integer.parseInt(c[1]), "User: "
                    + "arn:aws:iam::123456789012:user/jira is not authorized on " + ROLE), ASSUME_ROLE);

            AwsCallFailedException user = e.forUser();

            assertThat(user.getMessage()).as(c[0]).isEqualTo(c[2]).doesNotContain("Prod", "123456789012", "Dev");
            assertThat(user.getAwsErrorCode()).as(c[0]).contains(c[0]);
            assertThat(user.adminMessage()).as(c[0]).isEqualTo(e.getMessage()).startsWith("AWS STS");
            assertThat(e.auditReason()).as(c[0]).isEqualTo(c[0]);
        }
    }

    @Test
    void aDeniedCallThatCarriedAnMfaCodeTellsTheUserAboutTheCode() {
        AwsFailures.AwsCall withCode = new AwsFailures.AwsCall("AWS STS", "GetSessionToken",
                Text.of("awsc.aws.target.iamUserOfAccount", "Prod"), "sts.eu-west-1.amazonaws.com", "eu-west-1",
                "Prod", AccountType.ACCESS_KEY, "Ops", Text.of("awsc.aws.hint.sessionToken.mfa", "MFA", "Prod"), true);

        AwsCallFailedException e = failures.map(error("AccessDenied", 403, "MultiFactorAuthentication failed with "
                + "invalid MFA one time pass code."), withCode);

        assertThat(e.forUser().getMessage()).isEqualTo("The MFA code was not accepted. Wait for the next code from "
                + "your device and try again. If it keeps failing, ask a Jira administrator to check the connector's "
                + "MFA device.");
    }
}
