package dev.awsconnectors.testhost.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsconnectors.testhost.demo.StoredData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing keys on a keyless account's page, in a real browser against the demo host with the built plugin: the
 * admin sees the key that signs now, as the JWKS AWS reads publishes it; Rotate asks first (in AUI's dialog, or on
 * a page without scripts), and then the page shows the next key with when it starts signing, and the JWKS
 * publishes it.
 */
class SigningKeyRotationBrowserTest extends DemoHostBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "/plugins/servlet/aws-connectors/admin";
    private static final String DIALOG = "awsc-confirm-dialog";
    /** How the admin pages write a time. */
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * Each test starts from one signing key, as a new site does: a next key waits an hour before it signs, and no
     * rotation is offered meanwhile. Without the file, the app makes and publishes a new key on first use.
     */
    @BeforeEach
    void startFromOneKey() throws IOException {
        Files.deleteIfExists(host.options().home().resolve("aws-connectors").resolve("oidc-signing-keys"));
    }

    @Test
    void anAdminSeesTheCurrentKeyRotatesAfterConfirmingAndThenSeesTheNextKeyWithItsStartAsTheJwksPublishesIt()
            throws Exception {
        openKeylessAccount();
        List<String> served = servedKids();
        assertThat(served).hasSize(1);
        String current = served.get(0);
        WebElement currentRow = browser.find(By.id("awsc-signing-key-" + current));
        showSigningKeys();
        screenshot("1-current-key");
        assertThat(currentRow.getText()).contains(current, "Signs tokens now");
        assertThat(browser.find(By.id("awsc-keyless-guidance")).getText())
                .contains("same for every keyless account and every node");

        browser.click(By.id("awsc-signing-key-rotate"));
        WebElement dialog = browser.visibleDialog(DIALOG);
        screenshot("2-asked");
        assertThat(dialog.getText()).contains("Rotate the signing key?",
                "starts signing tokens in 60 minutes, for every keyless account of this Jira");
        browser.click(By.id("awsc-confirm-dialog-cancel"));
        browser.dialogGone(DIALOG);
        assertThat(servedKids()).as("Cancel rotates nothing").containsExactly(current);

        browser.click(By.id("awsc-signing-key-rotate"));
        browser.visibleDialog(DIALOG);
        Instant before = Instant.now();
        browser.click(By.id("awsc-confirm-dialog-confirm"));
        WebElement rotated = browser.waitFor(By.id("awsc-signing-key-rotation"));
        Instant after = Instant.now();
        showSigningKeys();
        screenshot("3-rotated");

        List<String> published = servedKids();
        assertThat(published).hasSize(2).contains(current);
        String next = published.stream().filter(kid -> !kid.equals(current)).findFirst().orElseThrow();
        List<String> starts = List.of(MINUTE.format(before.plus(Duration.ofHours(1))),
                MINUTE.format(after.plus(Duration.ofHours(1))));
        assertThat(rotated.getText()).contains("The new signing key " + next + " is published.",
                "for every keyless account of this Jira");
        assertThat(starts).anySatisfy(start -> assertThat(rotated.getText()).contains("at " + start));
        String nextRow = browser.find(By.id("awsc-signing-key-" + next)).getText();
        assertThat(starts).anySatisfy(start -> assertThat(nextRow).contains("Published, signs tokens from " + start));
        assertThat(browser.find(By.id("awsc-signing-key-" + current)).getText()).contains("Signs tokens now");
        assertThat(browser.findAll(By.id("awsc-signing-key-rotate"))).as("no rotation while the next key waits")
                .isEmpty();
        assertThat(browser.find(By.id("awsc-signing-key-waiting")).getText()).contains(next);
        assertThat(host.auditLog().events()).last().satisfies(event -> {
            assertThat(event.getActionI18nKey()).isEqualTo("awsc.audit.oidc.signingKeyRotated");
            assertThat(event.getChangedValues()).singleElement()
                    .satisfies(change -> assertThat(change.getTo()).isEqualTo(next));
        });
        assertThat(browser.consoleErrors()).as("console errors")
                .filteredOn(message -> !message.contains("favicon.ico")).isEmpty();
    }

    @Test
    void withoutScriptsTheRotationAsksOnAPageThatCancelLeavesAndConfirmingRotates() throws Exception {
        browser.close();
        browser = Browser.openWithoutScripts();
        openKeylessAccount();
        String current = servedKids().get(0);

        browser.click(By.id("awsc-signing-key-rotate"));
        assertThat(browser.waitFor(By.id("awsc-confirm-question")).getText())
                .contains("for every keyless account of this Jira");
        screenshot("1-asked");
        assertThat(browser.find(By.cssSelector("#awsc-confirm-page h1")).getText())
                .isEqualTo("Rotate the signing key?");
        browser.click(By.id("awsc-confirm-cancel"));
        browser.waitFor(By.id("awsc-signing-key-rotate"));
        assertThat(servedKids()).as("Cancel rotates nothing").containsExactly(current);

        browser.click(By.id("awsc-signing-key-rotate"));
        browser.click(By.id("awsc-confirm"));
        WebElement rotated = browser.waitFor(By.id("awsc-signing-key-rotation"));
        screenshot("2-rotated");

        List<String> published = servedKids();
        assertThat(published).hasSize(2).contains(current);
        String next = published.stream().filter(kid -> !kid.equals(current)).findFirst().orElseThrow();
        assertThat(rotated.getText()).contains("The new signing key " + next + " is published.");
        assertThat(browser.find(By.id("awsc-signing-key-" + next)).getText()).contains("Published, signs tokens from");
    }

    private void openKeylessAccount() {
        browser.get(baseUrl + ADMIN + "/account?id=" + new StoredData(host.plugin()).accountId("Keyless demo account"));
        browser.logIn("admin", "admin");
        browser.confirmWebSudo("admin");
        browser.waitFor(By.id("awsc-account-form"));
    }

    /** The key ids of the JWKS the issuer serves AWS, without login. */
    private static List<String> servedKids() throws Exception {
        HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/rest/aws-connectors/1.0/oidc/jwks")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(jwks.statusCode()).isEqualTo(200);
        List<String> kids = new ArrayList<>();
        JSON.readTree(jwks.body()).get("keys").forEach(key -> kids.add(key.get("kid").asText()));
        return kids;
    }

    /** Scrolls to the signing keys, for the screenshot. */
    private void showSigningKeys() {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()",
                browser.find(By.id("awsc-signing-keys")));
    }
}
