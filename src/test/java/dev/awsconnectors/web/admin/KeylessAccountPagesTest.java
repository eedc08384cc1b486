package dev.awsconnectors.web.admin;

import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.demo.DemoHost;
import dev.awsconnectors.testhost.demo.DemoOptions;
import dev.awsconnectors.testhost.demo.StoredData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin pages of the built plugin with a keyless account stored: the overview names its type, and its account
 * page renders, and its Validate explains that there is nothing to validate instead of failing.
 */
@OnBuiltJar
class KeylessAccountPagesTest {
    @TempDir
    static Path home;

    private static DemoHost jira;
    private static String base;
    private static HttpClient admin;
    private static CookieManager adminCookies;

    @BeforeAll
    static void startTheDemoHostAndSignIn() throws Exception {
        jira = DemoHost.start(DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).build());
        base = jira.baseUrl().toString();
        adminCookies = new CookieManager();
        admin = HttpClient.newBuilder().cookieHandler(adminCookies).build();
        HttpResponse<String> login = send(form(base + "/login.jsp",
                "os_username=admin&os_password=admin&os_destination=%2Fsecure%2FDashboard.jspa"));
        assertThat(login.statusCode()).isEqualTo(302);
        send(HttpRequest.newBuilder(URI.create(base + "/secure/admin/WebSudoAuthenticate.jspa")).GET());
        HttpResponse<String> elevated = send(form(base + "/secure/admin/WebSudoAuthenticate.jspa",
                "webSudoPassword=admin&atl_token=" + token()));
        assertThat(elevated.statusCode()).as(elevated.body()).isEqualTo(302);
    }

    @AfterAll
    static void stopTheDemoHost() {
        if (jira != null) {
            jira.close();
        }
    }

    @Test
    void aKeylessAccountSavedThroughTheFormIsListedWithItsTypeAndItsPageAndValidateRender() throws Exception {
        HttpResponse<String> saved = send(form(base + "/plugins/servlet/aws-connectors/admin/account",
                "atl_token=" + token() + "&action=save&version=0&name=Keyless&type=WEB_IDENTITY&partition=aws"
                        + "&region=eu-west-1"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        String id = new StoredData(jira.plugin()).accountId("Keyless").toString();

        HttpResponse<String> overview = send(HttpRequest.newBuilder(
                URI.create(base + "/plugins/servlet/aws-connectors/admin/connectors")).GET());
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Keyless", "Jira identity provider (no keys)");

        HttpResponse<String> page = send(HttpRequest.newBuilder(
                URI.create(base + "/plugins/servlet/aws-connectors/admin/account?id=" + id)).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"Keyless\"");

        HttpResponse<String> validate = send(form(base + "/plugins/servlet/aws-connectors/admin/account",
                "atl_token=" + token() + "&action=validate&id=" + id));
        assertThat(validate.statusCode()).isEqualTo(200);
        assertThat(validate.body()).contains("has no credentials of its own to validate");
    }

    @Test
    void theFormShowsAndKeepsTheAudienceAndIssuerUrlOfAKeylessAccount() throws Exception {
        HttpResponse<String> saved = send(form(base + "/plugins/servlet/aws-connectors/admin/account",
                "atl_token=" + token() + "&action=save&version=0&name=Hosted&type=WEB_IDENTITY&partition=aws"
                        + "&region=eu-west-1&audience=jira-prod&issuerUrl=https%3A%2F%2Foidc.example.com%2Fjira"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        String id = new StoredData(jira.plugin()).accountId("Hosted").toString();

        HttpResponse<String> page = send(HttpRequest.newBuilder(
                URI.create(base + "/plugins/servlet/aws-connectors/admin/account?id=" + id)).GET());
        assertThat(page.body()).contains("value=\"jira-prod\"", "value=\"https://oidc.example.com/jira\"",
                "<option value=\"WEB_IDENTITY\" selected>");

        HttpResponse<String> renamed = send(form(base + "/plugins/servlet/aws-connectors/admin/account",
                "atl_token=" + token() + "&action=save&id=" + id + "&version=1&name=Hosted+issuer&type=WEB_IDENTITY"
                        + "&partition=aws&region=eu-west-1&audience=jira-prod"
                        + "&issuerUrl=https%3A%2F%2Foidc.example.com%2Fjira"));
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(303);
        HttpResponse<String> stored = admin.send(HttpRequest.newBuilder(
                        URI.create(base + "/rest/aws-connectors/1.0/admin/accounts/" + id))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stored.body()).contains("\"name\":\"Hosted issuer\"", "\"audience\":\"jira-prod\"",
                "\"issuerUrl\":\"https://oidc.example.com/jira\"");
    }

    private static String token() {
        return adminCookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("atlassian.xsrf.token")).map(HttpCookie::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no XSRF token cookie"));
    }

    private static HttpRequest.Builder form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        try {
            return admin.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the request failed: " + e, e);
        }
    }
}
