package dev.awsconnectors.oidc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsconnectors.testhost.aws.JsonSite;
import dev.awsconnectors.testhost.aws.AwsAccount;
import dev.awsconnectors.testhost.aws.LocalAws;
import dev.awsconnectors.testhost.aws.OidcProvider;
import dev.awsconnectors.testhost.sal.HostApplicationProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static dev.awsconnectors.testhost.aws.WebIdentityCondition.stringEquals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotating the signing key on a Data Center site of two nodes that share one home: the key one node adds is published
 * by the other at once, both switch to it once it has been published for the lead, and both drop the previous key
 * once every token it signed has expired; AWS (the local double, fetching the JWKS over HTTP on every call as the
 * site's load balancer serves it from node 1) accepts the tokens of both nodes throughout.
 *
 * <p>In process rather than on the built jar: the nodes' time must move by hours, and the plugin in the demo host
 * reads the system clock.
 */
class SigningKeyRotationAcrossNodesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDIENCE = "sts.amazonaws.com";

    @TempDir
    Path sharedHome;

    private final ManualClock clock = new ManualClock(Instant.now());
    private JsonSite site;
    private IdentityTokens node1;
    private IdentityTokens node2;
    private LocalAws aws;
    private StsClient sts;
    private String roleArn;

    @BeforeEach
    void start() {
        site = JsonSite.start();
        String siteUrl = site.url("/jira");
        node1 = new IdentityTokens(new HostApplicationProperties(siteUrl, siteUrl, sharedHome.resolve("node1"),
                sharedHome), clock);
        node2 = new IdentityTokens(new HostApplicationProperties(siteUrl, "http://127.0.0.1:2991/jira",
                sharedHome.resolve("node2"), sharedHome), clock);
        site.serveIssuer("/jira" + IdentityTokens.ISSUER_PATH, node1::discoveryDocument, node1::jwks);

        aws = LocalAws.builder().clock(clock).start();
        AwsAccount account = aws.account("123456789012");
        OidcProvider provider = account.addOpenIdConnectProvider(node1.issuerUrl(), AUDIENCE);
        roleArn = account.role("deploy").trustWebIdentity(provider, stringEquals(provider.audienceKey(), AUDIENCE))
                .arn();
        sts = StsClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(aws.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create()).build();
    }

    @AfterEach
    void stop() {
        sts.close();
        aws.close();
        site.close();
    }

    @Test
    void bothNodesNameOneIssuerAndSignWithTheOneKeyOfTheSharedHome() {
        assertThat(node2.issuerUrl()).isEqualTo(node1.issuerUrl());
        assertThat(node2.discoveryDocument()).isEqualTo(node1.discoveryDocument());

        assertThat(kidOf(acceptedByAws(node2))).isEqualTo(kidOf(acceptedByAws(node1)));
    }

    @Test
    void aKeyRotatedOnNodeTwoSignsOnBothNodesAfterTheLeadAndThePreviousKeyLeavesBothJwksOnceItsTokensExpired() {
        String first = kidOf(acceptedByAws(node1));

        String next = node2.rotate();

        assertThat(node1.publishedKeyIds()).as("node 1 publishes node 2's new key at once")
                .containsExactlyInAnyOrder(first, next);
        clock.advance(SigningKeys.PUBLICATION_LEAD.minusSeconds(1));
        for (IdentityTokens node : List.of(node1, node2)) {
            assertThat(kidOf(acceptedByAws(node))).as("still signing with the published key during the lead")
                    .isEqualTo(first);
        }

        clock.advance(Duration.ofSeconds(1));
        for (IdentityTokens node : List.of(node1, node2)) {
            assertThat(kidOf(acceptedByAws(node))).as("the new key signs once published for the lead")
                    .isEqualTo(next);
            assertThat(node.publishedKeyIds()).as("the previous key stays published for the tokens it signed")
                    .containsExactlyInAnyOrder(first, next);
        }

        clock.advance(SigningKeys.MAX_TOKEN_LIFETIME.plus(SigningKeys.CLOCK_SKEW).minusSeconds(1));
        assertThat(node2.publishedKeyIds()).contains(first);
        clock.advance(Duration.ofSeconds(1));
        assertThat(node1.publishedKeyIds()).as("node 1").containsExactly(next);
        assertThat(node2.publishedKeyIds()).as("node 2").containsExactly(next);
        assertThat(kidOf(acceptedByAws(node2))).isEqualTo(next);
    }

    /** A token the node mints now, after the double accepted it (the double records a session for it). */
    private String acceptedByAws(IdentityTokens node) {
        String token = mint(node);
        String accessKeyId = assume(token);
        assertThat(aws.session(accessKeyId)).hasValueSatisfying(session ->
                assertThat(session.subject()).isEqualTo("connector:deploy:system"));
        return token;
    }

    private static String mint(IdentityTokens node) {
        return node.mint(TokenClaims.of("connector:deploy:system", AUDIENCE, Duration.ofMinutes(5)));
    }

    private String assume(String token) {
        return sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName("rotation")
                .webIdentityToken(token)).credentials().accessKeyId();
    }

    private static String kidOf(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0])).get("kid").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

}
