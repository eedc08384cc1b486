package dev.awsconnectors.testhost.aws;

import static dev.awsconnectors.testhost.aws.Sdk.awsError;
import static dev.awsconnectors.testhost.aws.WebIdentityCondition.stringEquals;
import static dev.awsconnectors.testhost.aws.WebIdentityCondition.stringLike;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.IdpCommunicationErrorException;
import software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException;

/**
 * AssumeRoleWithWebIdentity through the real SDK, unsigned as the SDK sends it, with tokens of an issuer the test
 * runs itself: what AWS answers for a good token, and AWS's code, status and exception for each way a token fails.
 */
class LocalAwsWebIdentityTest {

    private static final String ACCOUNT = "111122223333";
    private static final String AUDIENCE = "sts.amazonaws.com";
    private static final String KEY_UNAVAILABLE = "Couldn't retrieve verification key from your identity provider,  "
            + "please reference AssumeRoleWithWebIdentity documentation for requirements";

    private LocalAws aws;
    private AwsAccount account;
    private TestIssuer issuer;
    private OidcProvider provider;
    private IamRole keyless;
    private StsClient sts;

    @BeforeEach
    void start() {
        aws = LocalAws.start();
        account = aws.account(ACCOUNT);
        issuer = TestIssuer.start("/jira/rest/aws-connectors/1.0/oidc");
        provider = account.addOpenIdConnectProvider(issuer.url(), AUDIENCE);
        keyless = account.role("jira-keyless").maxSessionDuration(7200).trustWebIdentity(provider,
                stringEquals(provider.audienceKey(), AUDIENCE), stringLike(provider.subjectKey(), "connector:*"));
        sts = Sdk.anonymousSts(aws);
    }

    @AfterEach
    void stop() {
        sts.close();
        issuer.close();
        aws.close();
    }

