package dev.awsconnectors.testhost.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator manages accounts and connectors through the admin pages in a real browser, against the demo host
 * and its local AWS double: creates an account (correcting a validation error shown beside its field), creates one
 * connector of each principal type, tests one, and rotates the demo account's access key. Screenshots of each step
 * are kept (see {@link Browser#screenshotDirectory()}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminEditingBrowserTest extends DemoHostBrowserTest {
    private static final String OVERVIEW = "/plugins/servlet/aws-connectors/admin/connectors";

    @BeforeEach
    void logInAsAdministrator() {
        browser.get(baseUrl + OVERVIEW);
        browser.logIn("admin", "admin");
        browser.confirmWebSudo("admin");
        browser.waitFor(By.id("awsc-connectors-admin"));
    }

    @Test
    void anAdministratorCreatesAnAccountAfterCorrectingTheRegionTheFormRefused() {
        browser.click(By.id("awsc-add-account"));
        browser.waitFor(By.id("awsc-account-form"));
        type("name", "Sandbox account");
        type("description", "Created in the browser");
        new Select(browser.find(By.id("type"))).selectByValue("ACCESS_KEY");
        type("accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        type("secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        type("region", "Europe");
        screenshot("1-new-account");
        browser.click(By.id("awsc-account-save"));

        WebElement error = browser.waitFor(By.id("region-error"));
        screenshot("2-region-refused");
        assertThat(error.getText()).contains("Europe is not an AWS region code");
        assertThat(value("name")).isEqualTo("Sandbox account");
        assertThat(value("accessKeyId")).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(value("secretAccessKey")).as("the secret is never sent back").isEmpty();

        type("region", "eu-west-1");
        type("secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        browser.click(By.id("awsc-account-save"));
        browser.waitFor(By.id("awsc-notice"));
        screenshot("3-account-saved");
        assertThat(browser.pageSource()).doesNotContain("wJalrXUtnFEMI");

        browser.get(baseUrl + OVERVIEW);
        assertThat(browser.bodyText()).contains("Sandbox account", "AKIA************MPLE");
        assertThat(host.auditLog().events()).anySatisfy(event ->
                assertThat(event.getActionI18nKey()).isEqualTo("awsc.audit.account.created"));
        assertThat(host.auditLog().readLogAsJsonText()).doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void anAdministratorCreatesOneConnectorOfEachPrincipalTypeAndTestsTheRoleConnector() {
        // Federated User, with a policy example picked from the list.
        openNewConnector();
        type("name", "Browser federated");
        new Select(browser.find(By.id("accountId"))).selectByVisibleText("Demo account");
        new Select(browser.find(By.id("principalType"))).selectByValue("FEDERATED_USER");
        assertThat(browser.find(By.id("roleArn")).isDisplayed()).as("no role field for federated users").isFalse();
        new Select(browser.find(By.id("awsc-policy-example"))).selectByIndex(1);
        assertThat(value("policy")).contains("\"Statement\"");
        screenshot("1-federated");
        browser.click(By.id("awsc-connector-save"));
        browser.waitFor(By.id("awsc-notice"));

        // IAM User.
        openNewConnector();
        type("name", "Browser IAM user");
        new Select(browser.find(By.id("accountId"))).selectByVisibleText("Demo account");
        new Select(browser.find(By.id("principalType"))).selectByValue("IAM_USER");
        assertThat(browser.find(By.id("policy")).isDisplayed()).as("no session policy for IAM users").isFalse();
        assertThat(browser.find(By.id("awsc-type-info-IAM_USER")).getText()).contains("GetSessionToken");
        screenshot("2-iam-user");
        browser.click(By.id("awsc-connector-save"));
        browser.waitFor(By.id("awsc-notice"));

        // IAM Role, its ARN picked from the account's roles; first with a duration AWS does not allow.
        openNewConnector();
        type("name", "Browser role");
        new Select(browser.find(By.id("accountId"))).selectByVisibleText("Demo account");
        new Select(browser.find(By.id("principalType"))).selectByValue("IAM_ROLE");
        type("maxDurationSeconds", "100000");
        browser.click(By.id("awsc-load-roles"));
        browser.waitFor(By.id("roleChoice"));
        Select roles = new Select(browser.find(By.id("roleChoice")));
        assertThat(roles.getOptions()).hasSizeGreaterThan(1);
        roles.selectByIndex(1);
        assertThat(value("roleArn")).contains(":role/developer");
        screenshot("3-role-picked");
        browser.click(By.id("awsc-connector-save"));
        WebElement durationError = browser.waitFor(By.id("maxDurationSeconds-error"));
        screenshot("4-duration-refused");
        assertThat(durationError.getText()).contains("43,200");
        assertThat(value("name")).isEqualTo("Browser role");
        type("maxDurationSeconds", "3600");
        browser.click(By.id("awsc-connector-save"));
        browser.waitFor(By.id("awsc-notice"));

        browser.click(By.id("awsc-connector-test"));
        WebElement arn = browser.waitFor(By.id("awsc-test-arn"));
        screenshot("5-tested");
        assertThat(arn.getText()).contains("assumed-role/developer");

        browser.get(baseUrl + OVERVIEW);
        assertThat(browser.bodyText()).contains("Browser federated", "Browser IAM user", "Browser role");
    }

    @Test
    void anAdministratorValidatesAndRotatesTheDemoAccountsAccessKey() {
        browser.click(By.cssSelector("#awsc-accounts .awsc-account-edit"));
        browser.waitFor(By.id("awsc-account-form"));
        browser.click(By.id("awsc-account-validate"));
        WebElement accountId = browser.waitFor(By.id("awsc-validation-account-id"));
        assertThat(accountId.getText()).isEqualTo("123456789012");
        screenshot("1-validated");

        browser.click(By.id("awsc-account-rotate"));
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("awsc-confirm-dialog-confirm")));
        browser.click(By.id("awsc-confirm-dialog-confirm"));
        browser.waitFor(By.id("awsc-rotation"));
        screenshot("2-rotated");
        assertThat(browser.find(By.id("awsc-rotation")).getText()).contains("The access key was rotated.");
        assertThat(browser.findAll(By.cssSelector(".awsc-rotation-step"))).isNotEmpty();
        // Each step's name and what happened, said by the host's i18n from their keys and arguments.
        assertThat(browser.find(By.id("awsc-rotation")).getText()).contains("Create a new access key",
                "Created access key ", "AWS STS accepts the new key ", "Deleted the old access key ")
                .doesNotContain("awsc.");

        browser.click(By.id("awsc-account-validate"));
        assertThat(browser.waitFor(By.id("awsc-validation-account-id")).getText())
                .as("the new key works").isEqualTo("123456789012");

        browser.get(baseUrl + OVERVIEW);
        WebElement lastValidated = browser.waitFor(By.cssSelector("#awsc-accounts .awsc-account-last-validated"));
        screenshot("3-last-validated");
        assertThat(lastValidated.getText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
        assertThat(browser.pageSource()).as("escaped once, by the templates only")
                .doesNotContain("&amp;amp;", "&amp;#39;", "&amp;quot;", "&amp;lt;");
    }

    @Test
    @Order(1)
    void afterEditingAnAccountTheConnectorEditorStillShowsOnlyTheChosenTypesFields() {
        // Jira renders all of the app's templates in one Velocity engine; the account editor goes first here, and
        // this test runs first in the class (the host is the class's), so no connector editor was rendered before.
        browser.click(By.cssSelector("#awsc-accounts .awsc-account-edit"));
        browser.waitFor(By.id("awsc-account-form"));

        openNewConnector();
        new Select(browser.find(By.id("principalType"))).selectByValue("FEDERATED_USER");
        screenshot("1-federated-after-account");
        assertThat(browser.find(By.id("mfaSerialNumber")).isDisplayed()).as("no MFA device for federated users")
                .isFalse();
        assertThat(browser.find(By.id("consoleDestination")).isDisplayed()).isTrue();

        new Select(browser.find(By.id("principalType"))).selectByValue("IAM_USER");
        assertThat(browser.find(By.id("mfaSerialNumber")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("consoleDestination")).isDisplayed()).as("no console sign-in for IAM users")
                .isFalse();
    }

    private void openNewConnector() {
        browser.get(baseUrl + OVERVIEW);
        browser.click(By.id("awsc-add-connector"));
        browser.waitFor(By.id("awsc-connector-form"));
    }

    private void type(String id, String text) {
        WebElement field = browser.find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String value(String id) {
        return browser.find(By.id(id)).getAttribute("value");
    }
}
