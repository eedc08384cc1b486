package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.awsclients.AwsClientSettings;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.connectors.Connector;
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

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.awsconnectors.sts.StsFixtures.POLICY;
import static dev.awsconnectors.sts.StsFixtures.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each principal type through the real AWS SDK, over HTTP, to the local AWS double, which verifies the SigV4
 * signatures and records exactly what reached it; and each failure AWS can answer with, as the admin reads it.
 */
class CredentialsThroughLocalAwsTest {
    private static final String ACCOUNT_ID = "123456789012";
    private static final String MANAGED_POLICY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    /** Short, so the timeout and retry tests are quick: 1 s per attempt, 3 s in all, 3 attempts. */
    private static final AwsClientSettings FAST = AwsClientSettings.defaults()
            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3))
            .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(50));

    private LocalAws aws;
    private IamUser jiraUser;
    private AccessKey key;
    private IamRole role;
    private String mfaSerial;
    private StsFixtures.RecordingSecrets secrets;
    private AwsClients clients;
    private CredentialsIssuer issuer;
    private Account account;

    @BeforeEach
    void startLocalAws() {
        aws = LocalAws.start();
        AwsAccount awsAccount = aws.account(ACCOUNT_ID);
        jiraUser = awsAccount.user("jira-broker");
        key = jiraUser.addAccessKey();
        mfaSerial = jiraUser.addVirtualMfaDevice("123456");
        role = awsAccount.role("Dev").trust(jiraUser).externalId("ext-1234").maxSessionDuration(7200);
        secrets = new StsFixtures.RecordingSecrets(key.secretAccessKey());
        clients = new AwsClients(secrets, FAST);
        issuer = new CredentialsIssuer(clients, FixedWebIdentityTokens.unused());
        account = accountWith(key.accessKeyId());
    }

    @AfterEach
    void stopLocalAws() {
        clients.close();
        aws.close();
    }

    private Account accountWith(String accessKeyId) {
        Account.Builder builder = account == null ? StsFixtures.accessKeyAccount() : account.toBuilder();
        return builder.accessKeyId(accessKeyId).region("eu-west-1")
                .endpointOverride(aws.endpoint()).signinEndpointOverride(aws.endpoint()).build();
    }

    private Connector.Builder connector(PrincipalType type) {
        return StsFixtures.connector(account, type);
    }

    private Connector.Builder roleConnector() {
        return connector(PrincipalType.IAM_ROLE).roleArn(role.arn());
    }

    /**
     * The requests the double recorded, once there are {@code count}: the double records a request just after it
     * has answered, so the SDK can have its answer a moment before the record exists.
     */
    private List<RecordedRequest> requests(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (aws.requests().size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return aws.requests();
    }

    private RecordedRequest onlyRequest() {
        List<RecordedRequest> requests = requests(1);
        assertThat(requests).hasSize(1);
        RecordedRequest request = requests.get(0);
        assertThat(request.signatureValid()).as("SigV4 signature verified").isTrue();
        assertThat(request.accessKeyId()).isEqualTo(key.accessKeyId());
        return request;
    }

    private AwsRequestFailedException failure(Account on, Connector connector) {
        try {
            issuer.issue(call(on, connector, SessionOwner.jiraUser("alice"), null, null));
        } catch (AwsRequestFailedException e) {
            assertThat(e.getMessage()).doesNotContain(key.secretAccessKey());
            return e;
        }
        throw new AssertionError("expected AWS to refuse");
    }

    @Test
    void aFederatedUserConnectorSendsExactlyTheNamePoliciesDurationAndUserTag() {
        Connector connector = connector(PrincipalType.FEDERATED_USER).policy(POLICY)
                .policyArns(List.of(MANAGED_POLICY)).build();

        TemporaryCredentials credentials = issuer.issue(call(account, connector, SessionOwner.jiraUser("alice"),
                3600, null));

        RecordedRequest request = onlyRequest();
        assertThat(request.service()).isEqualTo("sts");
        assertThat(request.parameters()).isEqualTo(Map.of(
                "Action", "GetFederationToken",
                "Version", "2011-06-15",
                "Name", "alice",
                "Policy", POLICY,
                "PolicyArns.member.1.arn", MANAGED_POLICY,
                "DurationSeconds", "3600",
                "Tags.member.1.Key", "jira-user",
                "Tags.member.1.Value", "alice"));
        assertThat(credentials.getPrincipalArn()).isEqualTo("arn:aws:sts::" + ACCOUNT_ID + ":federated-user/alice");
        assertThat(credentials.getAccessKeyId()).startsWith("ASIA");
        assertThat(credentials.getExpiration()).isBetween(Instant.now().plusSeconds(3500),
                Instant.now().plusSeconds(3700));
    }

    @Test
    void aFederatedUserForSystemScopeUsesTheFixedNameAndNoTagAndLeavesTheDurationToAws() {
        Connector connector = connector(PrincipalType.FEDERATED_USER).policy(POLICY).build();

        TemporaryCredentials credentials = issuer.issue(call(account, connector, SessionOwner.system(), null, null));

        assertThat(onlyRequest().parameters()).isEqualTo(Map.of(
                "Action", "GetFederationToken",
                "Version", "2011-06-15",
                "Name", "jira-system",
                "Policy", POLICY));
        assertThat(credentials.getPrincipalArn()).endsWith(":federated-user/jira-system");
    }

    @Test
    void aJiraUserNameAwsWouldRefuseIsShapedForTheNameAndTheTag() {
        Connector connector = connector(PrincipalType.FEDERATED_USER).policy(POLICY).build();

        issuer.issue(call(account, connector, SessionOwner.jiraUser("Jürgen O'Neil"), null, null));

        RecordedRequest request = onlyRequest();
        assertThat(request.parameter("Name")).matches("J-rgen-O-Neil-[0-9a-f]{8}");
        assertThat(request.parameter("Tags.member.1.Value")).matches("Jürgen O_Neil-[0-9a-f]{8}");
    }

    @Test
    void anIamUserConnectorSendsTheDurationAndMfaAndReportsTheIamUsersArn() {
        Connector connector = connector(PrincipalType.IAM_USER).mfaSerialNumber(mfaSerial).build();

        TemporaryCredentials credentials = issuer.issue(call(account, connector, SessionOwner.jiraUser("alice"),
                7200, "123456"));

        List<RecordedRequest> requests = requests(2);
        assertThat(requests).extracting(RecordedRequest::action)
                .containsExactly("GetSessionToken", "GetCallerIdentity");
        assertThat(requests.get(0).parameters()).isEqualTo(Map.of(
                "Action", "GetSessionToken",
                "Version", "2011-06-15",
                "DurationSeconds", "7200",
                "SerialNumber", mfaSerial,
                "TokenCode", "123456"));
        assertThat(requests).allMatch(RecordedRequest::signatureValid);
        assertThat(credentials.getPrincipalArn()).isEqualTo(jiraUser.arn());
    }

    @Test
    void theIamUsersArnIsAskedOncePerAccountVersion() {
        Connector connector = connector(PrincipalType.IAM_USER).build();

        issuer.issue(call(account, connector, SessionOwner.jiraUser("alice"), null, null));
        issuer.issue(call(account, connector, SessionOwner.jiraUser("bob"), null, null));
        Account edited = account.toBuilder().version(account.version() + 1).build();
        issuer.issue(call(edited, connector, SessionOwner.jiraUser("alice"), null, null));

        assertThat(requests(5)).extracting(RecordedRequest::action).containsExactly(
                "GetSessionToken", "GetCallerIdentity", "GetSessionToken", "GetSessionToken", "GetCallerIdentity");
        assertThat(aws.requests().get(0).parameters()).isEqualTo(Map.of(
                "Action", "GetSessionToken", "Version", "2011-06-15"));
    }

    @Test
    void anIamRoleConnectorSendsEveryParameterWithSourceIdentityAndTag() {
        Connector connector = roleConnector().externalId("ext-1234").policy(POLICY)
                .policyArns(List.of(MANAGED_POLICY)).mfaSerialNumber(mfaSerial).sourceIdentityAndTags(true).build();

        TemporaryCredentials credentials = issuer.issue(call(account, connector, SessionOwner.jiraUser("alice"),
                7200, "123456"));

        assertThat(onlyRequest().parameters()).isEqualTo(Map.ofEntries(
                Map.entry("Action", "AssumeRole"),
                Map.entry("Version", "2011-06-15"),
                Map.entry("RoleArn", role.arn()),
                Map.entry("RoleSessionName", "alice"),
                Map.entry("ExternalId", "ext-1234"),
                Map.entry("Policy", POLICY),
                Map.entry("PolicyArns.member.1.arn", MANAGED_POLICY),
                Map.entry("DurationSeconds", "7200"),
                Map.entry("SerialNumber", mfaSerial),
                Map.entry("TokenCode", "123456"),
                Map.entry("SourceIdentity", "alice"),
                Map.entry("Tags.member.1.Key", "jira-user"),
                Map.entry("Tags.member.1.Value", "alice")));
        assertThat(credentials.getPrincipalArn()).isEqualTo("arn:aws:sts::" + ACCOUNT_ID + ":assumed-role/Dev/alice");
    }

    @Test
    void anIamRoleConnectorWithoutSourceIdentitySendsNeitherItNorTags() {
        Connector connector = roleConnector().externalId("ext-1234").build();

        issuer.issue(call(account, connector, SessionOwner.jiraUser("alice"), null, null));

        assertThat(onlyRequest().parameters()).isEqualTo(Map.of(
                "Action", "AssumeRole",
                "Version", "2011-06-15",
                "RoleArn", role.arn(),
                "RoleSessionName", "alice",
                "ExternalId", "ext-1234"));
    }

    @Test
    void anIamRoleForSystemScopeUsesTheFixedSessionNameAsSourceIdentityAndNoTag() {
        Connector connector = roleConnector().externalId("ext-1234").sourceIdentityAndTags(true).build();

        TemporaryCredentials credentials = issuer.issue(call(account, connector, SessionOwner.system(), null, null));

        RecordedRequest request = onlyRequest();
        assertThat(request.parameter("RoleSessionName")).isEqualTo("jira-system");
        assertThat(request.parameter("SourceIdentity")).isEqualTo("jira-system");
        assertThat(request.parameters()).doesNotContainKey("Tags.member.1.Key");
        assertThat(credentials.getPrincipalArn()).endsWith(":assumed-role/Dev/jira-system");
    }

    @Test
    void accessDeniedNamesTheRoleAndTheTrustToCheck() {
        IamRole untrusting = aws.account(ACCOUNT_ID).role("Locked");
        Connector connector = roleConnector().roleArn(untrusting.arn()).build();

        AwsRequestFailedException e = failure(account, connector);

        assertThat(e.getMessage()).isEqualTo("AWS STS denied AssumeRole on role " + untrusting.arn() + " for "
                + "connector 'Dev iam role' (AccessDenied). Check that the IAM user of account 'Prod' has a policy "
                + "that allows sts:AssumeRole on " + untrusting.arn() + ", and that the role's trust policy allows "
                + "it to assume the role. AWS said: User: " + jiraUser.arn() + " is not authorized to perform: "
                + "sts:AssumeRole on resource: " + untrusting.arn());
        assertThat(e.getAwsErrorCode()).contains("AccessDenied");
        assertThat(e.getRequestId()).isPresent();
    }

    @Test
    void aWrongMfaCodeIsAccessDeniedThatNamesTheDevice() {
        Connector connector = connector(PrincipalType.IAM_USER).mfaSerialNumber(mfaSerial).build();

        AwsRequestFailedException e = assertFailure(() -> issuer.issue(call(account, connector,
                SessionOwner.jiraUser("alice"), null, "654321")));

        dev.awsconnectors.i18n.Text text = ((AwsCallFailedException) e).adminText();
        assertThat(text.key()).isEqualTo("awsc.aws.admin.denied");
        assertThat(text.arguments().subList(0, 6)).containsExactly("AWS STS", "GetSessionToken",
                dev.awsconnectors.i18n.Text.of("awsc.aws.target.iamUserOfAccount", "Prod"),
                dev.awsconnectors.i18n.Text.of("awsc.aws.admin.forConnector", "Dev iam user"), "AccessDenied",
                dev.awsconnectors.i18n.Text.of("awsc.aws.hint.sessionToken.mfa", mfaSerial, "Prod"));
    }

    @Test
    void theAssumeRoleHintAddsTheExternalIdSourceIdentityTagsAndMfaDeviceTheConnectorSends() {
        IamRole untrusting = aws.account(ACCOUNT_ID).role("Locked2");
        Connector connector = roleConnector().roleArn(untrusting.arn()).externalId("ext-1234")
                .sourceIdentityAndTags(true).build();

        AwsRequestFailedException e = failure(account, connector);

        dev.awsconnectors.i18n.Text hint = (dev.awsconnectors.i18n.Text) ((AwsCallFailedException) e).adminText()
                .arguments().get(5);
        assertThat(hint).isEqualTo(dev.awsconnectors.i18n.Text.of("awsc.aws.hint.assumeRole",
                dev.awsconnectors.i18n.Text.of("awsc.aws.hint.assumeRole.iamUser"), "Prod", untrusting.arn(),
                dev.awsconnectors.i18n.Text.of("awsc.aws.hint.assumeRole.externalId"),
                dev.awsconnectors.i18n.Text.of("awsc.aws.hint.assumeRole.sourceIdentity",
                        dev.awsconnectors.i18n.Text.of("awsc.aws.hint.andTagSession")), ""));
        assertThat(e.getMessage()).contains("allows it to assume the role with the connector's external ID "
                + "(sts:ExternalId) and allows sts:SetSourceIdentity and sts:TagSession. AWS said: ");
    }

    @Test
    void anUnknownAccessKeyIsInvalidClientTokenId() {
        Account unknown = accountWith("AKIAUNKNOWNKEY000000");

        AwsRequestFailedException e = failure(unknown, connector(PrincipalType.FEDERATED_USER).policy(POLICY)
                .build());

        assertThat(e.getMessage()).isEqualTo("AWS STS refused the access key of account 'Prod' "
                + "(InvalidClientTokenId) when calling GetFederationToken: the access key ID or secret access key "
                + "is wrong, or the key was deleted or deactivated in IAM. Re-enter the key in the account, or "
                + "create a new access key for its IAM user and rotate to it.");
        assertThat(e.getAwsErrorCode()).contains("InvalidClientTokenId");
        assertThat(requests(1)).hasSize(1);
    }

    @Test
    void aWrongSecretIsSignatureDoesNotMatch() {
        clients.close();
        clients = new AwsClients(new StsFixtures.RecordingSecrets(StsFixtures.SECRET), FAST);
        issuer = new CredentialsIssuer(clients, FixedWebIdentityTokens.unused());

        AwsRequestFailedException e = failure(account, connector(PrincipalType.FEDERATED_USER).policy(POLICY)
                .build());

        assertThat(e.getAwsErrorCode()).contains("SignatureDoesNotMatch");
        assertThat(e.getMessage()).startsWith("AWS STS refused the access key of account 'Prod' "
                + "(SignatureDoesNotMatch) when calling GetFederationToken").doesNotContain(StsFixtures.SECRET);
    }

    @Test
    void aDeactivatedKeyIsRefusedWithTheSameAdvice() {
        jiraUser.deactivateAccessKey(key.accessKeyId());

        AwsRequestFailedException e = failure(account, connector(PrincipalType.IAM_USER).build());

        assertThat(e.getMessage()).startsWith("AWS STS refused the access key of account 'Prod' (")
                .contains("deleted or deactivated in IAM");
    }

    @Test
    void aMalformedPolicyPointsAtTheConnector() {
        AwsRequestFailedException e = failure(account, connector(PrincipalType.FEDERATED_USER)
                .policy("{\"Version\":\"2012-10-17\"}").build());

        assertThat(e.getMessage()).isEqualTo("AWS STS refused the session policy of connector 'Dev federated user' "
                + "as malformed (MalformedPolicyDocument) when calling GetFederationToken. Fix the connector's "
                + "inline policy JSON and policy ARNs. AWS said: Missing required field Statement");
        assertThat(e.getAwsErrorCode()).contains("MalformedPolicyDocument");
    }

    @Test
    void policiesAndTagsTooLargeOncePackedSayWhatToShorten() {
        String resource = "arn:aws:s3:::" + "b".repeat(1900);
        String bigPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"s3:GetObject\",\"Resource\":\"" + resource + "\"}]}";
        Connector connector = roleConnector().externalId("ext-1234").policy(bigPolicy)
                .policyArns(List.of(MANAGED_POLICY, "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"))
                .sourceIdentityAndTags(true).build();

        AwsRequestFailedException e = failure(account, connector);

        assertThat(e.getMessage()).startsWith("AWS STS refused AssumeRole for connector 'Dev iam role': the session "
                + "policy, policy ARNs and session tags are too large together once AWS packs them "
                + "(PackedPolicyTooLarge). Shorten the connector's policy, use fewer policy ARNs, or turn off "
                + "session tags. AWS said: ");
        assertThat(e.getAwsErrorCode()).contains("PackedPolicyTooLarge");
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsReportedAfterThreeAttempts() {
        aws.failNext(3, "GetFederationToken", Failure.throttling());

        AwsRequestFailedException e = failure(account, connector(PrincipalType.FEDERATED_USER).policy(POLICY)
                .build());

        assertThat(e.getMessage()).isEqualTo("AWS STS throttled GetFederationToken for account 'Prod' (Throttling) "
                + "and the call still failed after 3 attempts. Try again in a minute; if it keeps happening, "
                + "request credentials less often or ask AWS for a higher STS request quota.");
        assertThat(e.getAwsErrorCode()).contains("Throttling");
        assertThat(requests(3)).hasSize(3);
    }

    @Test
    void aServerErrorThatOutlastsTheRetriesIsReportedAfterThreeAttempts() {
        aws.failNext(3, "AssumeRole", Failure.serviceUnavailable());

        AwsRequestFailedException e = failure(account, roleConnector().externalId("ext-1234").build());

        assertThat(e.getMessage()).isEqualTo("AWS STS at " + authority() + " failed AssumeRole with an error on "
                + "its side (HTTP 503, ServiceUnavailable), after 3 attempts. Try again later, and check the AWS "
                + "Health Dashboard for STS in eu-west-1 (or the proxy in between).");
        assertThat(e.getAwsErrorCode()).contains("ServiceUnavailable");
        assertThat(requests(3)).hasSize(3);
    }

    @Test
    void aPassingServerErrorIsRetriedAway() {
        aws.failNext(2, "AssumeRole", Failure.internalFailure());

        TemporaryCredentials credentials = issuer.issue(call(account, roleConnector().externalId("ext-1234").build(),
                SessionOwner.jiraUser("alice"), null, null));

        assertThat(credentials.getPrincipalArn()).endsWith(":assumed-role/Dev/alice");
        assertThat(requests(3)).extracting(RecordedRequest::status).containsExactly(500, 500, 200);
    }

    @Test
    void aSilentEndpointIsGivenUpOnWithinTheCallTimeout() {
        aws.failNext(10, Failure.delay(Duration.ofSeconds(5)));
        long start = System.nanoTime();

        AwsRequestFailedException e = failure(account, connector(PrincipalType.FEDERATED_USER).policy(POLICY)
                .build());

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isLessThan(FAST.apiCallTimeout().plusSeconds(1));
        assertThat(e.getMessage()).isEqualTo("AWS STS at " + authority() + " could not be reached: no answer "
                + "within 3 s in all (3 attempts at most). Check the network path from Jira to AWS (DNS, firewall, "
                + "proxy, VPC endpoint) and the account's endpoint override.");
        assertThat(e.getAwsErrorCode()).isEmpty();
    }

    @Test
    void aRefusedConnectionSaysStsCouldNotBeReached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Account unreachable = account.toBuilder().endpointOverride(URI.create("http://127.0.0.1:" + closedPort))
                .build();

        AwsRequestFailedException e = failure(unreachable, connector(PrincipalType.FEDERATED_USER).policy(POLICY)
                .build());

        assertThat(e.getMessage()).isEqualTo("AWS STS at 127.0.0.1:" + closedPort + " could not be reached: the "
                + "connection was refused. Check the network path from Jira to AWS (DNS, firewall, proxy, VPC "
                + "endpoint) and the account's endpoint override.");
        assertThat(e.getAwsErrorCode()).isEmpty();
        assertThat(e.getRequestId()).isEmpty();
    }

    @Test
    void aDroppedConnectionSaysStsCouldNotBeReached() {
        aws.failNext(3, Failure.closeConnection());

        AwsRequestFailedException e = failure(account, connector(PrincipalType.FEDERATED_USER).policy(POLICY)
                .build());

        assertThat(e.getMessage()).isEqualTo("AWS STS at " + authority() + " could not be reached: the connection "
                + "failed (SocketException). Check the network path from Jira to AWS (DNS, firewall, proxy, VPC "
                + "endpoint) and the account's endpoint override.");
        assertThat(e.getAwsErrorCode()).isEmpty();
    }

    @Test
    void aBodyCutShortIsReportedWithoutCredentials() {
        aws.failNext(3, Failure.malformedBody());

        AwsRequestFailedException e = failure(account, connector(PrincipalType.FEDERATED_USER).policy(POLICY)
                .build());

        assertThat(e.getMessage()).isEqualTo("AWS STS at " + authority() + " answered GetFederationToken with a "
                + "response Jira could not read (cut short, or not AWS's XML). Check that the account's endpoint "
                + "override points at AWS STS, and try again.");
        assertThat(e.getAwsErrorCode()).isEmpty();
    }

    private String authority() {
        return "127.0.0.1:" + aws.endpoint().getPort();
    }

    private static AwsRequestFailedException assertFailure(Runnable action) {
        try {
            action.run();
        } catch (AwsRequestFailedException e) {
            return e;
        }
        throw new AssertionError("expected AWS to refuse");
    }

    @Test
    void theSecretIsReadOnceForAllTheseCalls() {
        Connector connector = connector(PrincipalType.FEDERATED_USER).policy(POLICY).build();

        issuer.issue(call(account, connector, SessionOwner.jiraUser("alice"), null, null));
        issuer.issue(call(account, connector, SessionOwner.jiraUser("bob"), null, null));

        assertThat(secrets.asked).hasSize(1);
        assertThatThrownBy(() -> issuer.issue(call(account, connector(PrincipalType.IAM_USER)
                .mfaSerialNumber(mfaSerial).build(), SessionOwner.jiraUser("alice"), null, null)))
                .hasMessage("This connector needs an MFA code: enter the 6-digit code your MFA device shows.");
        assertThat(requests(2)).hasSize(2);
    }
}
