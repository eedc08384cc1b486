package dev.awsconnectors.testhost.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "My AWS connectors" in a real browser against the demo host and the local AWS double: alice finds the page from
 * the top navigation's AWS menu and the profile menu, gets credentials in every format and opens the console; bob,
 * in no group, sees the empty state. A screenshot of every step is kept (see {@link Browser#screenshotDirectory()}).
 */
class MyConnectorsBrowserTest extends DemoHostBrowserTest {
    private static final String MY_PAGE = "/plugins/servlet/aws-connectors/my";
    private static final String FEDERATED = "Developers (federated)";
    private static final String ROLE = "Developers (role)";
    private static final String KEYLESS = "Developers (keyless)";
    private static final Pattern TEMPORARY_KEY_ID = Pattern.compile("ASIA[A-Z0-9]{16}");

    @Test
    void aliceOpensTheAwsEntryAndSeesHerTwoConnectorsAlsoFromTheProfileMenu() {
        logIn("alice", "alice");
        browser.get(baseUrl + "/secure/Dashboard.jspa");
        WebElement topEntry = browser.waitUntil(
                ExpectedConditions.elementToBeClickable(By.id("aws-connectors-top-link")));
        assertThat(topEntry.getText().strip()).isEqualTo("AWS");
        topEntry.click();
        browser.waitUntil(ExpectedConditions.elementToBeClickable(By.id("aws-connectors-menu-my-link"))).click();
        waitForPage();
        screenshot("1-my-connectors");

        assertThat(browser.currentUrl()).contains(MY_PAGE);
        assertThat(browser.title()).contains("My AWS connectors");
        assertThat(texts(By.cssSelector(".awsc-connector-name"))).containsExactly(FEDERATED, KEYLESS, ROLE);
        WebElement federated = connector(FEDERATED);
        assertThat(federated.findElement(By.cssSelector(".awsc-connector-principal-type")).getText())
                .isEqualTo("Federated User");
        assertThat(federated.findElement(By.cssSelector(".awsc-connector-description")).getText())
                .isEqualTo("Read-only federated user named after you");
        assertThat(federated.findElement(By.cssSelector(".awsc-connector-max-duration")).getText())
                .isEqualTo("AWS default");
        assertThat(connector(ROLE).findElement(By.cssSelector(".awsc-connector-principal-type")).getText())
                .isEqualTo("IAM Role");
        assertThat(browser.findAll(By.cssSelector(".awsc-open-console"))).hasSize(3);
        assertThat(browser.bodyText()).doesNotContain("Break glass");

        browser.find(By.cssSelector("#user-options summary")).click();
        WebElement profileEntry = browser.waitUntil(
                ExpectedConditions.elementToBeClickable(By.id("aws-connectors-profile-link")));
        screenshot("2-profile-menu");
        assertThat(profileEntry.getText().strip()).isEqualTo("My AWS connectors");
        assertThat(profileEntry.getAttribute("href")).isEqualTo(baseUrl + MY_PAGE);
    }

    @Test
    void aliceGetsWorkingCredentialsFromTheFederatedConnectorInEveryFormat() {
        logIn("alice", "alice");
        browser.get(baseUrl + MY_PAGE);
        waitForPage();

        WebElement federated = connector(FEDERATED);
        String connectorId = federated.getAttribute("data-connector-id");
        Select duration = new Select(federated.findElement(By.cssSelector("select.awsc-duration")));
        assertThat(duration.getOptions()).extracting(WebElement::getText)
                .startsWith("AWS default", "15 minutes", "30 minutes", "1 hour").contains("12 hours");
        duration.selectByVisibleText("2 hours");
        federated.findElement(By.cssSelector(".awsc-get-credentials")).click();
        WebElement dialog = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("awsc-credentials")));
        browser.waitUntil(d -> d.findElement(By.id("awsc-countdown")).getText().startsWith("Time left:") ? true : null);
        screenshot("1-credentials-dialog");

        assertThat(dialog.findElement(By.id("awsc-credentials-title")).getText())
                .isEqualTo("Credentials from " + FEDERATED);
        String keyId = browser.find(By.id("awsc-access-key-id")).getText().strip();
        assertThat(keyId).matches(TEMPORARY_KEY_ID);
        assertThat(browser.find(By.id("awsc-principal-arn")).getText()).endsWith(":federated-user/alice");
        assertThat(browser.find(By.id("awsc-countdown")).getText()).matches("Time left: 1:59:[0-5][0-9]|Time left: 2:00:00");

        Map<String, String> formats = new LinkedHashMap<>();
        for (String format : List.of("bash", "powershell", "fish", "credentials-file", "credential-process")) {
            formats.put(format, browser.find(By.id("awsc-format-" + format + "-text")).getText());
        }
        String secret = value(formats.get("bash"), "export AWS_SECRET_ACCESS_KEY=\"([^\"]+)\"");
        String token = value(formats.get("bash"), "export AWS_SESSION_TOKEN=\"([^\"]+)\"");
        assertThat(formats.get("bash")).isEqualTo("export AWS_ACCESS_KEY_ID=\"" + keyId + "\"\n"
                + "export AWS_SECRET_ACCESS_KEY=\"" + secret + "\"\nexport AWS_SESSION_TOKEN=\"" + token + "\"");
        assertThat(formats.get("powershell")).isEqualTo("$Env:AWS_ACCESS_KEY_ID=\"" + keyId + "\"\n"
                + "$Env:AWS_SECRET_ACCESS_KEY=\"" + secret + "\"\n$Env:AWS_SESSION_TOKEN=\"" + token + "\"");
        assertThat(formats.get("fish")).isEqualTo("set -x AWS_ACCESS_KEY_ID \"" + keyId + "\"\n"
                + "set -x AWS_SECRET_ACCESS_KEY \"" + secret + "\"\nset -x AWS_SESSION_TOKEN \"" + token + "\"");
        assertThat(formats.get("credentials-file")).isEqualTo("[developers-federated]\n"
                + "aws_access_key_id = " + keyId + "\naws_secret_access_key = " + secret
                + "\naws_session_token = " + token);
        assertThat(formats.get("credential-process")).startsWith("[profile developers-federated]\n"
                + "region = us-east-1\ncredential_process = sh -c '").endsWith("' sh \"<personal access token>\" \""
                + baseUrl + "/rest/aws-connectors/1.0/connectors/" + connectorId
                + "/credentials?format=credential_process\"");
        assertThat(browser.find(By.id("awsc-valid-until")).getText()).matches("These credentials are valid until "
                + "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC \\((1 hour 59 minutes|2 hours) from now\\)\\. Asking again "
                + "before then may give you the same ones; get new ones when they expire\\.");
        assertThat(dialog.getText()).doesNotContain("only once");

        WebElement copy = browser.find(By.id("awsc-copy-bash"));
        copy.click();
        browser.waitUntil(d -> copy.getText().startsWith("Cop") && !copy.getText().equals("Copy") ? true : null);
        screenshot("2-copied");

        // The credentials work: the double's STS says who they belong to.
        try (StsClient sts = StsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(host.localAwsEndpoint().orElseThrow())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(keyId, secret, token)))
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
                .build()) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            assertThat(identity.arn()).endsWith(":federated-user/alice");
        }

        browser.find(By.id("awsc-credentials-close")).click();
        assertThat(browser.findAll(By.id("awsc-credentials"))).isEmpty();
        assertThat(browser.pageSource()).doesNotContain(secret);
    }

    @Test
    void aliceOpensTheConsoleOfTheRoleConnectorInANewTab() throws Exception {
        logIn("alice", "alice");
        browser.get(baseUrl + MY_PAGE);
        waitForPage();
        WebElement role = connector(ROLE);
        WebElement form = role.findElement(By.cssSelector("form.awsc-console-form"));
        assertThat(form.getAttribute("target")).isEqualTo("_blank");
        String connectorId = role.getAttribute("data-connector-id");

        // What the form's POST answers: a 303 to the double's federation endpoint, which redirects to the console.
        URI signIn = postWithBrowserSession("action=console&connectorId=" + connectorId);
        URI endpoint = host.localAwsEndpoint().orElseThrow();
        assertThat(signIn.toString()).startsWith(endpoint.toString().replaceAll("/+$", "") + "/federation?")
                .contains("Action=login");

        String page = browser.driver().getWindowHandle();
        Set<String> before = browser.driver().getWindowHandles();
        role.findElement(By.cssSelector(".awsc-open-console")).click();
        String tab = browser.waitUntil(d -> d.getWindowHandles().stream().filter(h -> !before.contains(h))
                .findFirst().orElse(null));
        browser.driver().switchTo().window(tab);
        String landed = browser.waitUntil(d -> {
            String url = d.getCurrentUrl();
            return url.startsWith("https://console.aws.amazon.com") ? url : null;
        });
        screenshot("1-console-tab");
        assertThat(landed).startsWith("https://console.aws.amazon.com/");
        browser.driver().switchTo().window(page);
        assertThat(browser.currentUrl()).contains(MY_PAGE);
    }

    @Test
    void bobInNoGroupSeesTheEmptyStateThatSaysWhomToAsk() {
        logIn("bob", "bob");
        browser.get(baseUrl + "/secure/Dashboard.jspa");
        browser.waitUntil(ExpectedConditions.elementToBeClickable(By.id("aws-connectors-top-link"))).click();
        browser.waitUntil(ExpectedConditions.elementToBeClickable(By.id("aws-connectors-menu-my-link"))).click();
        waitForPage();
        screenshot("1-empty-state");

        assertThat(browser.findAll(By.cssSelector(".awsc-connector"))).isEmpty();
        String empty = browser.find(By.id("awsc-no-connectors")).getText();
        assertThat(empty).contains("No AWS connector is available to you", "Jira administrators");
        assertThat(browser.pageSource()).doesNotContain(FEDERATED, ROLE, "Break glass");
    }

    @Test
    void anonymousVisitorsLogInAndComeBackToThePage() {
        browser.get(baseUrl + MY_PAGE);
        assertThat(URI.create(browser.currentUrl()).getPath()).endsWith("/login.jsp");
        browser.logIn("alice", "alice");
        waitForPage();
        screenshot("1-after-login");
        assertThat(browser.currentUrl()).contains(MY_PAGE);
        assertThat(texts(By.cssSelector(".awsc-connector-name"))).containsExactly(FEDERATED, KEYLESS, ROLE);
    }

    /** POSTs a form of the page with the browser's session and XSRF token; returns the 303's target. */
    private URI postWithBrowserSession(String form) throws Exception {
        Set<Cookie> cookies = browser.driver().manage().getCookies();
        String cookieHeader = cookies.stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        String xsrf = browser.find(By.cssSelector("form.awsc-console-form input[name=atl_token]"))
                .getAttribute("value");
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + MY_PAGE))
                        .header("Cookie", cookieHeader)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form + "&atl_token="
                                + URLEncoder.encode(xsrf, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("the console form's answer").isEqualTo(303);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> login = client.send(HttpRequest.newBuilder(location).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("the federation endpoint's login").isBetween(301, 303);
        assertThat(login.headers().firstValue("Location").orElseThrow()).startsWith("https://console.aws.amazon.com/");
        return location;
    }

    private void logIn(String user, String password) {
        browser.get(baseUrl + "/login.jsp");
        browser.logIn(user, password);
    }

    private void waitForPage() {
        browser.waitUntil(d -> d.findElements(By.id("awsc-my-connectors")).isEmpty() ? null : true);
        browser.waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
                ? true : null);
    }

    private WebElement connector(String name) {
        for (WebElement section : browser.findAll(By.cssSelector(".awsc-connector"))) {
            if (section.findElement(By.cssSelector(".awsc-connector-name")).getText().strip().equals(name)) {
                return section;
            }
        }
        throw new AssertionError("No connector " + name + " on the page");
    }

    private static String value(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex + " in " + text.lines().findFirst().orElse("")).isTrue();
        return matcher.group(1);
    }

    private List<String> texts(By by) {
        List<String> texts = new ArrayList<>();
        for (WebElement element : browser.findAll(by)) {
            texts.add(element.getText().strip());
        }
        return texts;
    }

}
