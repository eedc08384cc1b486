package dev.awsconnectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsconnectors.rest.RestCalls.Answer;
import dev.awsconnectors.rest.RestCalls.Who;
import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.aws.IssuedSession;
import dev.awsconnectors.testhost.aws.LocalAws;
import dev.awsconnectors.testhost.demo.DemoHost;
import dev.awsconnectors.testhost.demo.DemoOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's keyless connector on both nodes of a Data Center rehearsal (one database, one shared home, the built
 * plugin in each node): both nodes name the site's base URL as issuer, so the identity provider AWS trusts for node 1
 * accepts node 2's tokens too, and a rotation of the signing key through node 2 is published by node 1 at once while
 * credentials keep working on both. (The switch to the new key after the publication lead, and the old key's
 * retirement, need a clock that moves: {@code dev.awsconnectors.oidc.SigningKeyRotationAcrossNodesTest}.)
 */
@OnBuiltJar
class KeylessAcrossNodesRestApiTest {
    private static final String KEYLESS = "Developers (keyless)";
    private static final String ISSUER_PATH = "/rest/aws-connectors/1.0/oidc";

    @TempDir
    static Path home;

    private static DemoHost node1;
    private static DemoHost node2;
    private static RestCalls rest1;
    private static RestCalls rest2;
    private static String keyless;

    @BeforeAll
    static void startBothNodes() {
        DemoOptions options = DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).build();
        node1 = DemoHost.start(options);
        node2 = DemoHost.start(options.withNode(2));
        rest1 = new RestCalls(node1);
        rest2 = new RestCalls(node2);
        for (JsonNode connector : rest1.get(Who.ALICE, "/connectors").json().get("values")) {
            if (connector.get("name").asText().equals(KEYLESS)) {
                keyless = connector.get("id").asText();
            }
        }
        assertThat(keyless).as("the demo's keyless connector").isNotNull();
    }

    @AfterAll
    static void stopBothNodes() {
        for (DemoHost node : new DemoHost[] {node2, node1}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void bothNodesNameTheSitesBaseUrlAsIssuerThoughNodeTwoListensElsewhere() {
        String issuer = node1.baseUrl() + ISSUER_PATH;

        assertThat(node2.baseUrl()).isNotEqualTo(node1.baseUrl());
        assertThat(node2.siteUrl()).isEqualTo(node1.baseUrl());
        for (RestCalls rest : List.of(rest1, rest2)) {
            JsonNode discovery = rest.get(Who.ANONYMOUS, "/oidc/.well-known/openid-configuration").json();
            assertThat(discovery.get("issuer").asText()).isEqualTo(issuer);
            assertThat(discovery.get("jwks_uri").asText()).isEqualTo(issuer + "/jwks");
        }
    }

    @Test
    void aliceGetsKeylessCredentialsOnNodeTwoThatAwsIssuedForHerUnderTheConnectorsSubject() {
        Answer answer = rest2.get(Who.ALICE, "/connectors/" + keyless + "/credentials?durationSeconds=900");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        IssuedSession session = verifiedByAws(answer);
        assertThat(session.sourceIdentity()).isEqualTo("alice");
        assertThat(session.tags()).containsEntry("jira-user", "alice");
        Answer console = rest2.get(Who.ALICE, "/connectors/" + keyless + "/console");
        assertThat(console.status()).as(console.body()).isEqualTo(200);
        assertThat(console.json().get("url").asText()).startsWith(node1.localAwsEndpoint().orElseThrow().toString());
    }

    @Test
    void aRotationThroughNodeTwoIsPublishedByNodeOneAtOnceAndBothNodesStillGetCredentials() {
        List<String> before = kids(rest1);

        Answer rotation = rest2.post(Who.ADMIN, "/admin/oidc/rotation", "{}");

        assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);
        String next = rotation.json().get("nextKeyId").asText();
        assertThat(before).doesNotContain(next);
        assertThat(kids(rest1)).as("node 1 re-reads the shared key file").contains(next).containsAll(before);
        assertThat(kids(rest2)).containsExactlyInAnyOrderElementsOf(kids(rest1));
        // A duration not asked for before is a credentials cache entry of its own, so each is a new token.
        for (RestCalls rest : List.of(rest1, rest2)) {
            Answer answer = rest.get(Who.ALICE, "/connectors/" + keyless + "/credentials?durationSeconds="
                    + (rest == rest1 ? 1000 : 1100));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            verifiedByAws(answer);
        }
    }

    @Test
    void aPageOfNodeTwoCallsNodeTwosRestApiFromItsOwnOriginThoughTheSitesBaseUrlIsNodeOnes() throws Exception {
        String origin = node2.baseUrl().resolve("/").toString().replaceAll("/$", "");
        HttpRequest request = RestCalls.request("POST", node2.baseUrl() + "/rest/aws-connectors/1.0/admin/accounts",
                        "{}", "application/json")
                .header("Origin", origin)
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/126.0 Safari/537.36")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:admin".getBytes(StandardCharsets.UTF_8)))
                .build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as("past the origin check, to the body's validation: " + answer.body())
                .isEqualTo(400);
    }

    /** The session the double recorded for these credentials: a web-identity session for alice on the connector. */
    private static IssuedSession verifiedByAws(Answer credentials) {
        LocalAws aws = node1.localAws().orElseThrow();
        IssuedSession session = aws.session(credentials.json().get("accessKeyId").asText()).orElseThrow();
        assertThat(session.subject()).isEqualTo("connector:" + keyless + ":user:alice");
        assertThat(session.audience()).isEqualTo("sts.amazonaws.com");
        return session;
    }

    private static List<String> kids(RestCalls rest) {
        List<String> kids = new ArrayList<>();
        rest.get(Who.ANONYMOUS, "/oidc/jwks").json().get("keys").forEach(key -> kids.add(key.get("kid").asText()));
        return kids;
    }
}
