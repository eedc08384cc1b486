package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.testhost.aws.LocalAws;
import dev.awsconnectors.testhost.aws.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An IAM Role connector on a keyless account, through the real AWS SDK over HTTP to the local AWS double: what
 * reaches AWS is AssumeRoleWithWebIdentity, unsigned, with the minted token and the connector's parameters and
 * nothing that belongs to AssumeRole. Whether the double then accepts the token is the double's own tests' concern;
 * this test asserts the request it recorded.
 */
class WebIdentityCallThroughLocalAwsTest {
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    private LocalAws aws;
    private StsFixtures.RecordingSecrets secrets;
    private AwsClients clients;
    private FixedWebIdentityTokens tokens;
    private CredentialsIssuer issuer;
    private Account account;

    @BeforeEach
    void startLocalAws() {
        aws = LocalAws.start();
        secrets = new StsFixtures.RecordingSecrets();
        clients = new AwsClients(secrets);
        tokens = new FixedWebIdentityTokens(TOKEN);
        issuer = new CredentialsIssuer(clients, tokens);
        account = Account.builder().name("Keyless").type(AccountType.WEB_IDENTITY).partition(Partition.AWS)
                .region("eu-west-1").endpointOverride(aws.endpoint())
                .issuerUrl(URI.create("https://oidc.example.com/jira")).build();
    }

    @AfterEach
    void stopLocalAws() {
        clients.close();
        aws.close();
    }

    @Test
    void sendsAssumeRoleWithWebIdentityUnsignedWithTheMintedTokenAndTheConnectorsParameters() {
        Connector connector = StsFixtures.connector(account, PrincipalType.IAM_ROLE)
                .policy(StsFixtures.POLICY).policyArns(List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"))
                .externalId("ext-1234").sourceIdentityAndTags(true).build();

        catchThrowable(() -> issuer.issue(StsFixtures.call(account, connector, SessionOwner.jiraUser("alice"),
                7200, null)));

        RecordedRequest request = onlyStsRequest();
        assertThat(request.action()).isEqualTo("AssumeRoleWithWebIdentity");
        assertThat(request.accessKeyId()).as("unsigned: no key signed it").isNull();
        assertThat(request.parameter("RoleArn")).isEqualTo(StsFixtures.ROLE_ARN);
        assertThat(request.parameter("RoleSessionName")).isEqualTo("alice");
        assertThat(request.parameter("WebIdentityToken")).isEqualTo(TOKEN);
        assertThat(request.parameter("DurationSeconds")).isEqualTo("7200");
        assertThat(request.parameter("Policy")).isEqualTo(StsFixtures.POLICY);
        assertThat(request.parameter("PolicyArns.member.1.arn")).isEqualTo("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(request.parameters()).doesNotContainKeys("ExternalId", "ProviderId", "SourceIdentity",
                "Tags.member.1.Key", "SerialNumber", "TokenCode");
        assertThat(secrets.asked).as("a keyless account's secret is never read").isEmpty();
        assertThat(tokens.minted()).containsExactly(
                new FixedWebIdentityTokens.Minted(account, connector, SessionOwner.jiraUser("alice")));
    }

    @Test
    void mintsTheTokenOfASystemScopeRequestForTheSystemAndNamesTheSessionAfterIt() {
        Connector connector = StsFixtures.connector(account, PrincipalType.IAM_ROLE).systemScope(true).build();

        catchThrowable(() -> issuer.issue(StsFixtures.call(account, connector, SessionOwner.system(), null, null)));

        RecordedRequest request = onlyStsRequest();
        assertThat(request.parameter("RoleSessionName")).isEqualTo(SessionOwner.system().roleSessionName());
        assertThat(request.parameters()).doesNotContainKey("DurationSeconds");
        assertThat(tokens.minted()).extracting(FixedWebIdentityTokens.Minted::owner)
                .containsExactly(SessionOwner.system());
    }

    private RecordedRequest onlyStsRequest() {
        List<RecordedRequest> requests = aws.requests().stream().filter(r -> r.service().equals("sts")).toList();
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
