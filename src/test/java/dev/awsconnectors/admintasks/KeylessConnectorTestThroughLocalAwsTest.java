package dev.awsconnectors.admintasks;

import com.atlassian.audit.entity.AuditEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.audit.RequestOrigin;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.oidc.IdentityTokens;
import dev.awsconnectors.sts.OidcWebIdentityTokens;
import dev.awsconnectors.testhost.ao.StoredRows;
import dev.awsconnectors.testhost.aws.JsonSite;
import dev.awsconnectors.testhost.aws.Failure;
import dev.awsconnectors.testhost.aws.IamRole;
import dev.awsconnectors.testhost.aws.LocalAws;
import dev.awsconnectors.testhost.aws.OidcProvider;
import dev.awsconnectors.testhost.sal.HostApplicationProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static dev.awsconnectors.testhost.aws.WebIdentityCondition.stringEquals;
import static dev.awsconnectors.testhost.aws.WebIdentityCondition.stringLike;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * "Test" of an IAM Role connector on a keyless account, through the real SDK against the local AWS double, which
 * fetches this Jira's discovery document and JWKS over HTTP: each way AWS refuses the token is explained to the
 * administrator in plain words, naming the issuer, audience, subject or role concerned and what to do; users who are
 * not administrators are told no more than before.
 */
class KeylessConnectorTestThroughLocalAwsTest {
    private static final String AUDIENCE = "sts.amazonaws.com";

    @TempDir
    Path home;
    @TempDir
    Path otherHome;

    private JsonSite issuerSite;
    private IdentityTokens tokens;
    /** What the issuer site answers at the JWKS address; the issuer's own JWKS unless a test changes it. */
    private final AtomicReference<Supplier<String>> jwks = new AtomicReference<>();
    private IamFixture node;
    private OidcProvider provider;

    private void start(LocalAws aws) throws IOException {
        issuerSite = JsonSite.start();
        tokens = new IdentityTokens(new HostApplicationProperties(issuerSite.url("/jira"), home, home));
        jwks.set(tokens::jwks);
        issuerSite.serveIssuer("/jira" + IdentityTokens.ISSUER_PATH, tokens::discoveryDocument,
                () -> jwks.get().get());
        node = new IamFixture(home, aws, new OidcWebIdentityTokens(tokens));
        provider = node.awsAccount.addOpenIdConnectProvider(tokens.issuerUrl(), AUDIENCE);
    }

    private void start() throws IOException {
        start(LocalAws.start());
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        if (issuerSite != null) {
            issuerSite.close();
        }
    }

    /** A role that trusts every connector's tokens of this issuer, as the demo's does. */
    private String roleTrustingConnectors() {
        return node.awsAccount.role("deploy").trustWebIdentity(provider,
                stringEquals(provider.audienceKey(), AUDIENCE),
                stringLike(provider.subjectKey(), "connector:*")).arn();
    }

    private Account keylessAccount(Account.Builder changes) {
        return node.accounts.create(changes.name("Keyless").type(AccountType.WEB_IDENTITY)
                .partition(Partition.AWS).region("us-east-1").endpointOverride(node.aws.endpoint()).build(),
                Optional.empty());
    }

    private Connector roleConnector(Account account, String roleArn) {
        return node.connectors.create(Connector.builder().name("Deploy keyless").accountId(account.id())
                .principalType(PrincipalType.IAM_ROLE).roleArn(roleArn).groups(List.of("aws-developers")).build());
    }

    /** What the admin's "Test" of the connector says. */
    private String testedByAdmin(Connector connector) {
        AwsRequestFailedException refused = catchThrowableOfType(() -> node.users.runAs("admin",
                () -> node.tester.test(connector.id(), null, RequestOrigin.WEB)), AwsRequestFailedException.class);
        assertThat(refused).as("the test is refused").isNotNull();
        return refused.getMessage();
    }

    @Test
    void aTokenOfAnIssuerWithNoProviderInTheAwsAccountIsExplainedNamingTheIssuerToRegister() throws IOException {
        start();
        String roleArn = roleTrustingConnectors();
        Connector connector = roleConnector(keylessAccount(Account.builder()
                .issuerUrl(URI.create("https://oidc.example.net/jira"))), roleArn);

        String message = testedByAdmin(connector);

        assertThat(message).startsWith("AWS STS refused the token Jira signed for connector 'Deploy keyless' "
                        + "(account 'Keyless') when calling AssumeRoleWithWebIdentity (InvalidIdentityToken): "
                        + "the AWS account of role " + roleArn + " has no IAM OpenID Connect identity provider for "
                        + "the issuer https://oidc.example.net/jira.")
                .contains("with the provider URL https://oidc.example.net/jira, exactly as written",
                        "and the audience sts.amazonaws.com");
    }

    @Test
    void aWrongAudienceIsExplainedNamingTheAudienceToAddToTheProvider() throws IOException {
        start();
        Connector connector = roleConnector(keylessAccount(Account.builder().audience("jira-prod")),
                roleTrustingConnectors());

        String message = testedByAdmin(connector);

        assertThat(message).contains("(InvalidIdentityToken): the token's audience jira-prod is not one of the "
                + "audiences (client IDs) of the IAM OpenID Connect identity provider for " + tokens.issuerUrl()
                + ". Add jira-prod to that provider's audiences in IAM");
    }

