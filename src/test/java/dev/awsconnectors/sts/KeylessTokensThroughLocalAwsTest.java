package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountSecrets;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.connectors.BoundConnector;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.oidc.IdentityTokens;
import dev.awsconnectors.oidc.TokenClaims;
import dev.awsconnectors.testhost.aws.JsonSite;
import dev.awsconnectors.testhost.aws.AwsAccount;
import dev.awsconnectors.testhost.aws.IamRole;
import dev.awsconnectors.testhost.aws.IssuedSession;
import dev.awsconnectors.testhost.aws.LocalAws;
import dev.awsconnectors.testhost.aws.OidcProvider;
import dev.awsconnectors.testhost.sal.HostApplicationProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import static dev.awsconnectors.testhost.aws.WebIdentityCondition.stringEquals;
import static dev.awsconnectors.testhost.aws.WebIdentityCondition.stringLike;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The app's own issuer against the local AWS double, through the real SDK: the double fetches the app's discovery
 * document and JWKS over HTTP (served here from {@link IdentityTokens} under the demo's paths), verifies the tokens
 * the app mints, and trusts them under the role trust the admin page offers ({@link WebIdentityTrust}).
 */
class KeylessTokensThroughLocalAwsTest {
    private static final String AUDIENCE = "sts.amazonaws.com";
    private static final UUID CONNECTOR = UUID.fromString("0d9f5c1e-7a3b-4c2d-8e6f-1a2b3c4d5e6f");
    private static final UUID OTHER_CONNECTOR = UUID.fromString("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b");

    @TempDir
    Path home;

    private JsonSite site;
    private IdentityTokens tokens;
    private LocalAws aws;
    private StsClient sts;
    private String roleArn;

    @BeforeEach
    void start() {
        site = JsonSite.start();
        tokens = new IdentityTokens(new HostApplicationProperties(site.url("/jira"), home, home));
        site.serveIssuer("/jira" + IdentityTokens.ISSUER_PATH, tokens::discoveryDocument, tokens::jwks);

        aws = LocalAws.start();
        AwsAccount account = aws.account("123456789012");
        OidcProvider provider = account.addOpenIdConnectProvider(tokens.issuerUrl(), AUDIENCE);
        IamRole role = account.role("deploy").trustWebIdentity(provider,
                stringEquals(provider.audienceKey(), AUDIENCE),
                stringLike(provider.subjectKey(), WebIdentityTrust.connectorSubjects(CONNECTOR)));
        roleArn = role.arn();
        sts = StsClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(aws.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)).build();
    }

    @AfterEach
    void stop() {
        sts.close();
        aws.close();
        site.close();
    }

    @Test
    void awsAcceptsTheAppsTokenForTheConnectorWithTheUserAsSourceIdentityAndTag() {
        String subject = WebIdentityTrust.subject(CONNECTOR, SessionOwner.jiraUser("alice"));
        String token = tokens.mint(new TokenClaims(subject, AUDIENCE, Duration.ofMinutes(5), Optional.of("alice"),
                Map.of("jira-user", "alice"), List.of("jira-user")));

        AssumeRoleWithWebIdentityResponse response = assume(token);

        assertThat(response.subjectFromWebIdentityToken()).isEqualTo("connector:" + CONNECTOR + ":user:alice");
        assertThat(response.audience()).isEqualTo(AUDIENCE);
        assertThat(response.sourceIdentity()).isEqualTo("alice");
        assertThat(aws.session(response.credentials().accessKeyId()).orElseThrow().tags())
                .containsEntry("jira-user", "alice");
    }

    @Test
    void awsRefusesAnotherConnectorsTokenUnderThisConnectorsTrust() {
        String token = tokens.mint(TokenClaims.of(WebIdentityTrust.subject(OTHER_CONNECTOR,
                SessionOwner.jiraUser("alice")), AUDIENCE, Duration.ofMinutes(5)));

        assertThatThrownBy(() -> assume(token)).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.statusCode()).isEqualTo(403);
        });
    }

    @Test
    void awsStillAcceptsTokensAfterARotationPublishesTheNextKey() {
        tokens.rotate();
        String token = tokens.mint(TokenClaims.of(WebIdentityTrust.subject(CONNECTOR, SessionOwner.system()),
                AUDIENCE, Duration.ofMinutes(5)));

        assertThat(assume(token).subjectFromWebIdentityToken()).isEqualTo("connector:" + CONNECTOR + ":system");
        assertThat(tokens.publishedKeyIds()).hasSize(2);
    }

    @Test
    void aKeylessAccountsRoleConnectorGetsCredentialsThroughTheIssuerWithTheUserAsSourceIdentityAndTag() {
        Account account = Account.builder().name("Keyless").type(AccountType.WEB_IDENTITY).partition(Partition.AWS)
                .region("us-east-1").endpointOverride(aws.endpoint()).build();
        Connector connector = Connector.builder().id(CONNECTOR).name("Deploy").accountId(account.id())
                .principalType(PrincipalType.IAM_ROLE).roleArn(roleArn).sourceIdentityAndTags(true).build();
        AwsClients clients = new AwsClients(secretsNeverAsked());
        try {
            CredentialsIssuer issuer = new CredentialsIssuer(clients, new OidcWebIdentityTokens(tokens));

            TemporaryCredentials credentials = issuer.issue(new CredentialsCall(new BoundConnector(connector,
                    account), SessionOwner.jiraUser("alice"), OptionalInt.of(3600), Optional.empty()));

            assertThat(credentials.getPrincipalArn()).isEqualTo(
                    "arn:aws:sts::123456789012:assumed-role/deploy/alice");
            IssuedSession session = aws.session(credentials.getAccessKeyId()).orElseThrow();
            assertThat(session.subject()).isEqualTo("connector:" + CONNECTOR + ":user:alice");
            assertThat(session.sourceIdentity()).isEqualTo("alice");
            assertThat(session.tags()).containsEntry("jira-user", "alice");
        } finally {
            clients.close();
        }
    }

    /** A keyless account has no secret: asking for one fails the test. */
    private static AccountSecrets secretsNeverAsked() {
        return account -> {
            throw new AssertionError("The secret of keyless account " + account.name() + " was asked for");
        };
    }

    private AssumeRoleWithWebIdentityResponse assume(String token) {
        return sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName("alice")
                .webIdentityToken(token));
    }

}
