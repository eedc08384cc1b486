package dev.awsconnectors.testhost.browser;

import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConnectorRepository;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * With real AUI (its stylesheet and its script, served from AUI's npm package as Jira serves the
 * {@code com.atlassian.auiplugin} web resources) the connector editor's checkboxes are visible and usable: AUI's
 * stylesheet hides the native boxes and AUI's script draws each one as a glyph after its input. Before the pages
 * required AUI's script, the group, system-scope and source-identity boxes were invisible with AUI's stylesheet.
 */
class AuiCheckboxesBrowserTest extends DemoHostBrowserTest {
    private static final String ADMIN = "/plugins/servlet/aws-connectors/admin";
    private static final String DEVELOPERS = "aws-developers";

    private Connector connector;

    @BeforeEach
    void openTheEditorOfAFreshRoleConnector() {
        AccountRepository accounts = host.plugin().component(AccountRepository.class);
        ConnectorRepository connectors = host.plugin().component(ConnectorRepository.class);
        Connector role = connectors.all().stream().filter(c -> c.principalType() == PrincipalType.IAM_ROLE)
                .findFirst().orElseThrow();
        connector = connectors.create(Connector.builder()
                .name("Checkboxes " + UUID.randomUUID().toString().substring(0, 8))
                .accountId(accounts.all().get(0).id())
                .principalType(PrincipalType.IAM_ROLE)
                .roleArn(role.roleArn().orElseThrow())
                .groups(List.of(DEVELOPERS))
                .build());
        browser.get(baseUrl + ADMIN + "/connector?id=" + connector.id());
        browser.logIn("admin", "admin");
        browser.confirmWebSudo("admin");
        waitFor(By.id("awsc-connector-form"));
        requireRealAui();
    }

    @Test
    void theGroupSystemScopeAndSourceIdentityCheckboxesAreDrawnAndShowWhetherTheyAreTicked() {
        WebElement developers = groupBox(DEVELOPERS);
        List<WebElement> boxes = browser.findAll(By.cssSelector("#awsc-connector-form input[type=checkbox]"));
        assertThat(boxes).extracting(box -> box.getAttribute("id"))
                .contains("systemScope", "sourceIdentityAndTags", developers.getAttribute("id"));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('aws-groups').scrollIntoView({block: 'center'});");
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
        assertThat(developers.isSelected()).isTrue();
        assertThat(glyphOf(developers).get("content")).as("a ticked box shows a tick")
                .isNotEqualTo(glyphOf(browser.find(By.id("systemScope"))).get("content"));
    }

    @Test
    void anAdministratorUnticksAGroupAndTicksSystemScopeAndSourceIdentityByClickingAndTheSavedConnectorShowsIt() {
        click(labelOf(groupBox(DEVELOPERS)));
        click(labelOf(browser.find(By.id("systemScope"))));
        click(labelOf(browser.find(By.id("sourceIdentityAndTags"))));
        assertThat(groupBox(DEVELOPERS).isSelected()).as("unticked by the click").isFalse();
        assertThat(browser.find(By.id("systemScope")).isSelected()).isTrue();
        screenshot("1-clicked");
        click(browser.find(By.id("aws-connector-save")));
        waitFor(By.id("aws-notice"));
        screenshot("2-saved");

        Connector saved = host.plugin().component(ConnectorRepository.class).get(connector.id()).orElseThrow();
        assertThat(saved.groups()).doesNotContain(DEVELOPERS);
        assertThat(saved.systemScope()).isTrue();
        assertThat(saved.sourceIdentityAndTags()).isTrue();
        assertThat(groupBox(DEVELOPERS).isSelected()).as("the page shows what was saved").isFalse();
        assertThat(browser.find(By.id("systemScope")).isSelected()).isTrue();
        assertThat(browser.find(By.id("sourceIdentityAndTags")).isSelected()).isTrue();
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

    private WebElement groupBox(String group) {
        return browser.find(By.cssSelector("#aws-groups input[type=checkbox][value='" + group + "']"));
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

    private WebElement waitFor(By by) {
        return browser.waitUntil(driver -> driver.findElements(by).isEmpty() ? null : driver.findElement(by));
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                element);
        element.click();
        browser.waitUntil(driver -> "complete".equals(((JavascriptExecutor) driver)
                .executeScript("return document.readyState")) ? Boolean.TRUE : null);
    }
}
