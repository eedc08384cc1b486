package dev.awsconnectors.testhost.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsconnectors.sts.WebIdentityTrust;
import dev.awsconnectors.testhost.demo.StoredData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of a keyless account in a real browser, against the demo host with the built plugin: what the admin
 * pastes into AWS (the IAM OpenID Connect provider, each connector's role trust policy) is exactly what the app's
 * tokens need, names the issuer AWS must trust — a hosted one when the account has one, never Jira's own then —
 * and the links to the documents to host answer them.
 */
class KeylessGuidanceBrowserTest extends DemoHostBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "/plugins/servlet/aws-connectors/admin";
    private static final String HOSTED_ISSUER = "https://oidc.example.com/jira";

    @Test
    void theDemoKeylessAccountShowsJirasIssuerTheProviderJsonAndItsConnectorsTrustPolicy() throws Exception {
        StoredData stored = new StoredData(host.plugin());
        UUID account = stored.accountId("Keyless demo account");
        UUID connector = stored.connectorId("Developers (keyless)");
        String issuer = baseUrl + "/rest/aws-connectors/1.0/oidc";

        openAsAdministrator(ADMIN + "/account?id=" + account);
        showGuidance();
        screenshot("1-guidance");

        assertThat(text("awsc-keyless-issuer")).isEqualTo(issuer);
        assertThat(text("awsc-keyless-audience")).isEqualTo("sts.amazonaws.com");
        assertThat(json("awsc-keyless-provider-json"))
                .isEqualTo(JSON.readTree(WebIdentityTrust.openIdConnectProviderJson(issuer, "sts.amazonaws.com")));
        String roleArn = "arn:aws:iam::123456789012:role/jira-keyless";
        assertThat(text("awsc-keyless-role-" + connector)).contains("Developers (keyless)", roleArn);
        assertThat(json("awsc-keyless-trust-" + connector)).isEqualTo(JSON.readTree(WebIdentityTrust.trustPolicyJson(
                roleArn, issuer, "sts.amazonaws.com", connector, false, true)));
        assertThat(browser.findAll(By.id("awsc-keyless-system-trust-" + connector)))
                .as("the demo connector has no system scope").isEmpty();
        assertThat(text("awsc-keyless-condition-keys")).contains(WebIdentityTrust.providerPath(issuer) + ":aud",
                WebIdentityTrust.providerPath(issuer) + ":sub");
        assertThat(text("awsc-keyless-guidance")).contains("within 60 minutes");
    }

    @Test
    void aHostedIssuerIsTheOneTheProviderAndEveryTrustPolicyNameAndASystemScopeConnectorGetsASystemOnlyPolicy()
            throws Exception {
        UUID account = UUID.fromString(adminPost("/admin/accounts", "{\"name\": \"Hosted guidance\", "
                + "\"type\": \"WEB_IDENTITY\", \"partition\": \"aws\", \"region\": \"eu-west-1\", "
                + "\"audience\": \"jira-prod\", \"issuerUrl\": \"" + HOSTED_ISSUER + "\"}").get("id").asText());
        String batchRole = "arn:aws:iam::210987654321:role/jira-batch";
        UUID batch = UUID.fromString(adminPost("/admin/connectors", "{\"name\": \"Batch (keyless)\", "
                + "\"accountId\": \"" + account + "\", \"principalType\": \"IAM_ROLE\", \"roleArn\": \"" + batchRole
                + "\", \"systemScope\": true, \"groups\": []}").get("id").asText());
        String usersRole = "arn:aws:iam::210987654321:role/jira-users";
        UUID users = UUID.fromString(adminPost("/admin/connectors", "{\"name\": \"Users (keyless)\", "
                + "\"accountId\": \"" + account + "\", \"principalType\": \"IAM_ROLE\", \"roleArn\": \"" + usersRole
                + "\", \"groups\": [\"aws-developers\"]}").get("id").asText());

        openAsAdministrator(ADMIN + "/account?id=" + account);
        showGuidance();
        screenshot("1-hosted-guidance");

        assertThat(text("awsc-keyless-issuer")).isEqualTo(HOSTED_ISSUER);
        assertThat(json("awsc-keyless-provider-json"))
                .isEqualTo(JSON.readTree(WebIdentityTrust.openIdConnectProviderJson(HOSTED_ISSUER, "jira-prod")));
        assertThat(json("awsc-keyless-trust-" + batch)).isEqualTo(JSON.readTree(WebIdentityTrust.trustPolicyJson(
                batchRole, HOSTED_ISSUER, "jira-prod", batch, false, false)));
        assertThat(json("awsc-keyless-system-trust-" + batch)).isEqualTo(JSON.readTree(
                WebIdentityTrust.trustPolicyJson(batchRole, HOSTED_ISSUER, "jira-prod", batch, true, false)));
        assertThat(json("awsc-keyless-system-trust-" + batch).toString())
                .contains("\"connector:" + batch + ":system\"");
        assertThat(json("awsc-keyless-trust-" + users)).isEqualTo(JSON.readTree(WebIdentityTrust.trustPolicyJson(
                usersRole, HOSTED_ISSUER, "jira-prod", users, false, false)));
        assertThat(browser.findAll(By.id("awsc-keyless-system-trust-" + users))).isEmpty();
        String jira = URI.create(baseUrl).getAuthority();
        for (String id : List.of("awsc-keyless-provider-json", "awsc-keyless-trust-" + batch,
                "awsc-keyless-system-trust-" + batch, "awsc-keyless-trust-" + users, "awsc-keyless-condition-keys")) {
            assertThat(text(id)).as(id).doesNotContain(jira).contains("oidc.example.com/jira");
        }
        assertThat(text("awsc-keyless-discovery-url"))
                .isEqualTo(HOSTED_ISSUER + "/.well-known/openid-configuration");
        assertThat(text("awsc-keyless-jwks-url")).isEqualTo(HOSTED_ISSUER + "/jwks");

        JsonNode discovery = JSON.readTree(adminGet(link("awsc-keyless-download-discovery")));
        assertThat(discovery.get("issuer").asText()).isEqualTo(HOSTED_ISSUER);
        assertThat(discovery.get("jwks_uri").asText()).isEqualTo(text("awsc-keyless-jwks-url"));
        assertThat(JSON.readTree(adminGet(link("awsc-keyless-download-jwks"))))
                .isEqualTo(JSON.readTree(adminGet(baseUrl + "/rest/aws-connectors/1.0/oidc/jwks")));
    }

    @Test
    void anAccountWithAnAccessKeyShowsNoKeylessGuidance() {
        openAsAdministrator(ADMIN + "/account?id=" + new StoredData(host.plugin()).accountId("Demo account"));

        assertThat(browser.findAll(By.id("awsc-keyless-guidance"))).isEmpty();
    }

    private void openAsAdministrator(String path) {
        browser.get(baseUrl + path);
        browser.logIn("admin", "admin");
        browser.confirmWebSudo("admin");
        browser.waitUntil(driver -> driver.findElements(By.id("awsc-account-form")).isEmpty() ? null : true);
    }

    /** Scrolls to the guidance, for the screenshot. */
    private void showGuidance() {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()",
                browser.find(By.id("awsc-keyless-guidance")));
    }

    /** The element's text as written, whether shown or folded away (a connector's details start closed). */
    private String text(String id) {
        WebElement element = browser.find(By.id(id));
        return element.getAttribute("textContent").strip();
    }

    private JsonNode json(String id) throws Exception {
        return JSON.readTree(text(id));
    }

    private String link(String id) {
        return browser.find(By.id(id)).getAttribute("href");
    }

    private static JsonNode adminPost(String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(admin(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/rest/aws-connectors/1.0" + path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static String adminGet(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(admin(HttpRequest.newBuilder(URI.create(url)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static HttpRequest.Builder admin(HttpRequest.Builder request) {
        return request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
    }
}
