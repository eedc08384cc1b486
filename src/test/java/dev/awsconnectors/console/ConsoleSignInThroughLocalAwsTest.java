package dev.awsconnectors.console;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountSecrets;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConsoleSignIn;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.connectors.BoundConnector;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.sts.CredentialsCall;
import dev.awsconnectors.sts.CredentialsIssuer;
import dev.awsconnectors.sts.FixedWebIdentityTokens;
import dev.awsconnectors.sts.SessionOwner;
import dev.awsconnectors.testhost.aws.AccessKey;
import dev.awsconnectors.testhost.aws.AwsAccount;
import dev.awsconnectors.testhost.aws.Failure;
import dev.awsconnectors.testhost.aws.IamRole;
import dev.awsconnectors.testhost.aws.IamUser;
import dev.awsconnectors.testhost.aws.LocalAws;
import dev.awsconnectors.testhost.aws.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console flow end to end: credentials from the real SDK against the local AWS double, a sign-in token from its
 * federation endpoint, and the login URL redeemed there as a browser would.
 */
class ConsoleSignInThroughLocalAwsTest {
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":"
            + "[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

    private static final ApplicationProperties JIRA = new ApplicationProperties() {
        @Override
        public String getBaseUrl(UrlMode urlMode) {
            return "https://jira.example.com";
        }

        @Override
        public String getDisplayName() {
            return "Jira";
        }

        @Override
        public Optional<Path> getLocalHomeDirectory() {
            return Optional.empty();
        }

        @Override
        public Optional<Path> getSharedHomeDirectory() {
            return Optional.empty();
        }
    };

    private LocalAws aws;
    private IamRole role;
    private AwsClients clients;
    private CredentialsIssuer issuer;
    private ConsoleSignInBroker broker;
    private Account account;

    @BeforeEach
    void startLocalAws() {
        aws = LocalAws.start();
        AwsAccount awsAccount = aws.account("123456789012");
        IamUser jiraUser = awsAccount.user("jira-broker");
        AccessKey key = jiraUser.addAccessKey();
        role = awsAccount.role("Dev").trust(jiraUser).maxSessionDuration(7200);
        AccountSecrets secrets = a -> key.secretAccessKey();
        clients = new AwsClients(secrets);
        issuer = new CredentialsIssuer(clients, FixedWebIdentityTokens.unused());
        broker = new ConsoleSignInBroker(JIRA, new ConsoleSignInBroker.Settings(Duration.ofSeconds(1),
                Duration.ofSeconds(1)), Clock.systemUTC());
        account = Account.builder().name("Prod").type(AccountType.ACCESS_KEY).accessKeyId(key.accessKeyId())
                .partition(Partition.AWS).region("eu-west-1").endpointOverride(aws.endpoint())
                .signinEndpointOverride(aws.endpoint()).build();
    }

    @AfterEach
    void stopLocalAws() {
        clients.close();
        aws.close();
    }

    private BoundConnector connector(PrincipalType type, URI destination) {
        Connector.Builder connector = Connector.builder().name("Dev").accountId(account.id()).principalType(type)
                .policy(POLICY).consoleDestination(destination);
        if (type == PrincipalType.IAM_ROLE) {
            connector.roleArn(role.arn());
        }
        return new BoundConnector(connector.build(), account);
    }

    private TemporaryCredentials credentials(BoundConnector connector) {
        return issuer.issue(new CredentialsCall(connector, SessionOwner.jiraUser("alice"), OptionalInt.empty(),
                Optional.empty()));
    }

