package dev.awsconnectors.broker;

import dev.awsconnectors.access.ConnectorAccess;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.AwsConnectorService;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConnectorAccessDeniedException.Reason;
import dev.awsconnectors.api.ConnectorAccessDeniedException;
import dev.awsconnectors.api.ConnectorNotFoundException;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.ConsoleSignIn;
import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.audit.CredentialsAudit;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.console.ConsoleSignInBroker;
import dev.awsconnectors.sts.CredentialsIssuer;
import dev.awsconnectors.sts.FixedWebIdentityTokens;
import dev.awsconnectors.testhost.aws.AccessKey;
import dev.awsconnectors.testhost.aws.AwsAccount;
import dev.awsconnectors.testhost.aws.Failure;
import dev.awsconnectors.testhost.aws.IamUser;
import dev.awsconnectors.testhost.aws.LocalAws;
import dev.awsconnectors.testhost.aws.RecordedRequest;
import dev.awsconnectors.testhost.sal.HostApplicationProperties;
import dev.awsconnectors.testhost.sal.HostUsers;
import dev.awsconnectors.testhost.store.InMemoryConnectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker as other apps and the app's own pages use it: real components, the real AWS SDK over HTTP, and the
 * local AWS double checking every signature and parameter.
 */
class AwsConnectorServiceThroughLocalAwsTest {
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":"
            + "[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}";

    private LocalAws aws;
    private AwsClients clients;
    private final InMemoryConnectors store = new InMemoryConnectors();
    private final HostUsers users = new HostUsers()
            .add("admin", true, false)
            .add("root", false, true)
            .add("alice", false, false, "aws-developers")
            .add("bob", false, false, "jira-users");
    private AwsConnectorService service;
    private Account account;
    private Connector federated;
    private Connector role;
    private Connector iamUser;
    private Connector nightlyJob;

    @BeforeEach
    void startAwsAndConfigureConnectors() {
        aws = LocalAws.start();
        AwsAccount awsAccount = aws.account("123456789012");
        IamUser brokerUser = awsAccount.user("jira-broker");
        AccessKey key = brokerUser.addAccessKey();
        String roleArn = awsAccount.role("developer").trust(brokerUser).maxSessionDuration(7200).arn();

        account = Account.builder().name("Production").type(AccountType.ACCESS_KEY).accessKeyId(key.accessKeyId())
                .partition(Partition.AWS).region("us-east-1").endpointOverride(aws.endpoint())
                .signinEndpointOverride(aws.endpoint()).build();
        federated = Connector.builder().name("Developers (federated)").accountId(account.id())
                .principalType(PrincipalType.FEDERATED_USER).policy(POLICY).groups(List.of("aws-developers"))
                .build();
        role = Connector.builder().name("Developers (role)").accountId(account.id())
                .principalType(PrincipalType.IAM_ROLE).roleArn(roleArn).maxDurationSeconds(3600)
                .sourceIdentityAndTags(true).groups(List.of("aws-developers"))
                .consoleDestination(URI.create("https://console.aws.amazon.com/s3/home")).build();
        iamUser = Connector.builder().name("Break glass").accountId(account.id())
                .principalType(PrincipalType.IAM_USER).build();
        nightlyJob = Connector.builder().name("Nightly job").accountId(account.id())
                .principalType(PrincipalType.FEDERATED_USER).policy(POLICY).systemScope(true).build();
        store.put(account, key.secretAccessKey()).put(federated).put(role).put(iamUser).put(nightlyJob);

        clients = new AwsClients(store);
        service = new ExportedConnectorService(new CredentialsBroker(store, new ConnectorAccess(users), new CredentialsIssuer(clients, FixedWebIdentityTokens.unused()),
                new ConsoleSignInBroker(new HostApplicationProperties("http://localhost:2990/jira", null, null)),
                new CredentialsCache(), new CredentialsAudit(event -> { })));
        aws.clear();
    }

    @AfterEach
    void stop() {
        clients.close();
        aws.close();
    }

    private <T> T as(String user, Supplier<T> work) {
        return users.runAs(user, work);
    }

    private List<RecordedRequest> stsCalls() {
        return aws.requests().stream().filter(r -> r.service().equals("sts")).collect(Collectors.toList());
    }

