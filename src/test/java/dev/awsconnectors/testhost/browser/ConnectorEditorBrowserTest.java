package dev.awsconnectors.testhost.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector editor in a real browser on the demo host, which installs the built jar: the fields show and hide
 * with the principal type (a hidden field is not sent, so it is neither saved nor refused), and the groups are
 * chosen by searching Jira's groups, with the keyboard or the mouse, and saved.
 */
class ConnectorEditorBrowserTest extends DemoHostBrowserTest {
    private static final String ADMIN = "/plugins/servlet/aws-connectors/admin";
    private static final String SERIAL = "arn:aws:iam::123456789012:mfa/jira-broker";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Creates an IAM User connector through the REST API and opens its editor as the admin. */
    private JsonNode openTheEditorOfAFreshIamUserConnector(String mfaSerialNumber) {
        ObjectNode created = JSON.createObjectNode()
                .put("name", "Editor " + UUID.randomUUID().toString().substring(0, 8))
                .put("accountId",
                        adminRest("GET", "/admin/accounts", null, 200).get("values").get(0).get("id").asText())
                .put("principalType", "IAM_USER")
                .put("mfaSerialNumber", mfaSerialNumber);
        JsonNode connector = adminRest("POST", "/admin/connectors", created.toString(), 201);
        browser.get(baseUrl + ADMIN + "/connector?id=" + connector.get("id").asText());
        browser.logIn("admin", "admin");
        browser.confirmWebSudo("admin");
        browser.waitFor(By.id("awsc-connector-form"));
        return connector;
    }

    @Test
    void theFieldsShowAndHideWithThePrincipalTypeAndAHiddenFieldIsNeitherSentNorRefused() {
        JsonNode connector = openTheEditorOfAFreshIamUserConnector(SERIAL);
        WebElement mfa = browser.find(By.id("mfaSerialNumber"));
        assertThat(mfa.isDisplayed()).isTrue();
        assertThat(browser.find(By.id("roleArn")).isDisplayed()).as("IAM User: no role").isFalse();
        assertThat(browser.find(By.id("policy")).isDisplayed()).as("IAM User: no session policy").isFalse();
        screenshot("1-iam-user");

        Select type = new Select(browser.find(By.id("principalType")));
        type.selectByValue("IAM_ROLE");
        assertThat(browser.find(By.id("roleArn")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("externalId")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("policy")).isDisplayed()).isTrue();
        assertThat(mfa.isDisplayed()).as("IAM Role takes MFA too").isTrue();

        type.selectByValue("FEDERATED_USER");
        assertThat(mfa.isDisplayed()).as("Federated User: no MFA").isFalse();
        assertThat(mfa.isEnabled()).as("so it is not sent").isFalse();
        assertThat(mfa.getAttribute("value")).as("the value waits in case the type goes back").isEqualTo(SERIAL);
        assertThat(browser.find(By.id("roleArn")).isDisplayed()).isFalse();
        assertThat(browser.find(By.id("policy")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("consoleDestination")).isDisplayed()).isTrue();
        screenshot("2-federated-user");

        WebElement arns = browser.find(By.id("policyArns"));
        arns.sendKeys("arn:aws:iam::aws:policy/ReadOnlyAccess");
        click(browser.find(By.id("awsc-connector-save")));
        browser.waitFor(By.id("awsc-notice"));
        screenshot("3-saved");

        JsonNode saved = adminRest("GET", "/admin/connectors/" + connector.get("id").asText(), null, 200);
        assertThat(saved.get("principalType").asText()).isEqualTo("FEDERATED_USER");
        assertThat(saved.get("mfaSerialNumber").isNull()).as("the hidden MFA device was not sent").isTrue();
        assertThat(saved.get("policyArns")).extracting(JsonNode::asText)
                .containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
    }

