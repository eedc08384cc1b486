package dev.awsconnectors.testhost.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.testhost.ao.StoredRows;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor of a keyless account's connector in a real browser: the IAM Role box names AssumeRoleWithWebIdentity
 * and where the role's trust policy is, switching with the chosen account; and a connector left with an MFA device
 * and an external ID when its account became keyless asks for no MFA code, says what to remove, and its Test
 * explains the refusal.
 */
class KeylessConnectorPageBrowserTest extends DemoHostBrowserTest {
    private static final By CALL_WITH_KEYS = By.cssSelector("#awsc-type-info-IAM_ROLE li.awsc-call-keys");
    private static final By CALL_KEYLESS = By.cssSelector("#awsc-type-info-IAM_ROLE li.awsc-call-keyless");
    private static final By MFA_KEYLESS = By.cssSelector("#awsc-type-info-IAM_ROLE li.awsc-mfa-keyless");

    @Test
    void theRoleBoxOfAKeylessConnectorNamesAssumeRoleWithWebIdentityAndSwitchesWithTheAccount() {
        JsonNode keyless = demoConnector("Developers (keyless)");
        String keylessAccountId = keyless.get("accountId").asText();
        String keysAccountName = null;
        for (JsonNode account : AdminRest.call(baseUrl, "GET", "/admin/accounts", null, 200).get("values")) {
            if (!account.get("type").asText().equals("WEB_IDENTITY")) {
                keysAccountName = account.get("name").asText();
            }
        }
        assertThat(keysAccountName).as("the demo's account with keys").isNotNull();

        openConnectorPage(keyless.get("id").asText());
        screenshot("keyless");
        assertThat(browser.find(CALL_KEYLESS).isDisplayed()).isTrue();
        assertThat(browser.find(CALL_KEYLESS).getText()).startsWith("STS call: AssumeRoleWithWebIdentity")
                .contains("The role's trust policy must admit this connector's token subject");
        assertThat(browser.find(CALL_WITH_KEYS).isDisplayed()).as("AssumeRole is not what this account calls")
                .isFalse();
        assertThat(browser.find(MFA_KEYLESS).getText()).isEqualTo(
                "MFA: not possible: AssumeRoleWithWebIdentity takes no MFA code.");
        WebElement guidance = browser.find(By.cssSelector("#awsc-type-info-IAM_ROLE a.awsc-keyless-guidance-link"));
        assertThat(guidance.getText()).isEqualTo("Trust this Jira in AWS");
        assertThat(guidance.getAttribute("href"))
                .endsWith("/admin/account?id=" + keylessAccountId + "#awsc-keyless-guidance");

        Select account = new Select(browser.find(By.id("accountId")));
        account.selectByVisibleText(keysAccountName);
        assertThat(browser.find(CALL_WITH_KEYS).isDisplayed()).isTrue();
        assertThat(browser.find(CALL_WITH_KEYS).getText()).isEqualTo(
                "STS call: AssumeRole, with the Jira user as the session name.");
        assertThat(browser.find(CALL_KEYLESS).isDisplayed()).isFalse();
        screenshot("switched-to-keys");

        account.selectByValue(keylessAccountId);
        assertThat(browser.find(CALL_KEYLESS).isDisplayed()).isTrue();
        assertThat(browser.find(CALL_WITH_KEYS).isDisplayed()).isFalse();
        assertThat(browser.consoleErrors()).filteredOn(message -> !message.contains("favicon.ico")).isEmpty();
    }

    @Test
    void withoutScriptsTheRoleBoxNamesTheCallOfTheAccountThePageCameWith() {
        browser.close();
        browser = Browser.openWithoutScripts();
        openConnectorPage(demoConnector("Developers (keyless)").get("id").asText());

        assertThat(browser.find(CALL_KEYLESS).isDisplayed()).isTrue();
        assertThat(browser.find(CALL_WITH_KEYS).isDisplayed()).isFalse();
    }

