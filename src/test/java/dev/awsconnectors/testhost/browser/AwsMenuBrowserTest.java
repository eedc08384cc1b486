package dev.awsconnectors.testhost.browser;

import dev.awsconnectors.testhost.demo.StoredData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "AWS" menu of the top navigation in a real browser against the demo host: logged-in users open it and see
 * exactly the connectors they may use (or an entry saying they have none) and "My AWS connectors"; an entry leads
 * to that connector on the page. The menu is built only when opened: its sections are lazy, so the page has none
 * of its entries until the host's menu resource is asked. Anonymous visitors have no AWS menu. A screenshot of every step is kept (see
 * {@link Browser#screenshotDirectory()}); the open menu's is the README's {@code docs/images/user-aws-menu.png}.
 */
class AwsMenuBrowserTest extends DemoHostBrowserTest {
    private static final String MY_PAGE = "/plugins/servlet/aws-connectors/my";
    private static final String FEDERATED = "Developers (federated)";
    private static final String ROLE = "Developers (role)";
    private static final String KEYLESS = "Developers (keyless)";
    private static final String BREAK_GLASS = "Break glass";
    private static final String MY_CONNECTORS = "My AWS connectors";

    @Test
    void aliceOpensTheAwsMenuSeesExactlyHerConnectorsAndLandsOnTheOneSheClicks() {
        logIn("alice", "alice");
        WebElement top = browser.waitUntil(
                ExpectedConditions.elementToBeClickable(By.id("aws-connectors-top-link")));
        assertThat(top.getText().strip()).isEqualTo("AWS");
        assertThat(browser.find(By.id("aws-connectors-top-link-content")).isDisplayed())
                .as("the menu is closed until clicked").isFalse();
        assertThat(browser.findAll(By.cssSelector("#aws-connectors-top-link-content a")))
                .as("the menu is built only when opened, as Jira loads a lazy dropdown").isEmpty();
        assertThat(browser.pageSource()).doesNotContain(FEDERATED, ROLE);

        WebElement menu = open(top);
        screenshot("1-open-menu");

        assertThat(texts(menu)).containsExactly(FEDERATED, KEYLESS, ROLE, MY_CONNECTORS);
        WebElement federated = menu.findElement(By.id("aws-connector-" + idOf(FEDERATED)));
        assertThat(federated.getText()).isEqualTo(FEDERATED);
        assertThat(federated.getAttribute("title"))
                .isEqualTo("Federated User: Read-only federated user named after you");
        assertThat(menu.findElement(By.id("aws-connectors-menu-my-link")).getAttribute("href"))
                .isEqualTo(baseUrl + MY_PAGE);

        UUID role = idOf(ROLE);
        menu.findElement(By.id("aws-connector-" + role)).click();
        browser.waitUntil(d -> d.findElements(By.id("awsc-my-connectors")).isEmpty() ? null : true);
        screenshot("2-at-the-connector");

        assertThat(browser.currentUrl()).isEqualTo(baseUrl + MY_PAGE + "#awsc-connector-" + role);
        Object target = ((JavascriptExecutor) browser.driver()).executeScript("var t = document.querySelector("
                + "':target'); return t && t.querySelector('.awsc-connector-name').textContent;");
        assertThat(target).as("the connector block the URL's fragment points at").isEqualTo(ROLE);
    }

    @Test
    void bobInNoGroupSeesAnEntrySayingSoThatLeadsToThePageWhichSaysWhomToAsk() {
        logIn("bob", "bob");
        WebElement menu = open(browser.waitUntil(
                ExpectedConditions.elementToBeClickable(By.id("aws-connectors-top-link"))));
        screenshot("1-open-menu");

        assertThat(texts(menu)).containsExactly("No AWS connectors available to you", MY_CONNECTORS);
        assertThat(browser.pageSource()).doesNotContain(FEDERATED, ROLE, BREAK_GLASS);

        menu.findElement(By.id("aws-connectors-menu-none")).click();
        WebElement empty = browser.waitUntil(
                ExpectedConditions.visibilityOfElementLocated(By.id("awsc-no-connectors")));
        screenshot("2-page");
        assertThat(empty.getText()).contains("Jira administrators");
    }

    @Test
    void anAdministratorSeesEveryConnectorByName() {
        logIn("admin", "admin");
        WebElement menu = open(browser.waitUntil(
                ExpectedConditions.elementToBeClickable(By.id("aws-connectors-top-link"))));
        screenshot("1-open-menu");

        assertThat(texts(menu)).containsExactly(BREAK_GLASS, FEDERATED, KEYLESS, ROLE, MY_CONNECTORS);
    }

    @Test
    void anonymousVisitorsHaveNoAwsMenu() {
        browser.get(baseUrl + "/login.jsp");
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("login-form-username")));
        screenshot("1-login-page");

        assertThat(browser.findAll(By.id("header"))).as("the page has the host's header").hasSize(1);
        assertThat(browser.findAll(By.id("aws-connectors-top-link"))).isEmpty();
        assertThat(browser.pageSource()).doesNotContain("aws-connectors-top-link", MY_CONNECTORS);
    }

    private void logIn(String user, String password) {
        browser.get(baseUrl + "/login.jsp"); // then the dashboard
        browser.logIn(user, password);
    }

    /** Opens the menu and waits until its lazy content has been fetched. */
    private WebElement open(WebElement top) {
        top.click();
        WebElement menu = browser.waitUntil(
                ExpectedConditions.visibilityOfElementLocated(By.id("aws-connectors-top-link-content")));
        browser.waitUntil(ExpectedConditions.attributeToBe(menu, "aria-busy", "false"));
        return menu;
    }

    private static List<String> texts(WebElement menu) {
        return menu.findElements(By.tagName("a")).stream().map(a -> a.getText().strip()).toList();
    }

    private static UUID idOf(String connectorName) {
        return new StoredData(host.plugin()).connectorId(connectorName);
    }
}