    @Test
    void anUntrustedSubjectIsExplainedNamingTheProviderConditionKeysAndTheSubject() throws IOException {
        start();
        IamRole otherConnectorsRole = node.awsAccount.role("other").trustWebIdentity(provider,
                stringEquals(provider.audienceKey(), AUDIENCE),
                stringLike(provider.subjectKey(), "connector:" + UUID.randomUUID() + ":*"));
        Connector connector = roleConnector(keylessAccount(Account.builder()), otherConnectorsRole.arn());

        String message = testedByAdmin(connector);

        String path = provider.hostAndPath();
        assertThat(message).contains("(AccessDenied): the trust policy of role " + otherConnectorsRole.arn()
                + " does not admit this token. It needs a statement that allows sts:AssumeRoleWithWebIdentity to "
                + "the principal Federated " + provider.arn() + ", with conditions that match " + path + ":aud = "
                + AUDIENCE + " and " + path + ":sub = connector:" + connector.id() + ":user:admin");
    }

    @Test
    void anIssuerAwsCannotFetchFromIsExplainedWithWhereAwsReadsAndHowToHostTheDocumentsElsewhere()
            throws IOException {
        start();
        Connector connector = roleConnector(keylessAccount(Account.builder()), roleTrustingConnectors());
        issuerSite.close();

        String message = testedByAdmin(connector);

        assertThat(message).contains("(InvalidIdentityToken): AWS could not get the key that signed the token from "
                        + "the issuer " + tokens.issuerUrl() + ". AWS reads " + tokens.issuerUrl()
                        + "/.well-known/openid-configuration and then the JWKS its jwks_uri names, over https from "
                        + "the internet",
                "The issuer is this Jira (" + tokens.issuerUrl() + "): if AWS cannot reach it from the internet",
                "set that URL as the account's issuer URL");
    }

    @Test
    void aJwksThatLacksTheCurrentKeyIsExplainedAsAKeyAwsCannotGet() throws IOException {
        start();
        Connector connector = roleConnector(keylessAccount(Account.builder()), roleTrustingConnectors());
        IdentityTokens anotherJira = new IdentityTokens(new HostApplicationProperties("http://127.0.0.1/other",
                otherHome, otherHome));
        jwks.set(anotherJira::jwks);

        String message = testedByAdmin(connector);

        assertThat(message).contains("AWS could not get the key that signed the token from the issuer "
                + tokens.issuerUrl(), "the JWKS must list the key Jira signs with now");
    }

    @Test
    void aHostedCopyOfTheJwksWithoutTheCurrentKeyIsExplainedAsFilesToUploadAgain() throws IOException {
        start();
        // The documents hosted elsewhere, as for a Jira AWS cannot reach, but with an old JWKS left there.
        String hosted = issuerSite.url("/hosted");
        IdentityTokens anotherJira = new IdentityTokens(new HostApplicationProperties("http://127.0.0.1/other",
                otherHome, otherHome));
        issuerSite.serve("/hosted/.well-known/openid-configuration",
                () -> "{\"issuer\":\"" + hosted + "\",\"jwks_uri\":\"" + hosted + "/keys.json\"}");
        issuerSite.serve("/hosted/keys.json", anotherJira::jwks);
        OidcProvider hostedProvider = node.awsAccount.addOpenIdConnectProvider(hosted, AUDIENCE);
        String roleArn = node.awsAccount.role("hosted").trustWebIdentity(hostedProvider,
                stringEquals(hostedProvider.audienceKey(), AUDIENCE),
                stringLike(hostedProvider.subjectKey(), "connector:*")).arn();
        Connector connector = roleConnector(keylessAccount(Account.builder().issuerUrl(URI.create(hosted))),
                roleArn);

        String message = testedByAdmin(connector);

        assertThat(message).contains("AWS could not get the key that signed the token from the issuer " + hosted,
                "The account names the issuer URL " + hosted + ", where the discovery document and JWKS are hosted, "
                        + "not served by this Jira: download both again from the keyless account's page and upload "
                        + "them there, after every signing key rotation too.");
    }

    @Test
    void anIdpCommunicationErrorIsExplainedAsAnIssuerAwsCannotReach() throws IOException {
        start();
        Connector connector = roleConnector(keylessAccount(Account.builder()), roleTrustingConnectors());
        node.aws.failNext(5, "AssumeRoleWithWebIdentity", Failure.awsError(400, "IDPCommunicationError",
                "The identity provider could not be reached"));

        String message = testedByAdmin(connector);

        assertThat(message).contains("(IDPCommunicationError): AWS could not reach the issuer " + tokens.issuerUrl()
                + " to fetch its discovery document and keys.");
    }