    @Test
    void listsForAMemberOnlyTheConnectorsOfHerGroups() {
        assertThat(as("alice", service::getUsableConnectors)).extracting(ConnectorSummary::getName)
                .containsExactly("Developers (federated)", "Developers (role)");
    }

    @Test
    void listsEveryConnectorForAnAdministratorAndNoneForAnOutsider() {
        assertThat(as("admin", service::getUsableConnectors)).hasSize(4);
        assertThat(as("root", service::getUsableConnectors)).hasSize(4);
        assertThat(as("bob", service::getUsableConnectors)).isEmpty();
        assertThat(as(null, service::getUsableConnectors)).isEmpty();
    }

    @Test
    void describesEachConnectorAsAUserNeedsToPickOne() {
        ConnectorSummary summary = as("alice", service::getUsableConnectors).get(1);

        assertThat(summary.getPrincipalType()).isEqualTo(PrincipalType.IAM_ROLE);
        assertThat(summary.getMaxDuration()).contains(Duration.ofHours(1));
        assertThat(summary.isConsoleSignInAvailable()).isTrue();
        assertThat(summary.isMfaRequired()).isFalse();
    }

    @Test
    void givesAMemberFederatedCredentialsNamedAfterHer() {
        TemporaryCredentials credentials = as("alice",
                () -> service.getCredentials(federated.id(), CredentialsRequest.defaults()));

        assertThat(credentials.getPrincipalArn()).isEqualTo("arn:aws:sts::123456789012:federated-user/alice");
        assertThat(credentials.getAccessKeyId()).startsWith("ASIA");
        RecordedRequest call = stsCalls().get(0);
        assertThat(call.action()).isEqualTo("GetFederationToken");
        assertThat(call.signatureValid()).isTrue();
        assertThat(call.parameter("Name")).isEqualTo("alice");
        assertThat(call.parameter("Policy")).isEqualTo(POLICY);
        assertThat(call.parameter("Tags.member.1.Key")).isEqualTo("jira-user");
        assertThat(call.parameter("Tags.member.1.Value")).isEqualTo("alice");
    }