    @Test
    void aValidTokenGetsCredentialsNamingTheSubjectAudienceProviderSourceIdentityAndTags() {
        Map<String, Object> claims = issuer.claims("connector:42", AUDIENCE);
        claims.put("https://aws.amazon.com/source_identity", "alice");
        claims.put("https://aws.amazon.com/tags", Map.of(
                "principal_tags", Map.of("jira-user", List.of("alice"), "Project", List.of("X")),
                "transitive_tag_keys", List.of("jira-user")));

        AssumeRoleWithWebIdentityResponse response = assume(issuer.token(claims), "jira-42");

        assertThat(response.subjectFromWebIdentityToken()).isEqualTo("connector:42");
        assertThat(response.audience()).isEqualTo(AUDIENCE);
        assertThat(response.provider()).isEqualTo("arn:aws:iam::111122223333:oidc-provider/"
                + issuer.url().substring("http://".length())).isEqualTo(provider.arn());
        assertThat(response.sourceIdentity()).isEqualTo("alice");
        assertThat(response.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::111122223333:assumed-role/jira-keyless/jira-42");
        assertThat(response.assumedRoleUser().assumedRoleId()).isEqualTo(keyless.roleId() + ":jira-42");
        Credentials credentials = response.credentials();
        assertThat(credentials.accessKeyId()).startsWith("ASIA");
        assertThat(credentials.expiration()).isCloseTo(Instant.now().plus(1, ChronoUnit.HOURS),
                within(1, ChronoUnit.MINUTES));

        IssuedSession session = aws.session(credentials.accessKeyId()).orElseThrow();
        assertThat(session.tags()).isEqualTo(Map.of("jira-user", "alice", "Project", "X"));
        assertThat(session.transitiveTagKeys()).containsExactly("jira-user");
        assertThat(session.sourceIdentity()).isEqualTo("alice");
        assertThat(session.providerArn()).isEqualTo(provider.arn());
        assertThat(session.subject()).isEqualTo("connector:42");
        assertThat(session.roleArn()).isEqualTo(keyless.arn());
    }

    @Test
    void theCredentialsAreAcceptedAfterwardsAsTheAssumedRole() {
        Credentials credentials = assume(issuer.token(issuer.claims("connector:42", AUDIENCE)), "jira-42")
                .credentials();

        try (StsClient asRole = Sdk.sts(aws, Sdk.session(credentials))) {
            assertThat(asRole.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::111122223333:assumed-role/jira-keyless/jira-42");
        }
    }

    @Test
    void aWebIdentitySessionMayChainIntoARoleThatTrustsItsRoleKeepingItsSourceIdentity() {
        IamRole target = account.role("target").trust(keyless);
        Map<String, Object> claims = issuer.claims("connector:42", AUDIENCE);
        claims.put("https://aws.amazon.com/source_identity", "alice");
        Credentials credentials = assume(issuer.token(claims), "jira-42").credentials();

        try (StsClient asRole = Sdk.sts(aws, Sdk.session(credentials))) {
            assertThat(asRole.assumeRole(r -> r.roleArn(target.arn()).roleSessionName("hop")).sourceIdentity())
                    .isEqualTo("alice");
        }
    }

    @Test
    void theRequestIsRecordedUnsignedWithTheTokenMaskedInItsPrintedForm() {
        String token = issuer.token(issuer.claims("connector:42", AUDIENCE));
        assume(token, "jira-42");

        RecordedRequest request = aws.requests().get(0);
        assertThat(request.action()).isEqualTo("AssumeRoleWithWebIdentity");
        assertThat(request.service()).isEqualTo("sts");
        assertThat(request.signatureValid()).isFalse();
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.parameter("RoleArn")).isEqualTo(keyless.arn());
        assertThat(request.toString()).doesNotContain(token);
    }

    @Test
    void aSignedRequestIsAcceptedWithoutItsSignatureBeingChecked() throws Exception {
        String form = "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleSessionName=jira-42&RoleArn="
                + URLEncoder.encode(keyless.arn(), StandardCharsets.UTF_8) + "&WebIdentityToken="
                + issuer.token(issuer.claims("connector:42", AUDIENCE));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(aws.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/sts/"
                        + "aws4_request, SignedHeaders=host, Signature=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<SubjectFromWebIdentityToken>connector:42</SubjectFromWebIdentityToken>");
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderTheSameKidIsAnInvalidIdentityToken() {
        String forged = issuer.token(issuer.claims("connector:42", AUDIENCE), TestIssuer.newKey(), TestIssuer.KID);

        AwsServiceException error = awsError(() -> assume(forged, "jira-42"));

        assertThat(error).isInstanceOf(InvalidIdentityTokenException.class);
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
        assertThat(aws.requests().get(0).errorCode()).isEqualTo("InvalidIdentityToken");
    }

    @Test
    void aTokenPastItsExpiryAndTheClockSkewIsExpiredTokenException() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = issuer.claims("connector:42", AUDIENCE);
        claims.put("iat", now - 1000);
        claims.put("exp", now - 400);

        AwsServiceException error = awsError(() -> assume(issuer.token(claims), "jira-42"));

        assertThat(error).isInstanceOf(ExpiredTokenException.class);
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
        assertThat(error.awsErrorDetails().errorMessage()).matches("Token expired: current date/time \\d+ must be "
                + "before the expiration date/time " + (now - 400));
    }

    @Test
    void aTokenExpiredWithinTheFiveMinutesOfClockSkewIsStillAccepted() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = issuer.claims("connector:42", AUDIENCE);
        claims.put("iat", now - 400);
        claims.put("exp", now - 60);

        assertThat(assume(issuer.token(claims), "jira-42").credentials()).isNotNull();
    }

    @Test
    void aTokenForAnAudienceTheProviderDoesNotListIsAnIncorrectTokenAudience() {
        AwsServiceException error = awsError(() -> assume(issuer.token(issuer.claims("connector:42", "other")),
                "jira-42"));

        assertThat(error).isInstanceOf(InvalidIdentityTokenException.class);
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Incorrect token audience");
    }

