package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.awsclients.AwsClientSettings;
import dev.awsconnectors.awsclients.HostCredentialsUnavailableException;
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

    private static AwsFailures.AwsCall assumeRole(AccountType type) {
        return new AwsFailures.AwsCall("AWS STS", "AssumeRole", "role " + ROLE, "sts.eu-west-1.amazonaws.com",
                "eu-west-1", "Prod", type, "Dev role",
                "the IAM user of account 'Prod' has a policy that allows sts:AssumeRole on " + ROLE
                        + ", and that the role's trust policy allows it to assume the role");
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

    private AwsRequestFailedException map(SdkException e) {
        AwsRequestFailedException mapped = failures.map(e, ASSUME_ROLE);
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
    void invalidClientTokenIdSaysTheAccessKeyIsWrongDeletedOrDeactivated() {
        AwsRequestFailedException e = map(error("InvalidClientTokenId", 403,
                "The security token included in the request is invalid."));

        assertThat(e.getMessage()).isEqualTo("AWS STS refused the access key of account 'Prod' "
                + "(InvalidClientTokenId) when calling AssumeRole: the access key ID or secret access key is wrong, "
                + "or the key was deleted or deactivated in IAM. Re-enter the key in the account, or create a new "
                + "access key for its IAM user and rotate to it.");
        assertThat(e.getAwsErrorCode()).contains("InvalidClientTokenId");
    }

    @Test
    void signatureDoesNotMatchSaysTheSameAndLeavesOutAwsMessageWithItsCanonicalRequest() {
        AwsRequestFailedException e = map(error("SignatureDoesNotMatch", 403, "The request signature we calculated "
                + "does not match the signature you provided. Check your AWS Secret Access Key and signing method. "
                + "The Canonical String for this request should have been 'POST / ...' " + SECRET));

        assertThat(e.getMessage()).isEqualTo("AWS STS refused the access key of account 'Prod' "
                + "(SignatureDoesNotMatch) when calling AssumeRole: the access key ID or secret access key is "
                + "wrong, or the key was deleted or deactivated in IAM. Re-enter the key in the account, or create a "
                + "new access key for its IAM user and rotate to it.");
        assertThat(e.getAwsErrorCode()).contains("SignatureDoesNotMatch");
    }

    @Test
    void refusedHostRoleCredentialsPointAtTheInstanceProfileOrTaskRole() {
        AwsRequestFailedException e = failures.map(error("InvalidClientTokenId", 403, "invalid"),
                assumeRole(AccountType.HOST_ROLE));

        assertThat(e.getMessage()).isEqualTo("AWS STS refused the credentials of the host's role "
                + "(InvalidClientTokenId) when calling AssumeRole for account 'Prod'. Check the instance profile or "
                + "task role Jira runs with, and that the account's partition and region match it.");
    }

    @Test
    void expiredTokenPointsAtTheClockAndTheKindOfKey() {
        AwsRequestFailedException e = map(error("ExpiredToken", 403,
                "The security token included in the request is expired"));

        assertThat(e.getMessage()).isEqualTo("AWS STS refused AssumeRole for account 'Prod' because the "
                + "credentials that signed it have expired (ExpiredToken). Check that the Jira server's clock is "
                + "correct, and that the account holds a long-term access key of an IAM user, not temporary "
                + "credentials.");
        assertThat(e.getAwsErrorCode()).contains("ExpiredToken");
    }

    @Test
    void expiredHostRoleCredentialsPointAtTheirRefresh() {
        AwsRequestFailedException e = failures.map(error("ExpiredTokenException", 400, "expired"),
                assumeRole(AccountType.HOST_ROLE));

        assertThat(e.getMessage()).isEqualTo("AWS STS refused AssumeRole for account 'Prod' because the "
                + "credentials that signed it have expired (ExpiredTokenException). Check that the host's role "
                + "credentials are being refreshed (instance metadata or container credentials endpoint) and that "
                + "the Jira server's clock is correct.");
    }

    @Test
    void malformedPolicyDocumentPointsAtTheConnectorsPolicyAndQuotesAws() {
        AwsRequestFailedException e = map(error("MalformedPolicyDocument", 400,
                "Syntax errors in policy."));

        assertThat(e.getMessage()).isEqualTo("AWS STS refused the session policy of connector 'Dev role' as "
                + "malformed (MalformedPolicyDocument) when calling AssumeRole. Fix the connector's inline policy "
                + "JSON and policy ARNs. AWS said: Syntax errors in policy.");
        assertThat(e.getAwsErrorCode()).contains("MalformedPolicyDocument");
    }

    @Test
    void packedPolicyTooLargeSaysWhatToShorten() {
        AwsRequestFailedException e = map(error("PackedPolicyTooLarge", 400,
                "Packed size of the session policy and tags combined is 112% of the allowed size."));

        assertThat(e.getMessage()).isEqualTo("AWS STS refused AssumeRole for connector 'Dev role': the session "
                + "policy, policy ARNs and session tags are too large together once AWS packs them "
                + "(PackedPolicyTooLarge). Shorten the connector's policy, use fewer policy ARNs, or turn off "
                + "session tags. AWS said: Packed size of the session policy and tags combined is 112% of the "
                + "allowed size.");
    }

    @Test
    void regionDisabledSaysWhereToActivateStsOrToChooseAnotherRegion() {
        AwsRequestFailedException e = map(error("RegionDisabledException", 403,
                "STS is not activated in this region for account:123456789012."));

        assertThat(e.getMessage()).isEqualTo("AWS STS is not activated in region eu-west-1 for the AWS account "
                + "that AssumeRole needs (RegionDisabledException). Activate STS for eu-west-1 in the IAM console "
                + "(Account settings, Security Token Service endpoints), or choose another region for account "
                + "'Prod'.");
        assertThat(e.getAwsErrorCode()).contains("RegionDisabledException");
    }

    @Test
    void throttlingAfterRetriesSaysHowManyAttemptsWereMade() {
        AwsRequestFailedException e = map(error("Throttling", 400, "Rate exceeded"));

        assertThat(e.getMessage()).isEqualTo("AWS STS throttled AssumeRole for account 'Prod' (Throttling) and "
                + "the call still failed after 3 attempts. Try again in a minute; if it keeps happening, request "
                + "credentials less often or ask AWS for a higher STS request quota.");
        assertThat(e.getAwsErrorCode()).contains("Throttling");
    }

    @Test
    void everyThrottlingCodeIsReportedAsThrottling() {
        for (String code : new String[] {"ThrottlingException", "RequestLimitExceeded"}) {
            assertThat(map(error(code, 400, "slow down")).getMessage())
                    .startsWith("AWS STS throttled AssumeRole for account 'Prod' (" + code + ")");
        }
    }

    @Test
    void serverErrorAfterRetriesPointsAtAwsSide() {
        AwsRequestFailedException e = map(error("ServiceUnavailable", 503, "Service unavailable"));

        assertThat(e.getMessage()).isEqualTo("AWS STS at sts.eu-west-1.amazonaws.com failed AssumeRole with an "
                + "error on its side (HTTP 503, ServiceUnavailable), after 3 attempts. Try again later, and check "
                + "the AWS Health Dashboard for STS in eu-west-1 (or the proxy in between).");
        assertThat(e.getAwsErrorCode()).contains("ServiceUnavailable");
        assertThat(e.getRequestId()).isPresent();
    }

    @Test
    void otherRefusalsNameTheCodeAndQuoteAws() {
        AwsRequestFailedException e = map(error("ValidationError", 400,
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."));

        assertThat(e.getMessage()).isEqualTo("AWS STS refused AssumeRole on role " + ROLE + " for connector "
                + "'Dev role' (ValidationError, HTTP 400). AWS said: The requested DurationSeconds exceeds the "
                + "MaxSessionDuration set for this role.");
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
        AwsRequestFailedException e = map(ApiCallTimeoutException.create(25_000));

        assertThat(e.getMessage()).isEqualTo("AWS STS at sts.eu-west-1.amazonaws.com could not be reached: no "
                + "answer within 25 s in all (3 attempts at most). Check the network path from Jira to AWS (DNS, "
                + "firewall, proxy, VPC endpoint) and the account's endpoint override.");
        assertThat(e.getAwsErrorCode()).isEmpty();
        assertThat(e.getRequestId()).isEmpty();
    }

    @Test
    void anAttemptTimeoutSaysStsCouldNotBeReachedWithinOneAttempt() {
        AwsRequestFailedException e = map(ApiCallAttemptTimeoutException.create(10_000));

        assertThat(e.getMessage()).isEqualTo("AWS STS at sts.eu-west-1.amazonaws.com could not be reached: no "
                + "answer within 10 s per attempt (3 attempts at most). Check the network path from Jira to AWS "
                + "(DNS, firewall, proxy, VPC endpoint) and the account's endpoint override.");
    }

    @Test
    void aSocketReadTimeoutIsReportedLikeAnAttemptTimeout() {
        AwsRequestFailedException e = map(SdkClientException.builder().message("Unable to execute HTTP request: "
                + "Read timed out").cause(new SocketTimeoutException("Read timed out")).build());

        assertThat(e.getMessage()).startsWith("AWS STS at sts.eu-west-1.amazonaws.com could not be reached: no "
                + "answer within 10 s per attempt");
        assertThat(e.getAwsErrorCode()).isEmpty();
    }

    @Test
    void aRefusedConnectionSaysStsCouldNotBeReached() {
        AwsRequestFailedException e = map(SdkClientException.builder().message("Unable to execute HTTP request: "
                + "Connection refused").cause(new ConnectException("Connection refused")).build());

        assertThat(e.getMessage()).isEqualTo("AWS STS at sts.eu-west-1.amazonaws.com could not be reached: the "
                + "connection was refused. Check the network path from Jira to AWS (DNS, firewall, proxy, VPC "
                + "endpoint) and the account's endpoint override.");
        assertThat(e.getAwsErrorCode()).isEmpty();
    }

    @Test
    void anUnknownHostSaysItsNameCouldNotBeResolved() {
        AwsRequestFailedException e = map(SdkClientException.builder().message("Unable to execute HTTP request: "
                + "sts.eu-west-1.amazonaws.com").cause(new UnknownHostException("sts.eu-west-1.amazonaws.com"))
                .build());

        assertThat(e.getMessage()).isEqualTo("AWS STS at sts.eu-west-1.amazonaws.com could not be reached: its "
                + "host name could not be resolved. Check the network path from Jira to AWS (DNS, firewall, proxy, "
                + "VPC endpoint) and the account's endpoint override.");
    }

    @Test
    void missingHostRoleCredentialsSayWhereTheyWereLookedFor() {
        SdkClientException e = SdkClientException.builder().message(
                        HostCredentialsUnavailableException.MESSAGE)
                .cause(new HostCredentialsUnavailableException(
                        SdkClientException.create("Unable to load credentials from any of the providers")))
                .build();

        AwsRequestFailedException mapped = failures.map(e, assumeRole(AccountType.HOST_ROLE));

        assertThat(mapped.getMessage()).isEqualTo("The credentials of the host's role could not be loaded for "
                + "account 'Prod' when calling AssumeRole: neither a container credentials endpoint (ECS or EKS task "
                + "role) nor an EC2 instance profile answered. Run Jira with a task role or instance profile, or "
                + "give the account an access key instead.");
        assertThat(mapped.getAwsErrorCode()).isEmpty();
    }

    @Test
    void anAnswerTheSdkCannotReadPointsAtTheEndpointOverride() {
        AwsRequestFailedException e = map(SdkClientException.create("Unable to unmarshall response (ParseError)"));

        assertThat(e.getMessage()).isEqualTo("AWS STS at sts.eu-west-1.amazonaws.com answered AssumeRole with a "
                + "response Jira could not read (cut short, or not AWS's XML). Check that the account's endpoint "
                + "override points at AWS STS, and try again.");
    }

    @Test
    void otherClientFailuresNameTheCallAndTheSdksReason() {
        AwsRequestFailedException e = map(SdkClientException.create("Unable to marshall request to JSON"));

        assertThat(e.getMessage()).isEqualTo("AWS STS at sts.eu-west-1.amazonaws.com: AssumeRole for connector "
                + "'Dev role' failed before an answer could be used (Unable to marshall request to JSON).");
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
        AwsFailures.AwsCall withCode = new AwsFailures.AwsCall("AWS STS", "GetSessionToken", "the IAM user",
                "sts.eu-west-1.amazonaws.com", "eu-west-1", "Prod", AccountType.ACCESS_KEY, "Ops", "the code", true);

        AwsCallFailedException e = failures.map(error("AccessDenied", 403, "MultiFactorAuthentication failed with "
                + "invalid MFA one time pass code."), withCode);

        assertThat(e.forUser().getMessage()).isEqualTo("The MFA code was not accepted. Wait for the next code from "
                + "your device and try again. If it keeps failing, ask a Jira administrator to check the connector's "
                + "MFA device.");
    }
}
