package dev.awsconnectors.testhost.browser;

import dev.awsconnectors.testhost.demo.StoredData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delete and Rotate ask before they act, in a real browser against the demo host with AUI: with scripts, in AUI's
 * dialog (Cancel changes nothing, confirming acts); without scripts, on a confirmation page the server answers.
 */
class ConfirmationBrowserTest extends DemoHostBrowserTest {
    private static final String ADMIN = "/plugins/servlet/aws-connectors/admin";
    private static final String DIALOG = "awsc-confirm-dialog";

    @Test
    void deletingAnAccountAsksInADialogThatCancelLeavesAndConfirmingDeletes() throws Exception {
        UUID account = createAccount("Dialog delete", "AKIADIALOGDELETE0001");
        openAsAdministrator(ADMIN + "/account?id=" + account);

        browser.click(By.id("awsc-account-delete"));
        WebElement dialog = browser.visibleDialog(DIALOG);
        screenshot("1-asked");
        assertThat(dialog.getText()).contains("Delete account 'Dialog delete'?", "AKIA************0001",
                "This cannot be undone.").doesNotContain("AKIADIALOGDELETE0001");

        browser.click(By.id("awsc-confirm-dialog-cancel"));
        browser.dialogGone(DIALOG);
        screenshot("2-cancelled");
        assertThat(browser.currentUrl()).contains("/account?id=" + account);
        assertThat(new StoredData(host.plugin()).accountIdsByName()).containsValue(account);

        browser.click(By.id("awsc-account-delete"));
        browser.visibleDialog(DIALOG);
        browser.click(By.id("awsc-confirm-dialog-confirm"));
        browser.waitFor(By.id("awsc-notice"));
        screenshot("3-deleted");
        assertThat(new StoredData(host.plugin()).accountIdsByName()).doesNotContainValue(account);
        assertThat(host.auditLog().events()).filteredOn(event ->
                event.getActionI18nKey().equals("awsc.audit.account.deleted")).hasSize(1);
    }

    @Test
    void rotatingTheKeyAsksInADialogThatCancelLeavesAndConfirmingRotates() {
        openAsAdministrator(ADMIN + "/account?id=" + demoAccount());
        String before = value("accessKeyId");

        browser.click(By.id("awsc-account-rotate"));
        WebElement dialog = browser.visibleDialog(DIALOG);
        screenshot("1-asked");
        assertThat(dialog.getText()).contains("Rotate the access key of account 'Demo account'?",
                "stops working");

        browser.click(By.id("awsc-confirm-dialog-cancel"));
        browser.dialogGone(DIALOG);
        browser.get(baseUrl + ADMIN + "/account?id=" + demoAccount());
        assertThat(value("accessKeyId")).as("the key is the same after Cancel").isEqualTo(before);
        assertThat(host.auditLog().events()).noneSatisfy(event ->
                assertThat(event.getActionI18nKey()).isEqualTo("awsc.audit.account.keyRotated"));

        browser.click(By.id("awsc-account-rotate"));
        browser.visibleDialog(DIALOG);
        browser.click(By.id("awsc-confirm-dialog-confirm"));
        WebElement rotation = browser.waitFor(By.id("awsc-rotation"));
        screenshot("2-rotated");
        assertThat(rotation.getText()).contains("The access key was rotated.");
        assertThat(value("accessKeyId")).isNotEqualTo(before);
        assertThat(browser.consoleErrors()).as("console errors")
                .filteredOn(message -> !message.contains("favicon.ico")).isEmpty();
    }

    @Test
    void withoutScriptsDeleteAndRotateShowAConfirmationPageAndChangeNothingUntilConfirmed() throws Exception {
        browser.close();
        browser = Browser.openWithoutScripts();
        UUID account = createAccount("Page delete", "AKIAPAGEDELETE000002");
        UUID connector = new StoredData(host.plugin()).connectorId("Break glass");
        openAsAdministrator(ADMIN + "/account?id=" + account);
        assertThat(browser.findAll(By.id(DIALOG))).isEmpty();

        browser.click(By.id("awsc-account-rotate"));
        assertThat(browser.waitFor(By.id("awsc-confirm-question")).getText()).contains("AKIA************0002");
        screenshot("1-rotate-asked");
        assertThat(browser.find(By.cssSelector("#awsc-confirm-page h1")).getText())
                .isEqualTo("Rotate the access key of account 'Page delete'?");
        assertThat(browser.title()).as("the page's title, escaped once as Jira's decorator does")
                .isEqualTo("Rotate the access key of account 'Page delete'? - Jira");
        browser.click(By.id("awsc-confirm-cancel"));
        assertThat(value("accessKeyId")).as("back on the account, its key unchanged")
                .isEqualTo("AKIAPAGEDELETE000002");

        browser.click(By.id("awsc-account-delete"));
        browser.waitFor(By.id("awsc-confirm-form"));
        screenshot("2-delete-asked");
        assertThat(browser.bodyText()).contains("Delete account 'Page delete'?", "AKIA************0002")
                .doesNotContain("AKIAPAGEDELETE000002");
        assertThat(new StoredData(host.plugin()).accountIdsByName()).containsValue(account);
        browser.click(By.id("awsc-confirm"));
        browser.waitFor(By.id("awsc-notice"));
        assertThat(new StoredData(host.plugin()).accountIdsByName()).doesNotContainValue(account);

        browser.get(baseUrl + ADMIN + "/connector?id=" + connector);
        browser.click(By.id("awsc-connector-delete"));
        browser.waitFor(By.id("awsc-confirm-form"));
        screenshot("3-connector-delete-asked");
        assertThat(browser.bodyText()).contains("Delete connector 'Break glass'?",
                "can no longer get credentials from it");
        assertThat(new StoredData(host.plugin()).connectorIdsByName()).containsValue(connector);
        browser.click(By.id("awsc-confirm"));
        browser.waitFor(By.id("awsc-notice"));
        assertThat(new StoredData(host.plugin()).connectorIdsByName()).doesNotContainValue(connector);
        assertThat(host.auditLog().events()).filteredOn(event ->
                event.getActionI18nKey().equals("awsc.audit.account.keyRotated")).isEmpty();
    }

    private void openAsAdministrator(String path) {
        browser.get(baseUrl + path);
        browser.logIn("admin", "admin");
        browser.confirmWebSudo("admin");
        browser.waitFor(By.id("awsc-account-form"));
    }

    private static UUID demoAccount() {
        return new StoredData(host.plugin()).accountId("Demo account");
    }

    /** Creates an access-key account through the REST API, as an administrator's script would. */
    private static UUID createAccount(String name, String accessKeyId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/rest/aws-connectors/1.0/admin/accounts"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\", \"accessKeyId\": \""
                        + accessKeyId + "\", \"secretAccessKey\": \"tEsTsEcReT/0123456789+abcdefghijKLMNOPQR\","
                        + " \"partition\": \"aws\", \"region\": \"eu-west-1\"}"))
                .build();
        HttpResponse<String> created = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new StoredData(host.plugin()).accountId(name);
    }

    private String value(String id) {
        return browser.waitFor(By.id(id)).getAttribute("value");
    }
}
