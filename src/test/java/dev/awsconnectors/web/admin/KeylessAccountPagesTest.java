package dev.awsconnectors.web.admin;

import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.demo.DemoHost;
import dev.awsconnectors.testhost.demo.DemoOptions;
import dev.awsconnectors.testhost.demo.StoredData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin pages of the built plugin with a keyless account stored: the overview names its type, and its account
 * page renders, and its Validate explains that there is nothing to validate instead of failing.
 */
@OnBuiltJar
class KeylessAccountPagesTest {
    private static final String ACCOUNT = "/plugins/servlet/aws-connectors/admin/account";

    @TempDir
    static Path home;

    private static DemoHost jira;
    private static PageSession admin;

    @BeforeAll
    static void startTheDemoHostAndSignIn() throws Exception {
        jira = DemoHost.start(DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).build());
        admin = PageSession.loggedIn(jira, "admin", true);
    }

    @AfterAll
    static void stopTheDemoHost() {
        if (jira != null) {
            jira.close();
        }
    }

    @Test
    void aKeylessAccountSavedThroughTheFormIsListedWithItsTypeAndItsPageAndValidateRender() throws Exception {
        HttpResponse<String> saved = admin.post(ACCOUNT, "atl_token=" + token(ACCOUNT)
                + "&action=save&version=0&name=Keyless&type=WEB_IDENTITY&partition=aws&region=eu-west-1");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        String id = new StoredData(jira.plugin()).accountId("Keyless").toString();

        HttpResponse<String> overview = admin.get("/plugins/servlet/aws-connectors/admin/connectors");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Keyless", "Jira identity provider (no keys)");

        HttpResponse<String> page = admin.get(ACCOUNT + "?id=" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"Keyless\"");

        HttpResponse<String> validate = admin.post(ACCOUNT, "atl_token=" + PageSession.encode(
                PageSession.token(page.body())) + "&action=validate&id=" + id);
        assertThat(validate.statusCode()).isEqualTo(200);
        assertThat(validate.body()).contains("has no credentials of its own to validate");
    }

    @Test
    void theFormShowsAndKeepsTheAudienceAndIssuerUrlOfAKeylessAccount() throws Exception {
        HttpResponse<String> saved = admin.post(ACCOUNT, "atl_token=" + token(ACCOUNT)
                + "&action=save&version=0&name=Hosted&type=WEB_IDENTITY&partition=aws&region=eu-west-1"
                + "&audience=jira-prod&issuerUrl=https%3A%2F%2Foidc.example.com%2Fjira");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        String id = new StoredData(jira.plugin()).accountId("Hosted").toString();

        HttpResponse<String> page = admin.get(ACCOUNT + "?id=" + id);
        assertThat(page.body()).contains("value=\"jira-prod\"", "value=\"https://oidc.example.com/jira\"",
                "<option value=\"WEB_IDENTITY\" selected>");

        HttpResponse<String> renamed = admin.post(ACCOUNT, "atl_token=" + PageSession.encode(
                PageSession.token(page.body())) + "&action=save&id=" + id + "&version=1&name=Hosted+issuer"
                + "&type=WEB_IDENTITY&partition=aws&region=eu-west-1&audience=jira-prod"
                + "&issuerUrl=https%3A%2F%2Foidc.example.com%2Fjira");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(303);
        HttpResponse<String> stored = admin.client().send(HttpRequest.newBuilder(
                        URI.create(admin.base() + "/rest/aws-connectors/1.0/admin/accounts/" + id))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stored.body()).contains("\"name\":\"Hosted issuer\"", "\"audience\":\"jira-prod\"",
                "\"issuerUrl\":\"https://oidc.example.com/jira\"");
    }

    /** The XSRF token of the form at {@code path}, as the browser posts it back. */
    private static String token(String path) throws Exception {
        return PageSession.encode(PageSession.token(admin.get(path).body()));
    }
}