    private List<RecordedRequest> signinRequests(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (signin().size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return signin();
    }

    private List<RecordedRequest> signin() {
        return aws.requests().stream().filter(r -> "signin".equals(r.service())).toList();
    }

    private static HttpResponse<String> open(URI url) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return browser.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signsInWithAChainedRoleSessionOfAHostRoleAccountWithoutTheSessionDurationAwsWouldRefuse() throws Exception {
        // The host's role credentials are themselves a role session; here a first AssumeRole stands in for them.
        IamRole hostRole = aws.account("123456789012").role("JiraHost").trust(role.account().user("jira-broker"));
        role.trust(hostRole.arn());
        TemporaryCredentials hostCredentials = credentials(new BoundConnector(Connector.builder().name("Host")
                .accountId(account.id()).principalType(PrincipalType.IAM_ROLE).roleArn(hostRole.arn()).build(),
                account));
        TemporaryCredentials chained;
        try (StsClient asHost = StsClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(aws.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        hostCredentials.getAccessKeyId(), hostCredentials.getSecretAccessKey(),
                        hostCredentials.getSessionToken()))).build()) {
            var assumed = asHost.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("alice")).credentials();
            chained = new TemporaryCredentials(assumed.accessKeyId(), assumed.secretAccessKey(),
                    assumed.sessionToken(), assumed.expiration(), role.arn());
        }
        Account hostRoleAccount = Account.builder().name("Host").type(AccountType.HOST_ROLE)
                .partition(Partition.AWS).region("eu-west-1").endpointOverride(aws.endpoint())
                .signinEndpointOverride(aws.endpoint()).build();
        BoundConnector connector = new BoundConnector(Connector.builder().name("Dev").accountId(hostRoleAccount.id())
                .principalType(PrincipalType.IAM_ROLE).roleArn(role.arn()).build(), hostRoleAccount);

        ConsoleSignIn signIn = broker.signIn(connector, chained, OptionalInt.of(3600));

        RecordedRequest tokenRequest = signinRequests(1).get(0);
        assertThat(tokenRequest.parameters()).doesNotContainKey("SessionDuration");
        assertThat(open(signIn.getUrl()).statusCode()).isEqualTo(302);
    }

    @Test
    void aFederatedUserSignsInToTheConsoleWithoutASessionDuration() throws Exception {
        BoundConnector connector = connector(PrincipalType.FEDERATED_USER, null);
        TemporaryCredentials credentials = credentials(connector);

        ConsoleSignIn signIn = broker.signIn(connector, credentials, OptionalInt.of(3600));

        RecordedRequest tokenRequest = signinRequests(1).get(0);
        assertThat(tokenRequest.action()).isEqualTo("getSigninToken");
        assertThat(tokenRequest.parameters().keySet()).containsExactlyInAnyOrder("Action", "Session");
        assertThat(tokenRequest.accessKeyId()).isEqualTo(credentials.getAccessKeyId());
        JsonNode session = new ObjectMapper().readTree(tokenRequest.parameter("Session"));
        assertThat(session.get("sessionToken").asText()).isEqualTo(credentials.getSessionToken());

        HttpResponse<String> login = open(signIn.getUrl());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).contains("https://console.aws.amazon.com/");
        RecordedRequest loginRequest = signinRequests(2).get(1);
        assertThat(loginRequest.parameter("Issuer")).isEqualTo("https://jira.example.com");
        assertThat(loginRequest.accessKeyId()).isEqualTo(credentials.getAccessKeyId());
    }

    @Test
    void anIamRoleSignsInWithTheSessionDurationToTheConnectorsDestination() throws Exception {
        URI destination = URI.create("https://eu-west-1.console.aws.amazon.com/ec2/home");
        BoundConnector connector = connector(PrincipalType.IAM_ROLE, destination);

        ConsoleSignIn signIn = broker.signIn(connector, credentials(connector), OptionalInt.of(7200));

        assertThat(signinRequests(1).get(0).parameter("SessionDuration")).isEqualTo("7200");
        HttpResponse<String> login = open(signIn.getUrl());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).contains(destination.toString());
    }

    @Test
    void expiredCredentialsAreRefusedWithAMessageAnAdminCanActOn() {
        BoundConnector connector = connector(PrincipalType.IAM_ROLE, null);
        TemporaryCredentials credentials = credentials(connector);
        aws.expireCredentials(credentials.getAccessKeyId());

        assertThatThrownBy(() -> broker.signIn(connector, credentials, OptionalInt.empty()))
                .isInstanceOfSatisfying(AwsRequestFailedException.class, e -> {
                    assertThat(e.getMessage()).startsWith("The AWS federation endpoint at 127.0.0.1:"
                            + aws.endpoint().getPort() + " rejected the getSigninToken request of connector 'Dev' "
                            + "(HTTP 400).");
                    assertThat(e.getMessage()).doesNotContain(credentials.getSecretAccessKey())
                            .doesNotContain(credentials.getSessionToken());
                });
    }

    @Test
    void aFailingFederationEndpointIsReported() {
        BoundConnector connector = connector(PrincipalType.FEDERATED_USER, null);
        TemporaryCredentials credentials = credentials(connector);
        aws.failNext(1, "getSigninToken", Failure.serviceUnavailable());

        assertThatThrownBy(() -> broker.signIn(connector, credentials, OptionalInt.empty()))
                .hasMessage("The AWS federation endpoint at 127.0.0.1:" + aws.endpoint().getPort()
                        + " failed with an error on its side (HTTP 503). Try again later.");
    }

    @Test
    void aThrottledSignInSaysToTryAgain() {
        BoundConnector connector = connector(PrincipalType.FEDERATED_USER, null);
        TemporaryCredentials credentials = credentials(connector);
        aws.failNext(1, "getSigninToken", Failure.throttling());

        assertThatThrownBy(() -> broker.signIn(connector, credentials, OptionalInt.empty()))
                .hasMessage("The AWS federation endpoint at 127.0.0.1:" + aws.endpoint().getPort()
                        + " throttled the console sign-in of connector 'Dev' (HTTP 429). Try again in a minute.");
    }

    @Test
    void aSilentFederationEndpointIsGivenUpOnWithinTheRequestTimeout() {
        BoundConnector connector = connector(PrincipalType.FEDERATED_USER, null);
        TemporaryCredentials credentials = credentials(connector);
        aws.failNext(1, "getSigninToken", Failure.delay(Duration.ofSeconds(4)));
        long start = System.nanoTime();

        assertThatThrownBy(() -> broker.signIn(connector, credentials, OptionalInt.empty()))
                .hasMessage("The AWS federation endpoint at 127.0.0.1:" + aws.endpoint().getPort()
                        + " could not be reached: no answer within 1 s. Check the network path from Jira to AWS "
                        + "(DNS, firewall, proxy) and the account's sign-in endpoint override.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aCutShortAnswerHasNoSigninToken() {
        BoundConnector connector = connector(PrincipalType.FEDERATED_USER, null);
        TemporaryCredentials credentials = credentials(connector);
        aws.failNext(1, "getSigninToken", Failure.malformedBody());

        assertThatThrownBy(() -> broker.signIn(connector, credentials, OptionalInt.empty()))
                .hasMessage("The AWS federation endpoint at 127.0.0.1:" + aws.endpoint().getPort()
                        + " answered getSigninToken without a sign-in token. Check that the account's sign-in "
                        + "endpoint override points at AWS's federation endpoint.");
    }
}
