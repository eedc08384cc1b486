package dev.awsconnectors.web.admin;

import com.atlassian.audit.entity.AuditEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.demo.DemoHost;
import dev.awsconnectors.testhost.demo.DemoOptions;
import dev.awsconnectors.testhost.demo.StoredData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static dev.awsconnectors.web.admin.PageSession.encode;
import static dev.awsconnectors.web.admin.PageSession.text;
import static dev.awsconnectors.web.admin.PageSession.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotating the signing key from a keyless account's page of the built plugin, over real HTTP as a browser posts it:
 * only an administrator past WebSudo with the page's XSRF token rotates, after confirming; the rotation is the REST
 * API's, with its audit event; a second one while the next key waits changes nothing and says so. Every refusal
 * leaves the served JWKS and the audit log as they were.
 */
@OnBuiltJar
class SigningKeyRotationPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "/plugins/servlet/aws-connectors/admin/account";
    private static final String HOSTED_ISSUER = "https://oidc.example.com/jira";

    @TempDir
    static Path home;

    private static DemoHost jira;
    private static PageSession admin;
    private static UUID keyless;

    @BeforeAll
    static void startTheDemoHostAndSignIn() throws Exception {
        jira = DemoHost.start(DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).build());
        admin = PageSession.loggedIn(jira, "admin", true);
        keyless = new StoredData(jira.plugin()).accountId("Keyless demo account");
    }

    @AfterAll
    static void stopTheDemoHost() {
        if (jira != null) {
            jira.close();
        }
    }

    @Test
    void aNonAdministratorAnAdministratorWithoutWebSudoAndAPostWithoutThePagesTokenRotateNothing() throws Exception {
        List<String> kids = servedKids();
        int events = jira.auditLog().events().size();
        String rotate = "action=rotateSigningKey&confirm=yes&id=" + keyless;

        PageSession alice = PageSession.loggedIn(jira, "alice", false);
        String aliceToken = token(alice.get("/plugins/servlet/aws-connectors/my").body());
        HttpResponse<String> byAlice = alice.post(PAGE, "atl_token=" + encode(aliceToken) + "&" + rotate);
        assertThat(byAlice.statusCode()).isEqualTo(403);
        assertThat(byAlice.body()).contains("You need to be a Jira administrator");

        PageSession noWebSudo = PageSession.loggedIn(jira, "admin", false);
        HttpResponse<String> withoutWebSudo = noWebSudo.post(PAGE, "atl_token=x&" + rotate);
        assertThat(withoutWebSudo.statusCode()).isEqualTo(302);
        assertThat(withoutWebSudo.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).contains("/secure/admin/WebSudoAuthenticate.jspa"));

        for (String token : List.of("", "atl_token=forged&")) {
            HttpResponse<String> forged = admin.post(PAGE, token + rotate);
            assertThat(forged.statusCode()).as(token).isEqualTo(403);
            assertThat(forged.body()).contains("The form has expired", "nothing was changed");
        }

        assertThat(servedKids()).isEqualTo(kids);
        assertThat(jira.auditLog().events()).hasSize(events);
    }

    @Test
    void aRotationPostedWithoutConfirmationAsksOnAPageWhatItDoesForEveryKeylessAccountAndRotatesNothing()
            throws Exception {
        List<String> kids = servedKids();

        HttpResponse<String> asked = admin.post(PAGE, pageToken(keyless) + "&action=rotateSigningKey&id=" + keyless);

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(text(asked.body())).contains("id=\"awsc-confirm-form\"",
                "Rotate the signing key?", "starts signing tokens in 60 minutes",
                "for every keyless account of this Jira", "name=\"action\" value=\"rotateSigningKey\"",
                "name=\"confirm\" value=\"yes\"", "name=\"id\" value=\"" + keyless + "\"");
        assertThat(servedKids()).isEqualTo(kids);
    }

    @Test
    void aConfirmedRotationPublishesTheNextKeyAuditsItAsTheRestApiDoesAndASecondOneChangesNothing() throws Exception {
        List<String> before = servedKids();
        int events = jira.auditLog().events().size();

        HttpResponse<String> rotated = admin.post(PAGE, pageToken(keyless) + "&action=rotateSigningKey&confirm=yes&id="
                + keyless);

        assertThat(rotated.statusCode()).isEqualTo(200);
        String page = text(rotated.body());
        List<String> after = servedKids();
        assertThat(after).hasSize(before.size() + 1).containsAll(before);
        String next = after.stream().filter(kid -> !before.contains(kid)).findFirst().orElseThrow();
        assertThat(page).contains("id=\"awsc-signing-key-rotation\"",
                "The new signing key " + next + " is published. It starts signing tokens at ",
                "60 minutes from now, for every keyless account of this Jira")
                .doesNotContain("hosted elsewhere: download");
        assertThat(page).containsPattern("id=\"awsc-signing-key-" + Pattern.quote(next)
                + "\"><td><code class=\"awsc-signing-key-id\">[^<]+</code></td><td class=\"awsc-signing-key-state\">"
                + "Published, signs tokens from \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC<");
        assertThat(page).as("no rotate button while the next key waits").doesNotContain("id=\"awsc-signing-key-rotate\"")
                .contains("id=\"awsc-signing-key-waiting\"");
        List<AuditEvent> audited = jira.auditLog().events();
        assertThat(audited).hasSize(events + 1).last().satisfies(event -> {
            assertThat(event.getActionI18nKey()).isEqualTo("awsc.audit.oidc.signingKeyRotated");
            assertThat(event.getAffectedObjects().get(0).getName())
                    .isEqualTo(jira.baseUrl().toString().replaceAll("/+$", "") + "/rest/aws-connectors/1.0/oidc");
            assertThat(event.getChangedValues()).singleElement().satisfies(change ->
                    assertThat(change.getTo()).isEqualTo(next));
            assertThat(event.getExtraAttributes()).anySatisfy(attribute -> {
                assertThat(attribute.getNameI18nKey()).isEqualTo("awsc.audit.attribute.user");
                assertThat(attribute.getValue()).isEqualTo("admin");
            });
        });

        HttpResponse<String> again = admin.post(PAGE, pageToken(keyless) + "&action=rotateSigningKey&confirm=yes&id="
                + keyless);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(text(again.body())).contains("The next signing key " + next + " was already published",
                "nothing was changed");
        assertThat(servedKids()).isEqualTo(after);
        assertThat(jira.auditLog().events()).as("nothing changed, nothing audited").hasSize(events + 1);

        HttpResponse<String> byRest = adminRest("POST", "/admin/oidc/rotation", "{}");
        assertThat(byRest.statusCode()).as(byRest.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(byRest.body());
        assertThat(answer.get("nextKeyId").asText()).as("the REST API rotates as the page does").isEqualTo(next);
        assertThat(answer.get("added").asBoolean()).isFalse();
        assertThat(Instant.parse(answer.get("nextKeySignsFrom").asText()))
                .isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        assertThat(jira.auditLog().events()).hasSize(events + 1);
    }

    @Test
    void theRotationOnAHostedIssuersPageSaysToUploadItsJwksBeforeTheNewKeySigns() throws Exception {
        UUID hosted = createKeylessAccount("Hosted rotation", HOSTED_ISSUER);

        HttpResponse<String> asked = admin.post(PAGE, pageToken(hosted) + "&action=rotateSigningKey&id=" + hosted);
        assertThat(text(asked.body())).contains("upload them to " + HOSTED_ISSUER + "/jwks before the new key signs");
        HttpResponse<String> rotated = admin.post(PAGE, pageToken(hosted) + "&action=rotateSigningKey&confirm=yes&id="
                + hosted);

        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(text(rotated.body())).containsPattern("This account's issuer is hosted elsewhere: download the "
                + "signing keys \\(JWKS\\) below and upload them to " + Pattern.quote(HOSTED_ISSUER)
                + "/jwks before \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
    }

    @Test
    void aRotationPostedFromAnAccessKeyAccountsPageIsRefusedAndRotatesNothing() throws Exception {
        UUID accessKey = new StoredData(jira.plugin()).accountId("Demo account");
        List<String> kids = servedKids();

        HttpResponse<String> refused = admin.post(PAGE, pageToken(accessKey) + "&action=rotateSigningKey&confirm=yes"
                + "&id=" + accessKey);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(text(refused.body())).contains("does not use Jira as identity provider", "Nothing was changed");
        assertThat(servedKids()).isEqualTo(kids);
    }

    /** The key ids of the JWKS the issuer serves AWS, without login. */
    private static List<String> servedKids() throws Exception {
        HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(jira.baseUrl() + "/rest/aws-connectors/1.0/oidc/jwks")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(jwks.statusCode()).isEqualTo(200);
        List<String> kids = new ArrayList<>();
        JSON.readTree(jwks.body()).get("keys").forEach(key -> kids.add(key.get("kid").asText()));
        return kids;
    }

    private static UUID createKeylessAccount(String name, String issuer) throws Exception {
        HttpResponse<String> created = adminRest("POST", "/admin/accounts", JSON.writeValueAsString(Map.of("name",
                name, "type", "WEB_IDENTITY", "partition", "aws", "region", "eu-west-1", "issuerUrl", issuer)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(JSON.readTree(created.body()).get("id").asText());
    }

    /** A call of the REST API as an administrator's script makes it. */
    private static HttpResponse<String> adminRest(String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(jira.baseUrl() + "/rest/aws-connectors/1.0" + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The XSRF token of the account's page, as its forms post it. */
    private static String pageToken(UUID account) throws Exception {
        return "atl_token=" + encode(token(admin.get(PAGE + "?id=" + account).body()));
    }
}
