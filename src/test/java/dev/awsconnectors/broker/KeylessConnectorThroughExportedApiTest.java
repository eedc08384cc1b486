package dev.awsconnectors.broker;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.admintasks.IamFixture;
import dev.awsconnectors.api.AwsConnectorService;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.oidc.IdentityTokens;
import dev.awsconnectors.sts.OidcWebIdentityTokens;
import dev.awsconnectors.testhost.aws.IssuedSession;
import dev.awsconnectors.testhost.aws.JsonSite;
import dev.awsconnectors.testhost.aws.LocalAws;
import dev.awsconnectors.testhost.aws.OidcProvider;
import dev.awsconnectors.testhost.aws.RecordedRequest;
import dev.awsconnectors.testhost.sal.HostApplicationProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static dev.awsconnectors.testhost.aws.WebIdentityCondition.stringEquals;
import static dev.awsconnectors.testhost.aws.WebIdentityCondition.stringLike;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An IAM Role connector of a keyless account as other apps use it, through the exported {@link AwsConnectorService}:
 * real repositories, the app's own issuer served over HTTP, the real SDK, and the local AWS double fetching the
 * issuer's documents and checking every token. It answers as for the IAM Role connectors of an access-key account:
 * from the cache, with one AWS call for concurrent requests, for durations up to the role's maximum, and for code
 * with no Jira user.
 */
class KeylessConnectorThroughExportedApiTest {
    private static final String AUDIENCE = "sts.amazonaws.com";
    private static final String CALL = "AssumeRoleWithWebIdentity";

    @TempDir
    Path home;

    private JsonSite issuerSite;
    private IamFixture node;
    private OidcProvider provider;
    private Account keyless;
    private AwsConnectorService service;

