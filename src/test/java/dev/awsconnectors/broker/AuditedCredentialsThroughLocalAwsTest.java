package dev.awsconnectors.broker;

import com.atlassian.audit.entity.AuditAttribute;
import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.AuditResource;
import com.atlassian.audit.entity.CoverageArea;
import dev.awsconnectors.access.ConnectorAccess;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConnectorAccessDeniedException;
import dev.awsconnectors.api.ConsoleSignIn;
import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.audit.CredentialsAudit;
import dev.awsconnectors.audit.RequestOrigin;
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
import dev.awsconnectors.testhost.sal.HostApplicationProperties;
import dev.awsconnectors.testhost.sal.HostAuditLog;
import dev.awsconnectors.testhost.sal.HostUsers;
import dev.awsconnectors.testhost.store.InMemoryConnectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker built from real parts against the local AWS double, writing to the host's audit log: each credentials
 * request and console sign-in, allowed or refused, leaves exactly one event, with the right attributes and no secret.
 */
class AuditedCredentialsThroughLocalAwsTest {
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":"
            + "[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}";
    private static final String MFA_CODE = "493817";

    @TempDir
    Path home;

    private LocalAws aws;
    private AwsClients clients;
    private final InMemoryConnectors store = new InMemoryConnectors();
    private final HostUsers users = new HostUsers()
            .add("admin", true, false)
            .add("alice", false, false, "aws-developers")
            .add("bob", false, false, "jira-users");
    private HostAuditLog auditLog;
    /** Another app, as OSGi names it to the exported service. */
    private static final RequestOrigin REPORTS = RequestOrigin.app("com.example.reports");

    private CredentialsBroker broker;
    private Account account;
    private Connector federated;
    private Connector role;
    private Connector iamUser;
    private Connector nightlyJob;
    private String accountSecret;
    private String mfaSerial;
    /** Every secret handed out in a test, none of which may reach the log. */
    private final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void startAwsAndConfigureConnectors() {
        aws = LocalAws.start();
        AwsAccount awsAccount = aws.account("123456789012");
        IamUser brokerUser = awsAccount.user("jira-broker");
        AccessKey key = brokerUser.addAccessKey();
        accountSecret = key.secretAccessKey();
        mfaSerial = brokerUser.addVirtualMfaDevice(MFA_CODE);
        String roleArn = awsAccount.role("developer").trust(brokerUser).maxSessionDuration(7200).arn();
        account = Account.builder().name("Production").type(AccountType.ACCESS_KEY).accessKeyId(key.accessKeyId())
                .partition(Partition.AWS).region("us-east-1").endpointOverride(aws.endpoint())
                .signinEndpointOverride(aws.endpoint()).build();
        federated = Connector.builder().name("Developers (federated)").accountId(account.id())
                .principalType(PrincipalType.FEDERATED_USER).policy(POLICY).groups(List.of("aws-developers"))
                .build();
        role = Connector.builder().name("Developers (role)").accountId(account.id())
                .principalType(PrincipalType.IAM_ROLE).roleArn(roleArn).maxDurationSeconds(3600)
                .groups(List.of("aws-developers")).build();
        iamUser = Connector.builder().name("Break glass").accountId(account.id())
                .principalType(PrincipalType.IAM_USER).build();
        nightlyJob = Connector.builder().name("Nightly job").accountId(account.id())
                .principalType(PrincipalType.FEDERATED_USER).policy(POLICY).systemScope(true).build();
        store.put(account, accountSecret).put(federated).put(role).put(iamUser).put(nightlyJob);

        clients = new AwsClients(store);
        auditLog = new HostAuditLog(home, users, Clock.systemUTC());
        broker = new CredentialsBroker(store, new ConnectorAccess(users), new CredentialsIssuer(clients, FixedWebIdentityTokens.unused()),
                new ConsoleSignInBroker(new HostApplicationProperties("http://localhost:2990/jira", null, null)),
                new CredentialsCache(), new CredentialsAudit(auditLog));
    }

    @AfterEach
    void stop() {
        clients.close();
        aws.close();
    }