    @Test
    void aSignatureThatDoesNotVerifyUnderThePublishedKeyIsExplainedAsAJwksThatIsNotThisJiras() throws IOException {
        start();
        Connector connector = roleConnector(keylessAccount(Account.builder()), roleTrustingConnectors());
        IdentityTokens anotherJira = new IdentityTokens(new HostApplicationProperties("http://127.0.0.1/other",
                otherHome, otherHome));
        // The current key id, with another key's modulus: what a forger or a stale copy would publish.
        ObjectMapper json = new ObjectMapper();
        ObjectNode ours = (ObjectNode) json.readTree(tokens.jwks());
        String otherModulus = json.readTree(anotherJira.jwks()).get("keys").get(0).get("n").asText();
        ours.get("keys").forEach(key -> ((ObjectNode) key).put("n", otherModulus));
        jwks.set(ours::toString);

        String message = testedByAdmin(connector);

        assertThat(message).contains("(InvalidIdentityToken): the token's signature does not verify with the key "
                + "the issuer " + tokens.issuerUrl() + " publishes under the same key id, so the JWKS there is not "
                + "this Jira's current one.");
    }

    @Test
    void anExpiredTokenIsExplainedAsTheJiraServersClock() throws IOException {
        // AWS's clock 20 minutes ahead of Jira's: the 5-minute token is past its expiry and AWS's skew on arrival.
        start(LocalAws.builder().clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20))).start());
        Connector connector = roleConnector(keylessAccount(Account.builder()), roleTrustingConnectors());

        String message = testedByAdmin(connector);

        assertThat(message).contains("(ExpiredTokenException): AWS found the token expired, although Jira signs it "
                + "just before the call and it is valid for 5 minutes. The Jira server's clock is behind AWS's");
    }

    @Test
    void aUserWhoIsNotAnAdministratorIsToldNothingOfTheIssuerOrSubject() throws IOException {
        start();
        Connector connector = roleConnector(keylessAccount(Account.builder().audience("jira-prod")),
                roleTrustingConnectors());

        AwsRequestFailedException refused = catchThrowableOfType(() -> node.users.runAs("alice",
                () -> node.service.credentials(connector.id(), CredentialsRequest.defaults(), RequestOrigin.REST)),
                AwsRequestFailedException.class);

        assertThat(refused.getMessage()).isEqualTo("AWS did not accept the AWS account behind this connector "
                + "(InvalidIdentityToken). Ask a Jira administrator to validate the account; the details are in "
                + "the audit log.");
        assertThat(node.audited).last().satisfies(event -> assertThat(details(event))
                .contains("the token's audience jira-prod is not one of the audiences"));
    }

    @Test
    void aKeylessConnectorStoredWithAnMfaDeviceIsRefusedWithWhatToChangeAndAwsIsNotCalled()
            throws SQLException, IOException {
        start();
        Connector connector = roleConnector(keylessAccount(Account.builder()), roleTrustingConnectors());
        // As a row kept from before the account became keyless, which the validator refuses today.
        storeDirectly(connector, "MFA_SERIAL_NUMBER", "arn:aws:iam::123456789012:mfa/admin");
        node.aws.clear();

        String message = testedByAdmin(connector);

        assertThat(message).isEqualTo("Connector 'Deploy keyless' has the MFA device arn:aws:iam::123456789012:mfa/"
                + "admin, but its account 'Keyless' uses Jira as identity provider, and AssumeRoleWithWebIdentity "
                + "takes no MFA code; nothing was sent to AWS. Edit the connector and remove its MFA serial number "
                + "(it was set before the account became keyless).");
        AwsRequestFailedException refused = catchThrowableOfType(() -> node.users.runAs("alice",
                () -> node.service.credentials(connector.id(), CredentialsRequest.defaults().withMfaCode("123456"),
                        RequestOrigin.REST)), AwsRequestFailedException.class);
        assertThat(refused.getMessage()).isEqualTo("This connector's settings cannot be used. Ask a Jira "
                + "administrator to test the connector; the details are in the audit log.");
        assertThat(node.aws.requests()).isEmpty();
        assertThat(node.audited).last().satisfies(event -> assertThat(details(event))
                .contains("remove its MFA serial number"));
    }

    @Test
    void aRoleConnectorStoredWithoutARoleArnIsRefusedWithWhatToChangeAndAwsIsNotCalled()
            throws SQLException, IOException {
        start();
        Connector connector = roleConnector(keylessAccount(Account.builder()), roleTrustingConnectors());
        storeDirectly(connector, "ROLE_ARN", null);
        node.aws.clear();

        String message = testedByAdmin(connector);

        assertThat(message).isEqualTo("Connector 'Deploy keyless' is an IAM Role connector without a role ARN; "
                + "nothing was sent to AWS. Edit the connector and enter the ARN of the role it assumes.");
        assertThat(node.aws.requests()).isEmpty();
    }

    private void storeDirectly(Connector connector, String column, String value) throws SQLException {
        try (Connection connection = node.database.dataSource().getConnection()) {
            StoredRows.overwrite(connection, "CONNECTOR", connector.id(), column, value);
        }
    }

    private static String details(AuditEvent event) {
        return event.getExtraAttributes().stream()
                .filter(attribute -> attribute.getNameI18nKey().equals("awsc.audit.attribute.details"))
                .map(attribute -> attribute.getValue()).findFirst().orElse("");
    }

}