    @Test
    void assumesTheRoleWithTheMembersNameAsSessionAndSourceIdentity() {
        TemporaryCredentials credentials = as("alice", () -> service.getCredentials(role.id(),
                CredentialsRequest.defaults().withDuration(Duration.ofMinutes(30))));

        assertThat(credentials.getPrincipalArn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/developer/alice");
        RecordedRequest call = stsCalls().get(0);
        assertThat(call.action()).isEqualTo("AssumeRole");
        assertThat(call.parameter("RoleSessionName")).isEqualTo("alice");
        assertThat(call.parameter("SourceIdentity")).isEqualTo("alice");
        assertThat(call.parameter("DurationSeconds")).isEqualTo("1800");
    }

    @Test
    void usesTheConnectorsMaximumWhenTheCallerAsksForNoDuration() {
        as("alice", () -> service.getCredentials(role.id(), CredentialsRequest.defaults()));

        assertThat(stsCalls().get(0).parameter("DurationSeconds")).isEqualTo("3600");
    }

    @Test
    void refusesADurationAboveTheConnectorsMaximumWithoutCallingAws() {
        assertThatThrownBy(() -> as("alice", () -> service.getCredentials(role.id(),
                CredentialsRequest.defaults().withDuration(Duration.ofSeconds(3601)))))
                .isInstanceOf(InvalidCredentialsRequestException.class)
                .hasMessageContaining("at most 3,600 seconds");
        assertThat(stsCalls()).isEmpty();
    }

    @Test
    void letsAnAdministratorUseAConnectorWithoutGroups() {
        TemporaryCredentials credentials = as("admin",
                () -> service.getCredentials(iamUser.id(), CredentialsRequest.defaults()));

        assertThat(credentials.getPrincipalArn()).isEqualTo("arn:aws:iam::123456789012:user/jira-broker");
        assertThat(stsCalls()).extracting(RecordedRequest::action).contains("GetSessionToken");
    }

    @Test
    void letsASystemAdministratorUseAConnectorWithoutGroups() {
        assertThat(as("root", () -> service.getCredentials(iamUser.id(), CredentialsRequest.defaults())))
                .isNotNull();
    }

    @Test
    void deniesUserOutsideConnectorGroupsWithoutCallingAws() {
        assertThatThrownBy(() -> as("bob", () -> service.getCredentials(federated.id(), CredentialsRequest.defaults())))
                .isInstanceOf(ConnectorAccessDeniedException.class)
                .hasMessage("You are not in any of the groups allowed to use this AWS connector.");
        assertThat(aws.requests()).isEmpty();
    }

    @Test
    void keepsAConnectorWithoutGroupsFromMembers() {
        assertThatThrownBy(() -> as("alice", () -> service.getCredentials(iamUser.id(), CredentialsRequest.defaults())))
                .isInstanceOf(ConnectorAccessDeniedException.class)
                .extracting(e -> ((ConnectorAccessDeniedException) e).getReason()).isEqualTo(Reason.ADMINS_ONLY);
    }

    @Test
    void deniesAnonymousCallersEvenForSystemScopeConnectors() {
        assertThatThrownBy(() -> as(null, () -> service.getCredentials(nightlyJob.id(), CredentialsRequest.defaults())))
                .isInstanceOf(ConnectorAccessDeniedException.class)
                .extracting(e -> ((ConnectorAccessDeniedException) e).getReason()).isEqualTo(Reason.NOT_LOGGED_IN);
        assertThat(aws.requests()).isEmpty();
    }

    @Test
    void givesCodeWithNoUserCredentialsFromASystemScopeConnectorUnderTheFixedSessionName() {
        TemporaryCredentials credentials = service.getSystemCredentials(nightlyJob.id(), CredentialsRequest.defaults());

        assertThat(credentials.getPrincipalArn())
                .isEqualTo("arn:aws:sts::123456789012:federated-user/" + AwsConnectorService.SYSTEM_SESSION_NAME);
        assertThat(stsCalls().get(0).parameters()).doesNotContainKey("Tags.member.1.Key");
    }

    @Test
    void refusesCodeWithNoUserAConnectorThatIsNotSystemScope() {
        assertThatThrownBy(() -> service.getSystemCredentials(federated.id(), CredentialsRequest.defaults()))
                .isInstanceOf(ConnectorAccessDeniedException.class)
                .hasMessage("This AWS connector is not enabled for system scope, so it cannot be used without a Jira user.");
        assertThat(aws.requests()).isEmpty();
    }

    @Test
    void saysWhichConnectorIdIsUnknown() {
        java.util.UUID unknown = java.util.UUID.randomUUID();

        assertThatThrownBy(() -> as("admin", () -> service.getCredentials(unknown, CredentialsRequest.defaults())))
                .isInstanceOf(ConnectorNotFoundException.class)
                .hasMessageContaining(unknown.toString());
    }

    @Test
    void answersARepeatedRequestFromTheCacheWithOneDirectoryReadAndNoAwsCall() {
        TemporaryCredentials first = as("alice",
                () -> service.getCredentials(federated.id(), CredentialsRequest.defaults()));
        int readsBefore = store.findCount();

        TemporaryCredentials second = as("alice",
                () -> service.getCredentials(federated.id(), CredentialsRequest.defaults()));

        assertThat(second).isEqualTo(first);
        assertThat(stsCalls()).hasSize(1);
        assertThat(store.findCount() - readsBefore).isEqualTo(1);
    }

    @Test
    void neverAnswersFromTheCacheAfterTheConnectorWasEdited() {
        TemporaryCredentials before = as("alice",
                () -> service.getCredentials(federated.id(), CredentialsRequest.defaults()));
        store.put(federated.toBuilder().description("edited on another node").version(federated.version() + 1).build());

        TemporaryCredentials after = as("alice",
                () -> service.getCredentials(federated.id(), CredentialsRequest.defaults()));

        assertThat(after.getAccessKeyId()).isNotEqualTo(before.getAccessKeyId());
        assertThat(stsCalls()).hasSize(2);
    }

    @Test
    void makesOneStsCallForAHundredConcurrentRequestsOfOneUser() throws Exception {
        List<TemporaryCredentials> answers = AtOnce.answers(100,
                () -> as("alice", () -> service.getCredentials(federated.id(), CredentialsRequest.defaults())));

        assertThat(answers).extracting(TemporaryCredentials::getAccessKeyId).containsOnly(
                answers.get(0).getAccessKeyId());
        assertThat(stsCalls()).hasSize(1);
    }

    @Test
    void signsAMemberInToTheConsoleThroughTheFederationEndpoint() throws Exception {
        ConsoleSignIn signIn = as("alice", () -> service.getConsoleSignIn(role.id(), CredentialsRequest.defaults()));

        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(signIn.getUrl()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).contains("https://console.aws.amazon.com/s3/home");
        RecordedRequest token = aws.requests().stream().filter(r -> "getSigninToken".equals(r.action()))
                .findFirst().orElseThrow();
        assertThat(token.parameter("SessionDuration")).isEqualTo("3600");
        assertThat(signIn.getUrl().getQuery()).contains("Issuer=http://localhost:2990/jira");
    }

    @Test
    void tellsTheAdminToActivateStsWhenTheRegionIsDisabledAndTheUserToAskTheAdmin() {
        aws.failNext(2, Failure.awsError(403, "RegionDisabledException", "STS is not activated in this region for "
                + "account:123456789012. Your account administrator can activate STS in this region using the IAM "
                + "Console."));

        assertThatThrownBy(() -> as("admin", () -> service.getCredentials(federated.id(),
                CredentialsRequest.defaults())))
                .isInstanceOf(AwsRequestFailedException.class)
                .hasMessageContaining("not activated in region us-east-1")
                .hasMessageContaining("Activate STS for us-east-1 in the IAM console")
                .satisfies(e -> assertThat(((AwsRequestFailedException) e).getAwsErrorCode())
                        .contains("RegionDisabledException"));
        assertThatThrownBy(() -> as("alice", () -> service.getCredentials(federated.id(),
                CredentialsRequest.defaults())))
                .isInstanceOf(AwsRequestFailedException.class)
                .hasMessage("AWS did not accept the AWS account behind this connector (RegionDisabledException). "
                        + "Ask a Jira administrator to validate the account; the details are in the audit log.")
                .satisfies(e -> assertThat(((AwsRequestFailedException) e).getAwsErrorCode())
                        .contains("RegionDisabledException"));
    }

    @Test
    void reportsExpiredSigningCredentialsWithTheClockToCheckToTheAdmin() {
        aws.failNext(2, Failure.awsError(403, "ExpiredToken", "The security token included in the request is expired"));

        assertThatThrownBy(() -> as("root", () -> service.getCredentials(federated.id(),
                CredentialsRequest.defaults())))
                .isInstanceOf(AwsRequestFailedException.class)
                .hasMessageContaining("have expired (ExpiredToken)")
                .hasMessageContaining("clock");
        assertThatThrownBy(() -> as("alice", () -> service.getCredentials(federated.id(),
                CredentialsRequest.defaults())))
                .isInstanceOf(AwsRequestFailedException.class)
                .hasMessageStartingWith("AWS did not accept the AWS account behind this connector (ExpiredToken).")
                .hasMessageNotContaining("clock");
    }

    @Test
    void doesNotCacheAFailureSoTheNextRequestTriesAwsAgain() {
        aws.failNext(1, Failure.awsError(403, "AccessDenied", "User: arn:aws:iam::123456789012:user/jira-broker is "
                + "not authorized to perform: sts:GetFederationToken"));
        assertThatThrownBy(() -> as("alice", () -> service.getCredentials(federated.id(),
                CredentialsRequest.defaults()))).isInstanceOf(AwsRequestFailedException.class);

        assertThat(as("alice", () -> service.getCredentials(federated.id(), CredentialsRequest.defaults())))
                .isNotNull();
        assertThat(stsCalls()).hasSize(2);
    }

    @Test
    void refusesConsoleSignInForAnIamUserConnectorWithoutCallingAws() {
        assertThatThrownBy(() -> as("admin", () -> service.getConsoleSignIn(iamUser.id(),
                CredentialsRequest.defaults())))
                .isInstanceOf(InvalidCredentialsRequestException.class)
                .hasMessageContaining("AWS does not allow console sign-in with session-token credentials");
        assertThat(aws.requests()).isEmpty();
    }
}