    @Test
    void anAdministratorSearchesJirasGroupsChoosesOneWithTheKeyboardAnotherWithTheMouseAndSaves() {
        JsonNode connector = openTheEditorOfAFreshIamUserConnector(null);
        assertThat(browser.find(By.id("groups")).isDisplayed()).as("the multiple choice gives way to the search")
                .isFalse();
        assertThat(browser.find(By.cssSelector("label[for='awsc-groups-search']")).getText())
                .isEqualTo("Jira groups that may use it");
        assertThat(browser.find(By.id("awsc-groups-none")).isDisplayed()).isTrue();

        WebElement search = browser.find(By.id("awsc-groups-search"));
        scrollTo(search);
        search.sendKeys("admin");
        browser.waitUntil(d -> List.of("jira-administrators").equals(offeredGroups()) ? Boolean.TRUE : null);
        WebElement option = browser.find(By.cssSelector("#awsc-groups-results [role=option]"));
        assertThat(search.getAttribute("aria-expanded")).isEqualTo("true");
        screenshot("1-search");
        search.sendKeys(Keys.ARROW_DOWN);
        assertThat(search.getAttribute("aria-activedescendant")).isEqualTo(option.getAttribute("id"));
        search.sendKeys(Keys.ENTER);
        browser.waitFor(By.cssSelector("#awsc-groups-chosen [data-awsc-group='jira-administrators']"));
        assertThat(chosenGroups()).containsExactly("jira-administrators");
        assertThat(browser.find(By.id("awsc-groups-none")).isDisplayed()).isFalse();

        search.sendKeys("dev");
        WebElement developers = browser.waitFor(
                By.cssSelector("#awsc-groups-results [role=option][data-awsc-group='aws-developers']"));
        developers.click();
        browser.waitFor(By.cssSelector("#awsc-groups-chosen [data-awsc-group='aws-developers']"));
        assertThat(chosenGroups()).containsExactly("aws-developers", "jira-administrators");
        screenshot("2-chosen");

        search.sendKeys("no-such-group");
        browser.waitUntil(d -> "No group matches.".equals(d.findElement(By.id("awsc-groups-status")).getText())
                ? Boolean.TRUE : null);

        click(browser.find(By.cssSelector("#awsc-groups-chosen button[data-awsc-group='jira-administrators']")));
        assertThat(chosenGroups()).containsExactly("aws-developers");
        search.clear();
        search.sendKeys("jira-adm");
        browser.waitFor(By.cssSelector("#awsc-groups-results [role=option][data-awsc-group='jira-administrators']"));
        search.sendKeys(Keys.ENTER);
        browser.waitFor(By.cssSelector("#awsc-groups-chosen [data-awsc-group='jira-administrators']"));

        click(browser.find(By.id("awsc-connector-save")));
        browser.waitFor(By.id("awsc-notice"));
        screenshot("3-saved");
        JsonNode saved = adminRest("GET", "/admin/connectors/" + connector.get("id").asText(), null, 200);
        assertThat(saved.get("groups")).extracting(JsonNode::asText)
                .containsExactly("aws-developers", "jira-administrators");
        browser.waitFor(By.id("awsc-groups-chosen"));
        assertThat(chosenGroups()).as("the page shows what was saved")
                .containsExactly("aws-developers", "jira-administrators");
        assertThat(browser.consoleErrors()).filteredOn(message -> !message.contains("favicon.ico")).isEmpty();
    }

    /** The groups the search offers now, in order. */
    private List<String> offeredGroups() {
        return texts("#awsc-groups-results [role=option]", "textContent");
    }

    /** One property of every element the selector finds, read in one go, so a list redrawn meanwhile is no error. */
    @SuppressWarnings("unchecked")
    private List<String> texts(String selector, String property) {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "var property = arguments[1];"
                        + " return Array.prototype.map.call(document.querySelectorAll(arguments[0]),"
                        + " function (e) { return e[property] || e.getAttribute(property); });",
                selector, property);
    }

    /** The groups shown as chosen, in order. */
    private List<String> chosenGroups() {
        return texts("#awsc-groups-chosen button[data-awsc-group]", "data-awsc-group");
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                element);
    }

    private void click(WebElement element) {
        scrollTo(element);
        element.click();
        browser.waitUntil(driver -> "complete".equals(((JavascriptExecutor) driver)
                .executeScript("return document.readyState")) ? Boolean.TRUE : null);
    }

    private static JsonNode adminRest(String method, String path, String json, int status) {
        return AdminRest.call(baseUrl, method, path, json, status);
    }
}
