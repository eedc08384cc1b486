package dev.awsconnectors.testhost.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * With real AUI (its stylesheet and its script, served from AUI's npm package as Jira serves the
 * {@code com.atlassian.auiplugin} web resources) the connector editor's checkboxes are visible and usable: AUI's
 * stylesheet hides the native boxes and AUI's script draws each one as a glyph after its input. Before the pages
 * required AUI's script, the system-scope and source-identity boxes were invisible with AUI's stylesheet. (Groups
 * are a picker now: {@code ConnectorEditorBrowserTest}.)
 */
class AuiCheckboxesBrowserTest extends DemoHostBrowserTest {
    private static final String ADMIN = "/plugins/servlet/aws-connectors/admin";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The connector this test edits, as the admin REST API answered its creation. */
    private JsonNode connector;

    @BeforeEach
    void openTheEditorOfAFreshRoleConnector() {
        JsonNode role = StreamSupport.stream(
                        adminRest("GET", "/admin/connectors", null, 200).get("values").spliterator(), false)
                .filter(c -> "IAM_ROLE".equals(c.path("principalType").asText())).findFirst().orElseThrow();
        ObjectNode created = JSON.createObjectNode()
                .put("name", "Checkboxes " + UUID.randomUUID().toString().substring(0, 8))
                .put("accountId",
                        adminRest("GET", "/admin/accounts", null, 200).get("values").get(0).get("id").asText())
                .put("principalType", "IAM_ROLE")
                .put("roleArn", role.get("roleArn").asText())
                .put("sourceIdentityAndTags", true);
        connector = adminRest("POST", "/admin/connectors", created.toString(), 201);
        browser.get(baseUrl + ADMIN + "/connector?id=" + connector.get("id").asText());
        browser.logIn("admin", "admin");
        browser.confirmWebSudo("admin");
        browser.waitFor(By.id("awsc-connector-form"));
        requireRealAui();
    }

    @Test
    void theSystemScopeAndSourceIdentityCheckboxesAreDrawnAndShowWhetherTheyAreTicked() {
        List<WebElement> boxes = browser.findAll(By.cssSelector("#awsc-connector-form input[type=checkbox]"));
        assertThat(boxes).extracting(box -> box.getAttribute("id"))
                .contains("systemScope", "sourceIdentityAndTags");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('awsc-groups').scrollIntoView({block: 'center'});");
        screenshot("1-groups-and-system-scope");

        for (WebElement box : boxes) {
            String id = box.getAttribute("id");
            WebElement label = browser.find(By.cssSelector("label[for='" + id + "']"));
            assertThat(label.isDisplayed()).as("label of %s", id).isTrue();
            Map<String, Object> glyph = glyphOf(box);
            assertThat(glyph).as("AUI's script drew %s", id).isNotNull();
            assertThat(glyph.get("width")).as("width of %s", id).isEqualTo("10px");
            assertThat(glyph.get("height")).as("height of %s", id).isEqualTo("10px");
            assertThat(glyph.get("display")).as("display of %s", id).isNotEqualTo("none");
        }
        WebElement sourceIdentity = browser.find(By.id("sourceIdentityAndTags"));
        assertThat(sourceIdentity.isSelected()).isTrue();
        assertThat(glyphOf(sourceIdentity).get("content")).as("a ticked box shows a tick")
                .isNotEqualTo(glyphOf(browser.find(By.id("systemScope"))).get("content"));
    }

    @Test
    void anAdministratorTicksSystemScopeAndUnticksSourceIdentityByClickingAndTheSavedConnectorShowsIt() {
        click(labelOf(browser.find(By.id("systemScope"))));
        click(labelOf(browser.find(By.id("sourceIdentityAndTags"))));
        assertThat(browser.find(By.id("sourceIdentityAndTags")).isSelected()).as("unticked by the click").isFalse();
        assertThat(browser.find(By.id("systemScope")).isSelected()).isTrue();
        screenshot("1-clicked");
        click(browser.find(By.id("awsc-connector-save")));
        browser.waitFor(By.id("awsc-notice"));
        screenshot("2-saved");

        JsonNode saved = adminRest("GET", "/admin/connectors/" + connector.get("id").asText(), null, 200);
        assertThat(saved.get("systemScope").asBoolean()).isTrue();
        assertThat(saved.get("sourceIdentityAndTags").asBoolean()).isFalse();
        assertThat(browser.find(By.id("systemScope")).isSelected()).as("the page shows what was saved").isTrue();
        assertThat(browser.find(By.id("sourceIdentityAndTags")).isSelected()).isFalse();
    }

    @Test
    void theEditorLoadsJqueryAuiAndItsScriptWithoutConsoleErrors() {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        assertThat(js.executeScript("return typeof window.jQuery")).isEqualTo("function");
        assertThat(js.executeScript("return typeof window.AJS")).isEqualTo("object");
        assertThat(browser.consoleErrors()).as("console errors")
                .filteredOn(message -> !message.contains("favicon.ico")).isEmpty();
    }

    /** These tests need AUI itself: the build's fetch-aui step unpacks it when npm is installed. */
    private static void requireRealAui() {
        Path aui = host.options().auiDirectory();
        if (Files.isRegularFile(aui.resolve("package/dist/aui/aui-prototyping.js"))
                && Files.isRegularFile(aui.resolve("jquery/package/dist/jquery.min.js"))) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv(Browser.REQUIRE_BROWSER_VARIABLE))) {
            fail("AUI is not unpacked in target/aui: the build's fetch-aui step needs npm");
        }
        Assumptions.assumeTrue(false, "AUI is not unpacked in target/aui (the build's fetch-aui step needs npm)");
    }

    private WebElement labelOf(WebElement box) {
        return browser.find(By.cssSelector("label[for='" + box.getAttribute("id") + "']"));
    }

    /** The size, display and content of the glyph AUI draws after a checkbox (its ::before), or null. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> glyphOf(WebElement box) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript(
                "var glyph = arguments[0].nextElementSibling;"
                        + "if (!glyph || !glyph.classList.contains('aui-form-glyph')) { return null; }"
                        + "var style = getComputedStyle(glyph, '::before');"
                        + "return {width: style.width, height: style.height, display: style.display,"
                        + " content: style.content};", box);
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                element);
        element.click();
        browser.waitUntil(driver -> "complete".equals(((JavascriptExecutor) driver)
                .executeScript("return document.readyState")) ? Boolean.TRUE : null);
    }

    private static JsonNode adminRest(String method, String path, String json, int status) {
        return AdminRest.call(baseUrl, method, path, json, status);
    }
}
