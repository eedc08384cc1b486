package dev.awsconnectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.rest.RestCalls.Answer;
import dev.awsconnectors.rest.RestCalls.Who;
import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.demo.DemoHost;
import dev.awsconnectors.testhost.demo.DemoOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static dev.awsconnectors.rest.RestCalls.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's OpenID Connect issuer documents over real HTTP to the demo host with the built plugin: what AWS fetches,
 * without any login, the administrators' rotation of the signing key, and the documents as files for an admin to
 * host where AWS can reach them.
 */
@OnBuiltJar
class OidcRestApiTest {
    @TempDir
    static Path home;

    private static DemoHost jira;
    private static RestCalls rest;
    private static String issuer;
    private static final String HOSTED_ISSUER = "https://oidc.example.com/jira";

    @BeforeAll
    static void startTheDemoHost() {
        jira = DemoHost.start(DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).build());
        rest = new RestCalls(jira);
        issuer = jira.baseUrl() + "/rest/aws-connectors/1.0/oidc";
    }

    @AfterAll
    static void stopTheDemoHost() {
        if (jira != null) {
            jira.close();
        }
    }

    @Test
    void anyoneReadsTheDiscoveryDocumentThatNamesTheIssuerAndTheJwksUri() {
        Answer answer = rest.get(Who.ANONYMOUS, "/oidc/.well-known/openid-configuration");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.raw().headers().firstValue("Cache-Control")).hasValueSatisfying(cache ->
                assertThat(cache).contains("public").contains("max-age=300").doesNotContain("no-store"));
        JsonNode document = answer.json();
        assertThat(document.get("issuer").asText()).isEqualTo(issuer);
        assertThat(document.get("jwks_uri").asText()).isEqualTo(issuer + "/jwks");
        assertThat(document.get("id_token_signing_alg_values_supported").get(0).asText()).isEqualTo("RS256");
    }

    @Test
    void anyoneReadsTheJwksAtTheUriTheDiscoveryDocumentNamesAndItHoldsAnRsaSigningKey() throws Exception {
        String jwksUri = rest.get(Who.ANONYMOUS, "/oidc/.well-known/openid-configuration").json().get("jwks_uri")
                .asText();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(jwksUri))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        JsonNode keys = RestCalls.JSON.readTree(answer.body()).get("keys");
        assertThat(keys).isNotEmpty();
        assertThat(keys.get(0).get("kty").asText()).isEqualTo("RSA");
        assertThat(keys.get(0).get("use").asText()).isEqualTo("sig");
        assertThat(keys.get(0).get("kid").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
        Path file = home.resolve("aws-connectors").resolve("oidc-signing-keys");
        assertThat(file).as("kept in the shared home").exists();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void onlyAdministratorsRotateAndTheNextKeyIsPublishedAtOnce() {
        for (Who who : List.of(Who.ANONYMOUS, Who.BOB, Who.ALICE)) {
            assertThat(rest.post(who, "/admin/oidc/rotation", "{}").status()).as(who.name())
                    .isEqualTo(who == Who.ANONYMOUS ? 401 : 403);
        }
        List<String> before = kids();
        int eventsBefore = jira.auditLog().events().size();

        Answer answer = rest.post(Who.ADMIN, "/admin/oidc/rotation", "{}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String next = answer.json().get("nextKeyId").asText();
        assertThat(before).doesNotContain(next);
        List<String> keyIds = new ArrayList<>();
        answer.json().get("keyIds").forEach(id -> keyIds.add(id.asText()));
        assertThat(keyIds).contains(next).containsAll(before);
        assertThat(kids()).as("the JWKS AWS reads").containsExactlyInAnyOrderElementsOf(keyIds);
        assertThat(jira.auditLog().events()).hasSize(eventsBefore + 1).last().satisfies(event -> {
            assertThat(event.getActionI18nKey()).isEqualTo("awsc.audit.oidc.signingKeyRotated");
            assertThat(event.getAffectedObjects().get(0).getName()).isEqualTo(issuer);
            assertThat(event.getChangedValues()).anySatisfy(change -> assertThat(change.getTo()).isEqualTo(next));
        });
    }

    @Test
    void aRotationBodyWithAFieldIsA400NamingItAndPublishesNothing() {
        List<String> before = kids();
        int eventsBefore = jira.auditLog().events().size();

        assertError(rest.post(Who.ADMIN, "/admin/oidc/rotation", "{\"now\": true}"), 400, "now");

        assertThat(kids()).isEqualTo(before);
        assertThat(jira.auditLog().events()).hasSize(eventsBefore);
    }

    @Test
    void onlyAdministratorsDownloadTheIssuerDocumentsToHost() {
        String discovery = "/admin/oidc/accounts/" + keylessAccount("Downloads guarded", HOSTED_ISSUER)
                + "/openid-configuration";
        for (Who who : List.of(Who.ANONYMOUS, Who.BOB, Who.ALICE)) {
            for (String path : List.of(discovery, "/admin/oidc/jwks")) {
                Answer answer = rest.get(who, path);
                assertThat(answer.status()).as(who + " " + path).isEqualTo(who == Who.ANONYMOUS ? 401 : 403);
                assertThat(answer.raw().headers().firstValue("Content-Disposition")).isEmpty();
                assertThat(answer.body()).doesNotContain("jwks_uri", "\"keys\"");
            }
        }
    }

    @Test
    void theDownloadedDiscoveryDocumentNamesTheAccountsHostedIssuerAndTheJwksBesideIt() {
        String account = keylessAccount("Hosted downloads", HOSTED_ISSUER);

        Answer answer = rest.get(Who.ADMIN, "/admin/oidc/accounts/" + account + "/openid-configuration");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.raw().headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"openid-configuration\"");
        JsonNode downloaded = answer.json();
        assertThat(downloaded.get("issuer").asText()).isEqualTo(HOSTED_ISSUER);
        assertThat(downloaded.get("jwks_uri").asText()).isEqualTo(HOSTED_ISSUER + "/jwks");
        assertThat(answer.body()).doesNotContain(jira.baseUrl().toString());
        ObjectNode others = ((ObjectNode) downloaded).deepCopy();
        ObjectNode served = (ObjectNode) rest.get(Who.ANONYMOUS, "/oidc/.well-known/openid-configuration").json();
        others.remove(List.of("issuer", "jwks_uri"));
        served.remove(List.of("issuer", "jwks_uri"));
        assertThat(others).as("every other field as Jira serves it").isEqualTo(served);
    }

    @Test
    void anAccountOnJirasOwnIssuerDownloadsTheDiscoveryDocumentJiraServes() {
        String account = keylessAccount("Own issuer downloads", null);

        Answer answer = rest.get(Who.ADMIN, "/admin/oidc/accounts/" + account + "/openid-configuration");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(rest.get(Who.ANONYMOUS, "/oidc/.well-known/openid-configuration").json());
    }

    @Test
    void theDownloadedJwksIsTheOneJiraServes() {
        Answer answer = rest.get(Who.ADMIN, "/admin/oidc/jwks");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.raw().headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"jwks\"");
        assertThat(answer.json()).isEqualTo(rest.get(Who.ANONYMOUS, "/oidc/jwks").json());
        assertThat(answer.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
    }

    @Test
    void anAccountThatIsNotKeylessOrDoesNotExistHasNoDiscoveryDocumentToDownload() {
        Answer created = rest.post(Who.ADMIN, "/admin/accounts", "{\"name\": \"Host role downloads\", "
                + "\"type\": \"HOST_ROLE\", \"partition\": \"aws\", \"region\": \"us-east-1\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Answer hostRole = rest.get(Who.ADMIN, "/admin/oidc/accounts/" + created.json().get("id").asText()
                + "/openid-configuration");
        Answer unknown = rest.get(Who.ADMIN, "/admin/oidc/accounts/" + java.util.UUID.randomUUID()
                + "/openid-configuration");

        assertThat(hostRole.status()).as(hostRole.body()).isEqualTo(404);
        assertThat(hostRole.json().get("message").asText()).contains("Host role downloads",
                "does not use Jira as identity provider");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).contains("There is no AWS account");
    }

    /** A keyless account stored through the REST API, its issuer {@code issuerUrl} (Jira's own when null). */
    private static String keylessAccount(String name, String issuerUrl) {
        Answer created = rest.post(Who.ADMIN, "/admin/accounts", "{\"name\": \"" + name + "\", "
                + "\"type\": \"WEB_IDENTITY\", \"partition\": \"aws\", \"region\": \"us-east-1\""
                + (issuerUrl == null ? "" : ", \"issuerUrl\": \"" + issuerUrl + "\"") + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static List<String> kids() {
        List<String> kids = new ArrayList<>();
        rest.get(Who.ANONYMOUS, "/oidc/jwks").json().get("keys").forEach(key -> kids.add(key.get("kid").asText()));
        return kids;
    }
}