    @BeforeEach
    void startTheIssuerAndAws() {
        issuerSite = JsonSite.start();
        IdentityTokens tokens = new IdentityTokens(new HostApplicationProperties(issuerSite.url("/jira"), home, home));
        issuerSite.serveIssuer("/jira" + IdentityTokens.ISSUER_PATH, tokens::discoveryDocument, tokens::jwks);
        node = new IamFixture(home, LocalAws.start(), new OidcWebIdentityTokens(tokens));
        provider = node.awsAccount.addOpenIdConnectProvider(tokens.issuerUrl(), AUDIENCE);
        keyless = node.accounts.create(Account.builder().name("Keyless").type(AccountType.WEB_IDENTITY)
                .partition(Partition.AWS).region("us-east-1").endpointOverride(node.aws.endpoint())
                .signinEndpointOverride(node.aws.endpoint()).build(), Optional.empty());
        service = new ExportedConnectorService(node.service);
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

    /** A role trusting every connector's tokens of the issuer, as the demo's does, allowing sessions this long. */
    private String role(String name, int maxSessionSeconds) {
        return node.awsAccount.role(name).maxSessionDuration(maxSessionSeconds).trustWebIdentity(provider,
                stringEquals(provider.audienceKey(), AUDIENCE), stringLike(provider.subjectKey(), "connector:*"))
                .arn();
    }

    private Connector connector(String roleArn, Consumer<Connector.Builder> settings) {
        Connector.Builder builder = Connector.builder().name("Deploy keyless").accountId(keyless.id())
                .principalType(PrincipalType.IAM_ROLE).roleArn(roleArn).sourceIdentityAndTags(true)
                .groups(List.of("aws-developers"));
        settings.accept(builder);
        Connector created = node.connectors.create(builder.build());
        node.aws.clear();
        return created;
    }

    private <T> T asAlice(Supplier<T> work) {
        return node.users.runAs("alice", work);
    }

    private List<RecordedRequest> webIdentityCalls() {
        return node.aws.requests().stream().filter(r -> CALL.equals(r.action())).toList();
    }

    private IssuedSession sessionOf(TemporaryCredentials credentials) {
        return node.aws.session(credentials.getAccessKeyId()).orElseThrow();
    }

    @Test
    void offersTheKeylessConnectorToAMemberAsAnyRoleConnectorWithItsMaximumAndConsoleSignIn() {
        connector(role("deploy", 43200), c -> c.maxDurationSeconds(43200)
                .consoleDestination(URI.create("https://console.aws.amazon.com/s3/home")));

        List<ConnectorSummary> usable = asAlice(service::getUsableConnectors);

        assertThat(usable).singleElement().satisfies(summary -> {
            assertThat(summary.getName()).isEqualTo("Deploy keyless");
            assertThat(summary.getPrincipalType()).isEqualTo(PrincipalType.IAM_ROLE);
            assertThat(summary.getMaxDuration()).contains(Duration.ofHours(12));
            assertThat(summary.isConsoleSignInAvailable()).isTrue();
            assertThat(summary.isMfaRequired()).isFalse();
        });
    }

    @Test
    void givesAMemberCredentialsOfASessionWhoseSubjectAndSourceIdentityNameTheConnectorAndHer() {
        Connector connector = connector(role("deploy", 3600), c -> { });

        TemporaryCredentials credentials = asAlice(() -> service.getCredentials(connector.id(),
                CredentialsRequest.defaults()));

        assertThat(credentials.getPrincipalArn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/deploy/alice");
        IssuedSession session = sessionOf(credentials);
        assertThat(session.subject()).isEqualTo("connector:" + connector.id() + ":user:alice");
        assertThat(session.sourceIdentity()).isEqualTo("alice");
        assertThat(session.tags()).containsEntry("jira-user", "alice");
        assertThat(webIdentityCalls()).singleElement().satisfies(call -> {
            assertThat(call.parameter("RoleSessionName")).isEqualTo("alice");
            assertThat(call.accessKeyId()).as("unsigned: the token is the only credential").isNull();
        });
    }

    @Test
    void answersARepeatedRequestFromTheCacheWithoutASecondAssumeRoleWithWebIdentity() {
        Connector connector = connector(role("deploy", 3600), c -> { });
        TemporaryCredentials first = asAlice(() -> service.getCredentials(connector.id(),
                CredentialsRequest.defaults()));

        TemporaryCredentials second = asAlice(() -> service.getCredentials(connector.id(),
                CredentialsRequest.defaults()));

        assertThat(second).isEqualTo(first);
        assertThat(webIdentityCalls()).hasSize(1);
        assertThat(node.aws.requests()).as("no other call to AWS either").hasSize(1);
    }

    @Test
    void makesOneAssumeRoleWithWebIdentityForFiftyConcurrentRequestsOfOneUser() throws Exception {
        Connector connector = connector(role("deploy", 3600), c -> { });
        List<TemporaryCredentials> answers = AtOnce.answers(50,
                () -> asAlice(() -> service.getCredentials(connector.id(), CredentialsRequest.defaults())));

        assertThat(answers).extracting(TemporaryCredentials::getAccessKeyId).containsOnly(
                answers.get(0).getAccessKeyId());
        assertThat(webIdentityCalls()).hasSize(1);
    }

    @Test
    void givesTwelveHourSessionsWhenTheRoleAllowsThemSinceAWebIdentityIsNoRoleChaining() {
        Connector connector = connector(role("deploy", 43200), c -> c.maxDurationSeconds(43200));
        Instant before = Instant.now();

        TemporaryCredentials credentials = asAlice(() -> service.getCredentials(connector.id(),
                CredentialsRequest.defaults().withDuration(Duration.ofHours(12))));

        assertThat(webIdentityCalls()).singleElement()
                .satisfies(call -> assertThat(call.parameter("DurationSeconds")).isEqualTo("43200"));
        assertThat(credentials.getExpiration()).as("longer than the hour of role chaining")
                .isAfter(before.plus(Duration.ofHours(11)));
    }

    @Test
    void usesTheConnectorsMaximumWhenTheCallerAsksForNoDuration() {
        Connector connector = connector(role("deploy", 43200), c -> c.maxDurationSeconds(7200));

        asAlice(() -> service.getCredentials(connector.id(), CredentialsRequest.defaults()));

        assertThat(webIdentityCalls()).singleElement()
                .satisfies(call -> assertThat(call.parameter("DurationSeconds")).isEqualTo("7200"));
    }

    @Test
    void passesOnAwssRefusalOfADurationAboveTheRolesMaximumWithTheReasonInTheAudit() {
        Connector connector = connector(role("deploy", 3600), c -> c.maxDurationSeconds(7200));

        assertThatThrownBy(() -> asAlice(() -> service.getCredentials(connector.id(),
                CredentialsRequest.defaults().withDuration(Duration.ofHours(2)))))
                .isInstanceOf(AwsRequestFailedException.class)
                .hasMessage("AWS refused to issue credentials for this connector (ValidationError). Ask a Jira "
                        + "administrator to test the connector; the details are in the audit log.");

        assertThat(webIdentityCalls()).singleElement().satisfies(call -> {
            assertThat(call.parameter("DurationSeconds")).isEqualTo("7200");
            assertThat(call.errorCode()).isEqualTo("ValidationError");
        });
        assertThat(node.audited).last().satisfies(event -> assertThat(event.getExtraAttributes())
                .anySatisfy(attribute -> assertThat(attribute.getValue())
                        .contains("The requested DurationSeconds exceeds the MaxSessionDuration set for this role")));
    }

    @Test
    void refusesADurationAboveTheConnectorsMaximumWithoutCallingAws() {
        Connector connector = connector(role("deploy", 43200), c -> c.maxDurationSeconds(3600));

        assertThatThrownBy(() -> asAlice(() -> service.getCredentials(connector.id(),
                CredentialsRequest.defaults().withDuration(Duration.ofSeconds(3601)))))
                .isInstanceOf(InvalidCredentialsRequestException.class)
                .hasMessageContaining("at most 3,600 seconds");
        assertThat(node.aws.requests()).isEmpty();
    }

    @Test
    void refusesAnMfaCodeWithoutCallingAwsSinceAWebIdentityTakesNone() {
        Connector connector = connector(role("deploy", 3600), c -> { });

        assertThatThrownBy(() -> asAlice(() -> service.getCredentials(connector.id(),
                CredentialsRequest.defaults().withMfaCode("123456"))))
                .isInstanceOf(InvalidCredentialsRequestException.class)
                .hasMessage("This connector does not use MFA; send the request without an MFA code.");
        assertThat(node.aws.requests()).isEmpty();
    }

    @Test
    void givesCodeWithNoUserASystemSessionWhoseSubjectNamesTheConnectorsSystemScope() {
        Connector connector = connector(role("deploy", 3600), c -> c.systemScope(true));

        TemporaryCredentials credentials = service.getSystemCredentials(connector.id(),
                CredentialsRequest.defaults());

        assertThat(credentials.getPrincipalArn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/deploy/"
                + AwsConnectorService.SYSTEM_SESSION_NAME);
        IssuedSession session = sessionOf(credentials);
        assertThat(session.subject()).isEqualTo("connector:" + connector.id() + ":system");
        assertThat(session.sourceIdentity()).isEqualTo("jira-system");
        assertThat(session.tags()).doesNotContainKey("jira-user");
        assertThat(webIdentityCalls()).singleElement()
                .satisfies(call -> assertThat(call.parameter("RoleSessionName")).isEqualTo("jira-system"));
    }
}