    @Test
    void aTokenFromAnIssuerWithNoProviderInTheAccountIsRefusedNamingTheIssuer() {
        Map<String, Object> claims = issuer.claims("connector:42", AUDIENCE);
        claims.put("iss", issuer.url() + "/");

        AwsServiceException error = awsError(() -> assume(issuer.token(claims), "jira-42"));

        assertThat(error).isInstanceOf(InvalidIdentityTokenException.class);
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("No OpenIDConnect provider found in your account for " + issuer.url() + "/");
    }

    @Test
    void withSeveralAudiencesTheAuthorizedPartyIsTheAudienceCheckedAndReturned() {
        Map<String, Object> claims = issuer.claims("connector:42", AUDIENCE);
        claims.put("aud", List.of("jira", AUDIENCE));
        claims.put("azp", AUDIENCE);

        assertThat(assume(issuer.token(claims), "jira-42").audience()).isEqualTo(AUDIENCE);

        claims.put("azp", "jira");
        AwsServiceException error = awsError(() -> assume(issuer.token(claims), "jira-42"));
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Incorrect token audience");
    }

    @Test
    void aTokenWithoutKidIsVerifiedWithTheIssuersOnlyKey() {
        String withoutKid = issuer.tokenWithoutKid(issuer.claims("connector:42", AUDIENCE));

        assertThat(assume(withoutKid, "jira-42").subjectFromWebIdentityToken()).isEqualTo("connector:42");
    }

    @Test
    void aTokenWithoutASubjectIsMissingARequiredClaim() {
        Map<String, Object> claims = issuer.claims("connector:42", AUDIENCE);
        claims.remove("sub");

        AwsServiceException error = awsError(() -> assume(issuer.token(claims), "jira-42"));

        assertThat(error).isInstanceOf(InvalidIdentityTokenException.class);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Missing a required claim: sub");
    }

    @Test
    void aSubjectTheTrustPolicyDoesNotMatchIsAccessDenied() {
        AwsServiceException error = awsError(() -> assume(issuer.token(issuer.claims("user:alice", AUDIENCE)),
                "jira-42"));

        assertThat(error.getClass()).isEqualTo(software.amazon.awssdk.services.sts.model.StsException.class);
        assertThat(error.statusCode()).isEqualTo(403);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("Not authorized to perform sts:AssumeRoleWithWebIdentity");
    }

    @Test
    void subjectConditionsAreCaseSensitive() {
        AwsServiceException error = awsError(() -> assume(issuer.token(issuer.claims("Connector:42", AUDIENCE)),
                "jira-42"));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    }

