package dev.awsconnectors.testhost.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Console sign-in through the federation endpoint, with a plain JDK HTTP client as a browser stand-in. */
class LocalAwsFederationTest {

    private static final String CONSOLE = "https://console.aws.amazon.com/";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    private LocalAws aws;
    private IamRole role;
    private StsClient sts;

    @BeforeEach
    void startAws() {
        aws = LocalAws.start();
        AwsAccount account = aws.account("111122223333");
        IamUser alice = account.user("alice");
        role = account.role("console").trust(alice).maxSessionDuration(43200);
        sts = Sdk.sts(aws, Sdk.basic(alice.addAccessKey()));
    }

    @AfterEach
    void stopAws() {
        sts.close();
        aws.close();
    }

    @Test
    void roleCredentialsGetASigninTokenWithASessionDurationThatLogsInWithARedirect() throws Exception {
        Credentials credentials = sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("alice")).credentials();

        HttpResponse<String> token = get("Action=getSigninToken&SessionDuration=43200&Session="
                + encode(session(credentials)));
        String signinToken = json.readTree(token.body()).get("SigninToken").asText();
        HttpResponse<String> login = get("Action=login&Issuer=" + encode("https://jira.example.com/")
                + "&Destination=" + encode(CONSOLE) + "&SigninToken=" + encode(signinToken));

        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(signinToken).isNotBlank();
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValue(CONSOLE);
        assertThat(aws.requests()).extracting(RecordedRequest::service, RecordedRequest::action)
                .endsWith(org.assertj.core.groups.Tuple.tuple("signin", "getSigninToken"),
                        org.assertj.core.groups.Tuple.tuple("signin", "login"));
        assertThat(aws.requests().get(aws.requests().size() - 1).accessKeyId()).isEqualTo(credentials.accessKeyId());
    }

    @Test
    void federatedUserCredentialsSignInButMayNotAskForASessionDuration() throws Exception {
        Credentials credentials = sts.getFederationToken(r -> r.name("jira.bob")).credentials();

        HttpResponse<String> withDuration = get("Action=getSigninToken&SessionDuration=3600&Session="
                + encode(session(credentials)));
        HttpResponse<String> without = get("Action=getSigninToken&Session=" + encode(session(credentials)));

        assertThat(withDuration.statusCode()).isEqualTo(400);
        assertThat(without.statusCode()).isEqualTo(200);
        assertThat(json.readTree(without.body()).has("SigninToken")).isTrue();
    }

    @Test
    void sessionTokenCredentialsCannotSignInToTheConsole() throws Exception {
        Credentials credentials = sts.getSessionToken().credentials();

        HttpResponse<String> response = get("Action=getSigninToken&Session=" + encode(session(credentials)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("GetSessionToken");
    }

    @Test
    void aRoleSessionDurationOutsideNineHundredToFortyThreeThousandTwoHundredIsRefused() throws Exception {
        Credentials credentials = sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("alice")).credentials();

        assertThat(get("Action=getSigninToken&SessionDuration=899&Session=" + encode(session(credentials)))
                .statusCode()).isEqualTo(400);
        assertThat(get("Action=getSigninToken&SessionDuration=43201&Session=" + encode(session(credentials)))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void credentialsTheDoubleDidNotIssueGetNoSigninToken() throws Exception {
        String forged = "{\"sessionId\":\"ASIAFORGED0000000000\",\"sessionKey\":\"k\",\"sessionToken\":\"t\"}";

        assertThat(get("Action=getSigninToken&Session=" + encode(forged)).statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownSigninTokenDoesNotLogIn() throws Exception {
        HttpResponse<String> login = get("Action=login&Issuer=x&Destination=" + encode(CONSOLE)
                + "&SigninToken=not-a-token");

        assertThat(login.statusCode()).isEqualTo(400);
        assertThat(login.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aSigninTokenIsGoodForFifteenMinutes() throws Exception {
        dev.awsconnectors.testhost.ManualClock clock = new dev.awsconnectors.testhost.ManualClock(
                java.time.Instant.now());
        try (LocalAws timed = LocalAws.builder().clock(clock).start()) {
            IamUser bob = timed.account("111122223333").user("bob");
            IamRole console = timed.account("111122223333").role("console").trust(bob);
            Credentials credentials;
            try (StsClient client = Sdk.sts(timed, Sdk.basic(bob.addAccessKey()))) {
                credentials = client.assumeRole(r -> r.roleArn(console.arn()).roleSessionName("bob")).credentials();
            }
            HttpResponse<String> token = get(timed, "Action=getSigninToken&Session=" + encode(session(credentials)));
            String signinToken = json.readTree(token.body()).get("SigninToken").asText();

            clock.set(clock.instant().plusSeconds(15 * 60 + 1));

            assertThat(get(timed, "Action=login&Destination=" + encode(CONSOLE) + "&SigninToken="
                    + encode(signinToken)).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aRoleSessionFromRoleChainingGetsNoSigninTokenForASessionDurationButDoesForTheDefaultHour() throws Exception {
        IamRole target = aws.account("111122223333").role("target").trust(role).maxSessionDuration(43200);
        Credentials first = sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("hop1")).credentials();
        Credentials chained;
        try (StsClient asRole = Sdk.sts(aws, Sdk.session(first))) {
            chained = asRole.assumeRole(r -> r.roleArn(target.arn()).roleSessionName("hop2")).credentials();
        }

        HttpResponse<String> withDuration = get("Action=getSigninToken&SessionDuration=3600&Session="
                + encode(session(chained)));
        HttpResponse<String> without = get("Action=getSigninToken&Session=" + encode(session(chained)));
        HttpResponse<String> firstHop = get("Action=getSigninToken&SessionDuration=43200&Session="
                + encode(session(first)));

        assertThat(withDuration.statusCode()).isEqualTo(400);
        assertThat(withDuration.body()).startsWith("Invalid credentials parameter");
        assertThat(without.statusCode()).isEqualTo(200);
        assertThat(firstHop.statusCode()).isEqualTo(200);
    }

    @Test
    void aRoleSessionAssumedWithSessionTokenCredentialsIsChainedToo() throws Exception {
        Credentials sessionToken = sts.getSessionToken().credentials();
        Credentials assumed;
        try (StsClient withSessionToken = Sdk.sts(aws, Sdk.session(sessionToken))) {
            assumed = withSessionToken.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("alice")).credentials();
        }

        assertThat(get("Action=getSigninToken&SessionDuration=900&Session=" + encode(session(assumed))).statusCode())
                .isEqualTo(400);
    }

    @Test
    void recordedFederationRequestsPrintNeitherTheSessionKeyNorTheTokens() throws Exception {
        Credentials credentials = sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("alice")).credentials();
        HttpResponse<String> token = get("Action=getSigninToken&SessionDuration=3600&Session="
                + encode(session(credentials)));
        String signinToken = json.readTree(token.body()).get("SigninToken").asText();
        get("Action=login&Issuer=x&Destination=" + encode(CONSOLE) + "&SigninToken=" + encode(signinToken));

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> assertThat(aws.requests()).isEmpty());
        String printed = failure.getMessage() + aws.requests();

        assertThat(printed)
                .doesNotContain(credentials.secretAccessKey(), credentials.sessionToken(), signinToken)
                .contains("Session=" + RecordedRequest.MASK, "SigninToken=" + RecordedRequest.MASK,
                        "SessionDuration=3600", "action=getSigninToken", "action=login");
        assertThat(aws.requests()).anySatisfy(request -> assertThat(request.parameter("SigninToken"))
                .isEqualTo(signinToken));
    }

    @Test
    void recordedStsRequestsMaskTheMfaCodeAndAnythingNamedLikeASecretOrAToken() {
        RecordedRequest request = new RecordedRequest(java.time.Instant.now(), "sts", "AssumeRole",
                java.util.Map.of("TokenCode", "123456", "SerialNumber", "arn:aws:iam::111122223333:mfa/alice",
                        "ClientSecret", "s3cr3t", "SessionToken", "tok"), "AKIA", true, 200, null, null);

        assertThat(request.toString()).doesNotContain("123456", "s3cr3t", "tok,", "tok}")
                .contains("TokenCode=****", "ClientSecret=****", "SessionToken=****",
                        "SerialNumber=arn:aws:iam::111122223333:mfa/alice");
    }

    private String session(Credentials credentials) {
        return json.createObjectNode()
                .put("sessionId", credentials.accessKeyId())
                .put("sessionKey", credentials.secretAccessKey())
                .put("sessionToken", credentials.sessionToken())
                .toString();
    }

    private HttpResponse<String> get(String query) throws Exception {
        return get(aws, query);
    }

    private HttpResponse<String> get(LocalAws target, String query) throws Exception {
        URI uri = URI.create(target.federationEndpoint() + "?" + query);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
