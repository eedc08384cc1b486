package dev.awsconnectors.testhost.browser;

import dev.awsconnectors.testhost.demo.ManyConnectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The long lists in a real browser, after an administrator added 120 connectors ({@code team-001} to
 * {@code team-120}) for alice's group: My AWS connectors and the admin page show 50 at a time with a filter box
 * that works as a plain GET form, whose links to the next page keep the filter; the AWS menu lists five and leads
 * to the page for the rest.
 */
class PagingBrowserTest extends DemoHostBrowserTest {
    private static final String MY_PAGE = "/plugins/servlet/aws-connectors/my";
    private static final String ADMIN_PAGE = "/plugins/servlet/aws-connectors/admin/connectors";

    @BeforeAll
    static void anAdministratorAddedManyConnectors() {
        ManyConnectors.add(host, 120);
    }

    @Test
    void aliceSeesFiftyConnectorsAtATimeAndTheNextPageLinkLeadsToTheNextFifty() {
        logIn("alice");
        browser.get(baseUrl + MY_PAGE);
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("awsc-connectors")));
        screenshot("1-first-page");

        assertThat(connectorNames()).hasSize(50).startsWith("Developers (federated)", "Developers (keyless)",
                "Developers (role)", "team-001").endsWith("team-047");
        assertThat(browser.find(By.id("awsc-connectors-pager")).getText()).contains("1-50 of 123");
        assertThat(browser.findAll(By.id("awsc-connectors-previous"))).isEmpty();

        browser.find(By.id("awsc-connectors-next")).click();
        browser.waitUntil(ExpectedConditions.urlContains("startAt=50"));
        screenshot("2-second-page");

        assertThat(connectorNames()).hasSize(50).startsWith("team-048").endsWith("team-097");
        assertThat(browser.find(By.id("awsc-connectors-pager")).getText()).contains("51-100 of 123");
        assertThat(browser.findAll(By.id("awsc-connectors-previous"))).hasSize(1);
    }

    @Test
    void theFilterBoxKeepsConnectorsWhoseNameContainsTheTextAndTheNextPageKeepsTheFilter() {
        logIn("alice");
        browser.get(baseUrl + MY_PAGE);
        filter("TEAM");
        browser.waitUntil(ExpectedConditions.urlContains("query=TEAM"));
        screenshot("1-filtered");

        assertThat(connectorNames()).hasSize(50).allSatisfy(name -> assertThat(name).startsWith("team-"));
        assertThat(browser.find(By.id("awsc-filter-query")).getAttribute("value")).isEqualTo("TEAM");
        assertThat(browser.find(By.id("awsc-connectors-pager")).getText()).contains("1-50 of 120");

        browser.find(By.id("awsc-connectors-next")).click();
        browser.waitUntil(ExpectedConditions.urlContains("startAt=50"));
        assertThat(browser.currentUrl()).contains("query=TEAM");
        assertThat(connectorNames()).startsWith("team-051");

        filter("no such connector");
        WebElement none = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("awsc-no-match")));
        screenshot("2-no-match");
        assertThat(none.getText()).contains("no such connector");
        assertThat(browser.findAll(By.id("awsc-no-connectors"))).as("not the message for someone with none").isEmpty();
    }

    @Test
    void theFilterWorksWithoutScriptsAsAPlainGetForm() {
        browser.close();
        browser = Browser.openWithoutScripts();
        logIn("alice");
        browser.get(baseUrl + MY_PAGE);
        filter("team-01");
        browser.waitUntil(ExpectedConditions.urlContains("query=team-01"));

        assertThat(connectorNames()).hasSize(10).startsWith("team-010").endsWith("team-019");
    }

    @Test
    void theAdminPageShowsFiftyConnectorsAtATimeFilteredByName() {
        logIn("admin");
        browser.get(baseUrl + ADMIN_PAGE);
        browser.confirmWebSudo("admin");
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("awsc-connectors")));
        screenshot("1-admin-first-page");

        assertThat(texts(By.cssSelector("#awsc-connectors .awsc-connector-name"))).hasSize(50);
        assertThat(browser.find(By.id("awsc-connectors-pager")).getText()).contains("1-50 of 124");
        browser.find(By.id("awsc-connectors-next")).click();
        browser.waitUntil(ExpectedConditions.urlContains("connectorsStartAt=50"));
        assertThat(texts(By.cssSelector("#awsc-connectors .awsc-connector-name"))).hasSize(50)
                .startsWith("team-047");

        filter("team-12");
        browser.waitUntil(ExpectedConditions.urlContains("query=team-12"));
        screenshot("2-admin-filtered");
        assertThat(texts(By.cssSelector("#awsc-connectors .awsc-connector-name"))).containsExactly("team-120");
        assertThat(browser.currentUrl()).as("a new filter starts each list at its first page")
                .doesNotContain("connectorsStartAt");
        assertThat(browser.find(By.id("awsc-accounts-no-match")).getText()).contains("team-12");
    }

    @Test
    void theAwsMenuListsFiveConnectorsAndLeadsToThePageForAllOfThem() {
        logIn("alice");
        WebElement top = browser.waitUntil(
                ExpectedConditions.elementToBeClickable(By.id("aws-connectors-top-link")));
        assertThat(browser.pageSource()).as("the menu is not built with the page").doesNotContain("team-001");
        top.click();
        WebElement menu = browser.waitUntil(
                ExpectedConditions.visibilityOfElementLocated(By.id("aws-connectors-top-link-content")));
        browser.waitUntil(ExpectedConditions.attributeToBe(menu, "aria-busy", "false"));
        screenshot("1-menu");

        List<String> entries = menu.findElements(By.tagName("a")).stream().map(a -> a.getText().strip()).toList();
        assertThat(entries).containsExactly("Developers (federated)", "Developers (keyless)", "Developers (role)",
                "team-001", "team-002", "All 123 of your AWS connectors...", "My AWS connectors");

        menu.findElement(By.id("aws-connectors-menu-more")).click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("awsc-connectors")));
        assertThat(browser.currentUrl()).isEqualTo(baseUrl + MY_PAGE);
    }

    private void logIn(String user) {
        browser.get(baseUrl + "/login.jsp");
        browser.logIn(user, user);
    }

    private void filter(String text) {
        WebElement box = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("awsc-filter-query")));
        box.clear();
        box.sendKeys(text);
        browser.find(By.id("awsc-filter-submit")).click();
    }

    private List<String> connectorNames() {
        return texts(By.cssSelector("#awsc-connectors .awsc-connector-name"));
    }

    private List<String> texts(By by) {
        return browser.findAll(by).stream().map(e -> e.getText().strip()).toList();
    }
}
