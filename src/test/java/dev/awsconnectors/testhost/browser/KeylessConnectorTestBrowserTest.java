package dev.awsconnectors.testhost.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keyless account's connector tested on its admin page in a real browser: AWS's refusal of the token (here, an
 * audience the IAM OpenID Connect provider does not list) is shown in plain words, naming the audience and what to
 * do.
 */
class KeylessConnectorTestBrowserTest extends DemoHostBrowserTest {

    @Test
    void theConnectorPageExplainsAnAudienceTheProviderDoesNotList() {
        String keylessRoleArn = null;
        for (var connector : AdminRest.call(baseUrl, "GET", "/admin/connectors", null, 200).get("values")) {
            if (connector.get("name").asText().equals("Developers (keyless)")) {
                keylessRoleArn = connector.get("roleArn").asText();
            }
        }
        String accountId = AdminRest.call(baseUrl, "POST", "/admin/accounts", "{\"name\": \"Wrong audience\", "
                + "\"type\": \"WEB_IDENTITY\", \"partition\": \"aws\", \"region\": \"us-east-1\", \"audience\": "
                + "\"jira-prod\", \"endpointOverride\": \"" + host.localAwsEndpoint().orElseThrow() + "\"}", 201)
                .get("id").asText();
        String connectorId = AdminRest.call(baseUrl, "POST", "/admin/connectors", "{\"name\": \"Wrong audience "
                + "connector\", \"accountId\": \"" + accountId + "\", \"principalType\": \"IAM_ROLE\", \"roleArn\": \""
                + keylessRoleArn + "\"}", 201).get("id").asText();

        browser.get(baseUrl + "/login.jsp");
        browser.logIn("admin", "admin");
        browser.get(baseUrl + "/plugins/servlet/aws-connectors/admin/connector?id=" + connectorId);
        browser.confirmWebSudo("admin");
        browser.waitUntil(driver -> driver.findElements(By.id("awsc-connector-test")).isEmpty() ? null : true);
        browser.find(By.id("awsc-connector-test")).click();
        WebElement refusal = browser.waitUntil(driver -> driver.findElements(By.id("awsc-refusal")).isEmpty()
                ? null : driver.findElement(By.id("awsc-refusal")));
        screenshot("refusal");

        assertThat(refusal.getText()).contains("AWS STS refused the token Jira signed for connector 'Wrong audience "
                        + "connector' (account 'Wrong audience') when calling AssumeRoleWithWebIdentity "
                        + "(InvalidIdentityToken): the token's audience jira-prod is not one of the audiences",
                "Add jira-prod to that provider's audiences in IAM");
        assertThat(browser.find(By.id("awsc-connector-test")).isDisplayed()).as("Test can be run again").isTrue();
    }
}