    private <T> T as(String user, Supplier<T> work) {
        return users.runAs(user, work);
    }

    private TemporaryCredentials keep(TemporaryCredentials credentials) {
        secrets.add(credentials.getSecretAccessKey());
        secrets.add(credentials.getSessionToken());
        return credentials;
    }

    private AuditEvent onlyEvent() {
        assertThat(auditLog.events()).hasSize(1);
        return auditLog.events().get(0);
    }

    private static Map<String, String> attributes(AuditEvent event) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (AuditAttribute attribute : event.getExtraAttributes()) {
            attributes.put(attribute.getNameI18nKey(), attribute.getValue());
        }
        return attributes;
    }

    private void assertNoSecretInTheLog() throws IOException {
        String file = Files.exists(auditLog.file()) ? Files.readString(auditLog.file()) : "";
        List<String> forbidden = new ArrayList<>(secrets);
        forbidden.add(accountSecret);
        forbidden.add(MFA_CODE);
        for (String secret : forbidden) {
            assertThat(file).doesNotContain(secret);
            assertThat(auditLog.events()).allSatisfy(event -> assertThat(event.toString()).doesNotContain(secret));
        }
        assertThat(file).doesNotContain("SigninToken");
    }

    private void assertAffects(AuditEvent event, Connector connector) {
        assertThat(event.getAffectedObjects()).extracting(AuditResource::getType, AuditResource::getName,
                AuditResource::getId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("AWS connector", connector.name(), connector.id().toString()),
                org.assertj.core.groups.Tuple.tuple("AWS account", "Production", account.id().toString()));
    }

    @Test
    void aMemberObtainingCredentialsLeavesOneEventWithHerNamePrincipalAndExpiry() throws IOException {
        TemporaryCredentials credentials = keep(as("alice",
                () -> broker.credentials(federated.id(), CredentialsRequest.defaults(), REPORTS)));

        AuditEvent event = onlyEvent();
        assertThat(event.getCategoryI18nKey()).isEqualTo("awsc.audit.category");
        assertThat(event.getActionI18nKey()).isEqualTo("awsc.audit.credentials.issued");
        assertThat(event.getArea()).isEqualTo(CoverageArea.END_USER_ACTIVITY);
        assertAffects(event, federated);
        assertThat(attributes(event))
                .containsEntry("awsc.audit.attribute.requestedBy", "alice")
                .containsEntry("awsc.audit.attribute.source", "API")
                .containsEntry("awsc.audit.attribute.callingApp", "com.example.reports")
                .containsEntry("awsc.audit.attribute.access", "GROUP_MEMBER aws-developers")
                .containsEntry("awsc.audit.attribute.principalArn", "arn:aws:sts::123456789012:federated-user/alice")
                .containsEntry("awsc.audit.attribute.accessKeyId", credentials.getAccessKeyId())
                .containsEntry("awsc.audit.attribute.expiry", credentials.getExpiration().toString())
                .containsEntry("awsc.audit.attribute.fromCache", "false");
        assertThat(auditLog.readLogAsJson().get(0).get("author").asText()).isEqualTo("alice");
        assertNoSecretInTheLog();
    }

    @Test
    void aCacheHitIsAuditedToo() throws IOException {
        keep(as("alice", () -> broker.credentials(federated.id(), CredentialsRequest.defaults(), REPORTS)));
        keep(as("alice", () -> broker.credentials(federated.id(), CredentialsRequest.defaults(), REPORTS)));

        assertThat(auditLog.events()).hasSize(2)
                .extracting(e -> attributes(e).get("awsc.audit.attribute.fromCache")).containsExactly("false", "true");
        assertNoSecretInTheLog();
    }

    @Test
    void anOutsiderRefusedLeavesOneSecurityEventWithTheRule() throws IOException {
        assertThatThrownBy(() -> as("bob", () -> broker.credentials(federated.id(),
                CredentialsRequest.defaults(), REPORTS))).isInstanceOf(ConnectorAccessDeniedException.class);

        AuditEvent event = onlyEvent();
        assertThat(event.getActionI18nKey()).isEqualTo("awsc.audit.credentials.denied");
        assertThat(event.getArea()).isEqualTo(CoverageArea.SECURITY);
        assertAffects(event, federated);
        assertThat(attributes(event))
                .containsEntry("awsc.audit.attribute.requestedBy", "bob")
                .containsEntry("awsc.audit.attribute.denial", "ACCESS_DENIED")
                .containsEntry("awsc.audit.attribute.reason", "NOT_IN_CONNECTOR_GROUPS")
                .doesNotContainKey("awsc.audit.attribute.principalArn");
        assertThat(aws.requests()).isEmpty();
        assertNoSecretInTheLog();
    }

    @Test
    void anAnonymousRequestLeavesOneEventNamingNoUser() {
        assertThatThrownBy(() -> as(null, () -> broker.credentials(nightlyJob.id(),
                CredentialsRequest.defaults(), REPORTS))).isInstanceOf(ConnectorAccessDeniedException.class);

        assertThat(attributes(onlyEvent()))
                .containsEntry("awsc.audit.attribute.requestedBy", "anonymous")
                .containsEntry("awsc.audit.attribute.reason", "NOT_LOGGED_IN");
    }

    @Test
    void aRequestAwsRefusedLeavesOneEventWithAwsErrorCode() throws IOException {
        aws.failNext(1, Failure.awsError(403, "RegionDisabledException", "STS is not activated in this region"));

        assertThatThrownBy(() -> as("alice", () -> broker.credentials(federated.id(),
                CredentialsRequest.defaults(), REPORTS))).isInstanceOf(AwsRequestFailedException.class);

        AuditEvent event = onlyEvent();
        assertThat(event.getActionI18nKey()).isEqualTo("awsc.audit.credentials.denied");
        assertAffects(event, federated);
        assertThat(attributes(event))
                .containsEntry("awsc.audit.attribute.requestedBy", "alice")
                .containsEntry("awsc.audit.attribute.denial", "AWS_FAILED")
                .containsEntry("awsc.audit.attribute.reason", "RegionDisabledException");
        assertNoSecretInTheLog();
    }

    @Test
    void aWrongMfaCodeTellsTheUserWhatToDoAndTheAuditWhatTheAdminChecks() throws IOException {
        Connector mfa = Connector.builder().name("Break glass (MFA)").accountId(account.id())
                .principalType(PrincipalType.IAM_USER).mfaSerialNumber(mfaSerial).groups(List.of("aws-developers"))
                .build();
        store.put(mfa);

        AwsRequestFailedException user = failureFor("alice", mfa, CredentialsRequest.defaults().withMfaCode("111111"));
        AwsRequestFailedException admin = failureFor("admin", mfa, CredentialsRequest.defaults().withMfaCode("111111"));

        assertThat(user.getMessage()).isEqualTo("The MFA code was not accepted. Wait for the next code from your "
                + "device and try again. If it keeps failing, ask a Jira administrator to check the connector's MFA "
                + "device.");
        assertThat(user.getMessage()).doesNotContain("Production", mfaSerial, "123456789012", "policy");
        assertThat(user.getAwsErrorCode()).contains("AccessDenied");
        assertThat(admin.getMessage()).startsWith("AWS STS denied GetSessionToken on the IAM user of account "
                + "'Production'").contains(mfaSerial, "no policy denies sts:GetSessionToken");
        assertThat(auditLog.events()).hasSize(2).allSatisfy(event -> assertThat(attributes(event))
                .containsEntry("awsc.audit.attribute.reason", "AccessDenied")
                .hasEntrySatisfying("awsc.audit.attribute.details", details -> assertThat(details)
                        .isEqualTo(admin.getMessage())));
        assertNoSecretInTheLog();
    }

    @Test
    void anHtmlServerErrorIsAuditedAsWhatAwsAnsweredNotAsUnreachable() throws IOException {
        aws.failNext(3, Failure.htmlServerError());

        AwsRequestFailedException user = failureFor("alice", federated, CredentialsRequest.defaults());

        assertThat(attributes(onlyEvent()))
                .containsEntry("awsc.audit.attribute.denial", "AWS_FAILED")
                .containsEntry("awsc.audit.attribute.reason", "AWS answered HTTP 500 with a body that is not an AWS "
                        + "error")
                .hasEntrySatisfying("awsc.audit.attribute.details", details -> assertThat(details).isEqualTo(
                        "AWS STS at 127.0.0.1:" + aws.endpoint().getPort() + " failed GetFederationToken with an "
                                + "error on its side (HTTP 500 with a body that is not an AWS error), after 3 "
                                + "attempts. Try again later, and check the AWS Health Dashboard for STS in "
                                + "us-east-1, and the proxy or load balancer in between."));
        assertThat(user.getMessage()).isEqualTo("AWS failed with an error on its side (HTTP 500) after 3 attempts. "
                + "Try again in a few minutes; if it keeps failing, tell a Jira administrator.");
        assertThat(aws.requests()).hasSize(3);
    }

    @Test
    void anUnreadableAnswerIsAuditedAsSuchNotAsUnreachable() throws IOException {
        aws.failNext(3, Failure.malformedBody());

        AwsRequestFailedException user = failureFor("alice", federated, CredentialsRequest.defaults());

        assertThat(attributes(onlyEvent()))
                .containsEntry("awsc.audit.attribute.reason", "AWS answered with a response that could not be read")
                .hasEntrySatisfying("awsc.audit.attribute.details", details -> assertThat(details)
                        .contains("answered GetFederationToken with a response Jira could not read"));
        assertThat(user.getMessage()).isEqualTo("AWS answered in a form Jira could not read. Try again in a few "
                + "minutes; if it keeps failing, ask a Jira administrator to check the AWS account's endpoint.");
    }

    @Test
    void anUnreachableAwsIsStillAuditedAsNotReachable() {
        aws.failNext(3, Failure.closeConnection());

        AwsRequestFailedException user = failureFor("alice", federated, CredentialsRequest.defaults());

        assertThat(attributes(onlyEvent())).containsEntry("awsc.audit.attribute.reason", "AWS not reachable");
        assertThat(user.getMessage()).isEqualTo("Jira could not reach AWS. Try again in a few minutes; if it keeps "
                + "failing, ask a Jira administrator to check the connection from Jira to AWS.");
    }

    @Test
    void aFailingSignInServiceTellsTheUserToTryAgainAndTheAuditWhatItAnswered() {
        aws.failNext(1, "getSigninToken", Failure.internalFailure());

        AwsRequestFailedException user = null;
        try {
            as("alice", () -> broker.consoleSignIn(role.id(), CredentialsRequest.defaults(), RequestOrigin.WEB));
        } catch (AwsRequestFailedException e) {
            user = e;
        }

        assertThat(user).isNotNull();
        assertThat(user.getMessage()).isEqualTo("The AWS sign-in service failed with an error on its side (HTTP "
                + "500). Try again in a few minutes.");
        assertThat(attributes(onlyEvent()))
                .containsEntry("awsc.audit.attribute.reason", "the federation endpoint answered HTTP 500")
                .hasEntrySatisfying("awsc.audit.attribute.details", details -> assertThat(details)
                        .startsWith("The AWS federation endpoint at 127.0.0.1:" + aws.endpoint().getPort()
                                + " failed with an error on its side (HTTP 500)."));
    }

    private AwsRequestFailedException failureFor(String user, Connector connector, CredentialsRequest request) {
        try {
            as(user, () -> broker.credentials(connector.id(), request, RequestOrigin.WEB));
        } catch (AwsRequestFailedException e) {
            return e;
        }
        throw new AssertionError("expected AWS to refuse");
    }

    @Test
    void systemScopeCredentialsLeaveOneEventNamingTheSystemSession() throws IOException {
        TemporaryCredentials credentials = keep(broker.systemCredentials(nightlyJob.id(),
                CredentialsRequest.defaults(), REPORTS));

        AuditEvent event = onlyEvent();
        assertThat(event.getActionI18nKey()).isEqualTo("awsc.audit.credentials.issued");
        assertAffects(event, nightlyJob);
        assertThat(attributes(event))
                .containsEntry("awsc.audit.attribute.requestedBy", "com.example.reports (system scope)")
                .containsEntry("awsc.audit.attribute.access", "SYSTEM_SCOPE")
                .containsEntry("awsc.audit.attribute.principalArn", credentials.getPrincipalArn());
        assertThat(credentials.getPrincipalArn()).endsWith("federated-user/jira-system");
        assertNoSecretInTheLog();
    }

    @Test
    void systemScopeOnAConnectorWithoutItAndWithAnMfaCodeIsRefusedAndAudited() throws IOException {
        assertThatThrownBy(() -> broker.systemCredentials(federated.id(), CredentialsRequest.defaults(), REPORTS))
                .isInstanceOf(ConnectorAccessDeniedException.class);
        assertThatThrownBy(() -> broker.systemCredentials(nightlyJob.id(),
                CredentialsRequest.defaults().withMfaCode(MFA_CODE), REPORTS))
                .isInstanceOf(InvalidCredentialsRequestException.class);

        assertThat(auditLog.events()).hasSize(2).allSatisfy(e -> {
            assertThat(e.getActionI18nKey()).isEqualTo("awsc.audit.credentials.denied");
            assertThat(attributes(e)).containsEntry("awsc.audit.attribute.requestedBy", "com.example.reports (system scope)");
        });
        assertThat(attributes(auditLog.events().get(0))).containsEntry("awsc.audit.attribute.reason",
                "NOT_SYSTEM_SCOPE");
        assertThat(attributes(auditLog.events().get(1))).containsEntry("awsc.audit.attribute.reason", "mfaCode");
        assertNoSecretInTheLog();
    }

    @Test
    void anUnknownConnectorIdIsAuditedAsAProbe() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> as("bob", () -> broker.credentials(unknown, CredentialsRequest.defaults(), REPORTS)))
                .hasMessageContaining(unknown.toString());

        assertThat(onlyEvent().getAffectedObjects()).extracting(AuditResource::getId)
                .containsExactly(unknown.toString());
        assertThat(attributes(auditLog.events().get(0))).containsEntry("awsc.audit.attribute.denial",
                "CONNECTOR_NOT_FOUND");
    }

    @Test
    void aConsoleSignInAndARefusedOneLeaveOneEventEach() throws IOException {
        ConsoleSignIn signIn = as("alice",
                () -> broker.consoleSignIn(role.id(), CredentialsRequest.defaults(), RequestOrigin.WEB));
        assertThatThrownBy(() -> as("admin", () -> broker.consoleSignIn(iamUser.id(),
                CredentialsRequest.defaults(), REPORTS))).isInstanceOf(InvalidCredentialsRequestException.class);

        assertThat(auditLog.events()).hasSize(2);
        AuditEvent signedIn = auditLog.events().get(0);
        assertThat(signedIn.getActionI18nKey()).isEqualTo("awsc.audit.console.signedIn");
        assertAffects(signedIn, role);
        assertThat(attributes(signedIn))
                .containsEntry("awsc.audit.attribute.source", "web")
                .containsEntry("awsc.audit.attribute.principalArn",
                        "arn:aws:sts::123456789012:assumed-role/developer/alice");
        AuditEvent refused = auditLog.events().get(1);
        assertThat(refused.getActionI18nKey()).isEqualTo("awsc.audit.console.denied");
        assertThat(attributes(refused)).containsEntry("awsc.audit.attribute.reason", "principalType")
                .containsEntry("awsc.audit.attribute.requestedBy", "admin");
        String query = signIn.getUrl().getRawQuery();
        secrets.add(query.substring(query.indexOf("SigninToken=") + "SigninToken=".length()));
        assertNoSecretInTheLog();
    }

    @Test
    void theRestLayerNamesItselfAsTheSourceAndNoCallingApp() {
        as("alice", () -> keep(broker.credentials(federated.id(), CredentialsRequest.defaults(),
                RequestOrigin.REST)));

        assertThat(attributes(onlyEvent())).containsEntry("awsc.audit.attribute.source", "REST")
                .doesNotContainKey("awsc.audit.attribute.callingApp");
    }
}