    @Test
    void aConnectorLeftWithAnMfaDeviceAndAnExternalIdWhenItsAccountTurnedKeylessIsTestedWithoutACode()
            throws SQLException {
        String accountId = AdminRest.call(baseUrl, "POST", "/admin/accounts", "{\"name\": \"Turning keyless\", "
                + "\"accessKeyId\": \"AKIAIOSFODNN7TURNING\", \"secretAccessKey\": "
                + "\"tEsTsEcReT/0123456789+abcdefghijKLMNOPQR\", \"partition\": \"aws\", \"region\": \"us-east-1\"}",
                201).get("id").asText();
        String connectorId = AdminRest.call(baseUrl, "POST", "/admin/connectors", "{\"name\": \"Old role\", "
                + "\"accountId\": \"" + accountId + "\", \"principalType\": \"IAM_ROLE\", \"roleArn\": "
                + "\"arn:aws:iam::123456789012:role/JiraUsers\"}", 201)
                .get("id").asText();
        // The account turns keyless afterwards, as an admin may do.
        ObjectNode turned = AdminRest.call(baseUrl, "GET", "/admin/accounts/" + accountId, null, 200).deepCopy();
        turned.put("type", "WEB_IDENTITY");
        turned.remove("accessKeyId");
        AdminRest.call(baseUrl, "PUT", "/admin/accounts/" + accountId, turned.toString(), 200);
        // An MFA device and an external ID as a row from a version that let an account with them turn keyless.
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:"
                + home.resolve("database").resolve("awsc") + ";AUTO_SERVER=TRUE", "sa", "")) {
            StoredRows.overwrite(connection, "CONNECTOR", UUID.fromString(connectorId), "MFA_SERIAL_NUMBER",
                    "arn:aws:iam::123456789012:mfa/admin");
            StoredRows.overwrite(connection, "CONNECTOR", UUID.fromString(connectorId), "EXTERNAL_ID",
                    "partner-7");
        }

        openConnectorPage(connectorId);
        screenshot("before-test");
        assertThat(browser.findAll(By.id("awsc-connector-test-mfa"))).as("no MFA code asked for").isEmpty();
        assertThat(browser.find(By.id("awsc-warnings")).getText()).contains(
                "AssumeRoleWithWebIdentity takes no MFA code, and the account Turning keyless uses Jira as identity "
                        + "provider; remove the MFA serial number.",
                "AssumeRoleWithWebIdentity takes no external ID, and the account Turning keyless uses Jira as "
                        + "identity provider; remove it.");

        browser.find(By.id("awsc-connector-test")).click();
        WebElement refusal = browser.waitUntil(driver -> driver.findElements(By.id("awsc-refusal")).isEmpty()
                ? null : driver.findElement(By.id("awsc-refusal")));
        screenshot("tested");
        assertThat(refusal.getText()).contains("Connector 'Old role' has the MFA device "
                + "arn:aws:iam::123456789012:mfa/admin, but its account 'Turning keyless' uses Jira as identity "
                + "provider, and AssumeRoleWithWebIdentity takes no MFA code; nothing was sent to AWS.");
    }

    private static JsonNode demoConnector(String name) {
        for (JsonNode connector : AdminRest.call(baseUrl, "GET", "/admin/connectors", null, 200).get("values")) {
            if (connector.get("name").asText().equals(name)) {
                return connector;
            }
        }
        throw new AssertionError("The demo has no connector " + name);
    }

    private void openConnectorPage(String connectorId) {
        browser.get(baseUrl + "/login.jsp");
        browser.logIn("admin", "admin");
        browser.get(baseUrl + "/plugins/servlet/aws-connectors/admin/connector?id=" + connectorId);
        browser.confirmWebSudo("admin");
        browser.waitUntil(driver -> driver.findElements(By.id("awsc-connector-test")).isEmpty() ? null : true);
    }
}