    @Test
    void aRoleTrustingOnlyAwsPrincipalsRefusesWebIdentity() {
        IamRole open = account.role("open").trust("*");

        AwsServiceException error = awsError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(open.arn())
                .roleSessionName("jira-42").webIdentityToken(issuer.token(issuer.claims("connector:42", AUDIENCE)))));

        assertThat(error.statusCode()).isEqualTo(403);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    }

    @Test
    void anIssuerThatCannotBeReachedLeavesNoVerificationKey() {
        String token = issuer.token(issuer.claims("connector:42", AUDIENCE));
        issuer.close();

        AwsServiceException error = awsError(() -> assume(token, "jira-42"));

        assertThat(error).isInstanceOf(InvalidIdentityTokenException.class);
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(KEY_UNAVAILABLE);
    }

    @Test
    void aJwksWithoutTheTokensKidLeavesNoVerificationKey() {
        issuer.serveJwks(issuer.jwksOf(TestIssuer.newKey(), "key-2"));

        AwsServiceException error = awsError(() -> assume(issuer.token(issuer.claims("connector:42", AUDIENCE)),
                "jira-42"));

        assertThat(error).isInstanceOf(InvalidIdentityTokenException.class);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(KEY_UNAVAILABLE);
    }

    @Test
    void tagsInTheTokenNeedTagSessionInTheTrust() {
        keyless.allowTagSession(false);
        Map<String, Object> claims = issuer.claims("connector:42", AUDIENCE);
        claims.put("https://aws.amazon.com/tags", Map.of("principal_tags", Map.of("jira-user", List.of("alice"))));

        AwsServiceException error = awsError(() -> assume(issuer.token(claims), "jira-42"));

        assertThat(error.statusCode()).isEqualTo(403);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("Not authorized to perform sts:AssumeRoleWithWebIdentity");
    }

    @Test
    void aSourceIdentityInTheTokenNeedsSetSourceIdentityInTheTrust() {
        keyless.allowSetSourceIdentity(false);
        Map<String, Object> claims = issuer.claims("connector:42", AUDIENCE);
        claims.put("https://aws.amazon.com/source_identity", "alice");

        AwsServiceException error = awsError(() -> assume(issuer.token(claims), "jira-42"));

        assertThat(error.statusCode()).isEqualTo(403);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    }

    @Test
    void aTagWithTwoValuesIsAnInvalidIdentityToken() {
        Map<String, Object> claims = issuer.claims("connector:42", AUDIENCE);
        claims.put("https://aws.amazon.com/tags",
                Map.of("principal_tags", Map.of("jira-user", List.of("alice", "bob"))));

        AwsServiceException error = awsError(() -> assume(issuer.token(claims), "jira-42"));

        assertThat(error).isInstanceOf(InvalidIdentityTokenException.class);
    }

    @Test
    void aDurationAboveTheRolesMaximumIsAValidationError() {
        AwsServiceException error = awsError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(keyless.arn())
                .roleSessionName("jira-42").durationSeconds(7201)
                .webIdentityToken(issuer.token(issuer.claims("connector:42", AUDIENCE)))));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }

    @Test
    void parameterConstraintsAreOneValidationErrorThatNeverRepeatsTheToken() {
        AwsServiceException error = awsError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(keyless.arn())
                .roleSessionName("jira 42").webIdentityToken("abc")));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("2 validation errors detected: Value 'jira 42' "
                + "at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "[\\w+=,.@-]*; Value at 'webIdentityToken' failed to satisfy constraint: Member must have length "
                + "greater than or equal to 4");
    }

    @Test
    void anInjectedIdpCommunicationErrorReachesTheSdkAsItsException() {
        aws.failNext(1, "AssumeRoleWithWebIdentity", Failure.awsError(400, "IDPCommunicationError",
                "The identity provider could not be reached"));

        AwsServiceException error = awsError(() -> assume(issuer.token(issuer.claims("connector:42", AUDIENCE)),
                "jira-42"));

        assertThat(error).isInstanceOf(IdpCommunicationErrorException.class);
        assertThat(aws.requests().get(0).injectedFailure()).isEqualTo("AWS_ERROR(IDPCommunicationError)");
    }

    @Test
    void theTrustPolicyListRolesShowsNamesTheProviderAsFederatedPrincipal() {
        AccessKey key = account.user("admin").addAccessKey();
        try (var iam = Sdk.iam(aws, Sdk.basic(key))) {
            String document = java.net.URLDecoder.decode(iam.listRoles().roles().stream()
                    .filter(role -> role.roleName().equals("jira-keyless")).findFirst().orElseThrow()
                    .assumeRolePolicyDocument(), StandardCharsets.UTF_8);

            assertThat(document).contains("\"Federated\":\"" + provider.arn() + "\"")
                    .contains("sts:AssumeRoleWithWebIdentity")
                    .contains("\"StringLike\":{\"" + provider.subjectKey() + "\":\"connector:*\"}")
                    .contains("\"StringEquals\":{\"" + provider.audienceKey() + "\":\"sts.amazonaws.com\"}");
        }
    }

    private AssumeRoleWithWebIdentityResponse assume(String token, String sessionName) {
        return sts.assumeRoleWithWebIdentity(r -> r.roleArn(keyless.arn()).roleSessionName(sessionName)
                .webIdentityToken(token));
    }
}
