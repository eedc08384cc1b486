package dev.awsconnectors.testhost.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin page in a real browser, against the demo host loading the plugin as Jira would: who gets in, and what
 * they see. A screenshot of every page visited is kept (see {@link Browser#screenshotDirectory()}).
 */
class AdminPagesBrowserTest extends DemoHostBrowserTest {
    private static final String ADMIN_PAGE = "/plugins/servlet/aws-connectors/admin/connectors";
    private static final String PERMISSION_MESSAGE = "You need to be a Jira administrator to manage AWS connectors.";

    @Test
    void adminLogsInPassesWebSudoAndSeesTheDemoConnectorsWithTheAccessKeyIdMasked() throws Exception {
        browser.get(baseUrl + "/login.jsp");
        screenshot("1-login-form");
        browser.logIn("admin", "admin");

        browser.get(baseUrl + ADMIN_PAGE);
        assertThat(browser.currentUrl()).as("an admin without a secure session is asked for the password again")
                .contains("WebSudo");
        screenshot("2-websudo");
        browser.confirmWebSudo("admin");

        browser.waitUntil(driver -> driver.getCurrentUrl().contains(ADMIN_PAGE) ? Boolean.TRUE : null);
        browser.waitUntil(driver -> driver.findElements(By.id("awsc-connectors-admin")).isEmpty() ? null : true);
        screenshot("3-connectors-admin");

        List<String> connectorNames = texts(By.cssSelector("#awsc-connectors .awsc-connector-name"));
        assertThat(connectorNames).as("the demo connectors")
                .containsExactlyInAnyOrder("Developers (federated)", "Developers (role)", "Break glass",
                        "Developers (keyless)")
                .containsExactlyInAnyOrderElementsOf(usableConnectorNamesOf("admin", "admin"));
        assertThat(texts(By.cssSelector("#awsc-accounts .awsc-account-name")))
                .containsExactly("Demo account", "Keyless demo account");
        assertThat(texts(By.cssSelector("#awsc-connectors .awsc-connector-principal-type")))
                .containsExactlyInAnyOrder("Federated User", "IAM User", "IAM Role", "IAM Role");
        List<String> keyIds = texts(By.cssSelector("#awsc-accounts .awsc-account-access-key-id"));
        assertThat(keyIds).as("the demo account's access key id, masked; none for the keyless one").hasSize(2);
        assertThat(keyIds.get(0)).matches("AKIA\\*{12}[A-Z0-9]{4}");
        assertThat(keyIds.get(1)).isEqualTo("none (Jira identity provider)");
        assertThat(browser.pageSource()).as("no whole access key id anywhere in the page")
                .doesNotContainPattern("AKIA[A-Z0-9]{16}");
        assertThat(browser.title()).contains("AWS Connectors");
    }

    @Test
    void bobIsRefusedTheAdminPageWithThePermissionMessageAndNoStackTrace() throws Exception {
        browser.get(baseUrl + "/login.jsp");
        browser.logIn("bob", "bob");

        browser.get(baseUrl + ADMIN_PAGE);
        screenshot("1-refused");

        assertThat(browser.currentUrl()).contains(ADMIN_PAGE);
        assertThat(browser.bodyText()).contains(PERMISSION_MESSAGE);
        assertThat(browser.findAll(By.id("awsc-connectors-admin"))).isEmpty();
        assertThat(browser.pageSource()).doesNotContain("Exception", "\tat ", "at dev.awsconnectors", "at java.");
        assertThat(statusOf(ADMIN_PAGE, "bob", "bob")).as("the refusal's HTTP status").isEqualTo(403);
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        browser.get(baseUrl + ADMIN_PAGE);
        screenshot("1-login-page");

        assertThat(URI.create(browser.currentUrl()).getPath()).endsWith("/login.jsp");
        assertThat(browser.currentUrl()).contains("os_destination=");
        assertThat(browser.findAll(By.id("login-form-password"))).isNotEmpty();
        assertThat(browser.findAll(By.id("awsc-connectors-admin"))).isEmpty();
    }

    @Test
    void theLoginPageBringsAnAdministratorBackToTheAdminPage() {
        browser.get(baseUrl + ADMIN_PAGE);
        browser.logIn("admin", "admin");
        screenshot("1-after-login");

        // Back to the admin page, which asks for the secure administrator session first.
        assertThat(browser.currentUrl()).contains("WebSudo");
        browser.confirmWebSudo("admin");
        browser.waitUntil(driver -> driver.findElements(By.id("awsc-connectors-admin")).isEmpty() ? null : true);
        assertThat(browser.currentUrl()).contains(ADMIN_PAGE);
    }

    private List<String> texts(By by) {
        List<String> texts = new ArrayList<>();
        for (WebElement element : browser.findAll(by)) {
            texts.add(element.getText().strip());
        }
        return texts;
    }

    /** The connector names the REST API lists for a user, fetched as a script would, with HTTP Basic. */
    private static List<String> usableConnectorNamesOf(String user, String password) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                basic(HttpRequest.newBuilder(URI.create(baseUrl + "/rest/aws-connectors/1.0/connectors")), user,
                        password).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET /rest/aws-connectors/1.0/connectors").isEqualTo(200);
        JsonNode page = new ObjectMapper().readTree(response.body());
        assertThat(page.get("isLast").asBoolean()).as("the demo's few connectors fit one page").isTrue();
        List<String> names = new ArrayList<>();
        page.get("values").forEach(connector -> names.add(connector.get("name").asText()));
        return names;
    }

    private static int statusOf(String path, String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return client.send(basic(HttpRequest.newBuilder(URI.create(baseUrl + path)), user, password).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest.Builder basic(HttpRequest.Builder request, String user, String password) {
        return request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
