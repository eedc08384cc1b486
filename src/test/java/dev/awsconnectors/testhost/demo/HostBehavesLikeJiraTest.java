package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.sal.HostXsrfTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a laxer host would let a test pass, the demo host answers as Jira does — over real HTTP. */
@OnBuiltJar
class HostBehavesLikeJiraTest {
    private static final List<String> HOSTILE_DESTINATIONS = List.of("//evil.example", "/\\evil.example",
            "https://evil.example", "http://evil.example/jira/", "/x/../..//evil.example/x", "%2F%2Fevil.example",
            "/%2F%2Fevil.example", "\t//evil.example", " //evil.example", "javascript:alert(1)",
            "/x\r\nLocation: http://evil.example", "/x%0d%0aSet-Cookie:%20a=b", "/" + "a".repeat(20_000), "/%zz",
            "/x%", "/jira/../../evil.example", "/%2e%2e/%2e%2e//evil.example", "///evil.example", "\\\\evil.example",
            "/\u0000evil", "http://localhost:1/jira/", "data:text/html,<script>alert(1)</script>", "/\u00e9vil",
            "//evil.example@localhost/", "/jira//evil.example", "..//evil.example", "");

    @TempDir
    static Path home;
    private static DemoHost jira;
    private static String base;

    @BeforeAll
    static void start() {
        jira = DemoHost.start(DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).build());
        base = jira.baseUrl().toString();
    }

    @AfterAll
    static void stop() {
        jira.close();
    }

    @Test
    void aHostileLoginDestinationNeverSendsTheBrowserOffSiteNorFails() throws Exception {
        for (String destination : HOSTILE_DESTINATIONS) {
            HttpResponse<String> login = send(HttpClient.newHttpClient(), post(base + "/login.jsp",
                    "os_username=alice&os_password=alice&os_destination=" + encode(destination)));

            assertThat(login.statusCode()).as(describe(destination)).isEqualTo(302);
            assertSameSite(login, destination);
            HttpResponse<String> form = send(HttpClient.newHttpClient(), get(base + "/login.jsp?os_destination="
                    + encode(destination)));
            assertThat(form.statusCode()).as(describe(destination) + " (414 for a URL too long, as any server)")
                    .isIn(200, 414);
        }
    }

    @Test
    void aHostileWebSudoDestinationNeverSendsTheBrowserOffSiteNorFails() throws Exception {
        HttpClient admin = loggedIn("admin");
        for (String destination : HOSTILE_DESTINATIONS) {
            HttpResponse<String> page = send(admin, get(base + "/secure/admin/WebSudoAuthenticate.jspa?"
                    + "webSudoDestination=" + encode(destination)));
            assertThat(page.statusCode()).as(describe(destination) + " (414 for a URL too long, as any server)")
                    .isIn(200, 414);
            assertThat(page.body()).doesNotContain("evil.example");
            String token = token(send(admin, get(base + "/secure/admin/WebSudoAuthenticate.jspa")).body());

            HttpResponse<String> confirmed = send(admin, post(base + "/secure/admin/WebSudoAuthenticate.jspa",
                    "webSudoPassword=admin&" + HostXsrfTokens.PARAMETER_NAME + "=" + encode(token)
                            + "&webSudoDestination=" + encode(destination)));

            assertThat(confirmed.statusCode()).as(describe(destination)).isEqualTo(302);
            assertSameSite(confirmed, destination);
        }
    }

    @Test
    void aDestinationOfTheSiteIsFollowedAfterLoggingIn() throws Exception {
        HttpResponse<String> login = send(HttpClient.newHttpClient(), post(base + "/login.jsp",
                "os_username=alice&os_password=alice&os_destination="
                        + encode(base + "/plugins/servlet/aws-connectors/my?x=1")));

        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(URI.create(base).resolve(location).toString())
                        .isEqualTo(base + "/plugins/servlet/aws-connectors/my?x=1"));
    }

    @Test
    void everyAnswerForbidsFramingByOtherSites() throws Exception {
        HttpClient admin = loggedIn("admin");
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(send(HttpClient.newHttpClient(), get(base + "/login.jsp")));
        answers.add(send(admin, get(base + "/secure/Dashboard.jspa")));
        answers.add(send(admin, get(base + "/plugins/servlet/aws-connectors/my")));
        answers.add(send(admin, get(base + "/plugins/servlet/aws-connectors/admin/connectors")));
        answers.add(send(admin, get(base + "/rest/aws-connectors/1.0/connectors")));
        answers.add(send(HttpClient.newHttpClient(), get(base + "/rest/aws-connectors/1.0/connectors")));
        answers.add(send(admin, get(base + "/no/such/page")));
        answers.add(send(HttpClient.newHttpClient(), get(base + "/secure/Dashboard.jspa")
                .header("Authorization", basic("admin", "wrong"))));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(answer.uri().getPath())
                    .contains("SAMEORIGIN");
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(answer.uri().getPath())
                    .contains("frame-ancestors 'self'");
        });
        assertThat(answers).extracting(HttpResponse::statusCode).contains(200, 302, 401, 404);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> login = send(HttpClient.newHttpClient(), post(base + "/login.jsp",
                "os_username=alice&os_password=alice"));

        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax")
                .doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void restAuthenticationErrorsAreAnsweredAsJiraAnswersThem() throws Exception {
        HttpResponse<String> anonymous = send(HttpClient.newHttpClient(),
                get(base + "/rest/aws-connectors/1.0/connectors"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(anonymous.body()).isEqualTo(
                "{\"message\":\"Client must be authenticated to access this resource.\",\"status-code\":401}");

        HttpResponse<String> wrongPassword = send(HttpClient.newHttpClient(),
                get(base + "/rest/aws-connectors/1.0/connectors").header("Authorization", basic("admin", "wrong")));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.headers().firstValue("X-Seraph-LoginReason")).contains("AUTHENTICATED_FAILED");
        assertThat(wrongPassword.body()).contains("Basic Authentication Failure - Reason : AUTHENTICATED_FAILED")
                .doesNotContain("Jetty", "HTTP ERROR", "wrong");

        HttpResponse<String> wrongToken = send(HttpClient.newHttpClient(),
                get(base + "/rest/aws-connectors/1.0/connectors").header("Authorization", "Bearer not-a-token"));
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(wrongToken.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(wrongToken.body()).doesNotContain("Jetty", "HTTP ERROR", "not-a-token");

        HttpResponse<String> notAdmin = send(HttpClient.newHttpClient(),
                get(base + "/rest/aws-connectors/1.0/admin/accounts").header("Authorization", basic("alice", "alice")));
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        assertThat(notAdmin.body()).isEqualTo("{\"message\":\"Client must be authenticated as an administrator to "
                + "access this resource.\",\"status-code\":403}");
    }

    @Test
    void anAdminChangeIsLoggedAtInfoWithoutItsSecret() throws Exception {
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYLOGSECRET1";
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        HttpResponse<String> created;
        System.setErr(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        try {
            created = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(
                            URI.create(base + "/rest/aws-connectors/1.0/admin/accounts"))
                    .header("Authorization", basic("admin", "admin"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Logged account\", \"accessKeyId\": "
                            + "\"AKIAIOSFODNN7LOGGED1\", \"secretAccessKey\": \"" + secret + "\", \"partition\": "
                            + "\"aws\", \"region\": \"eu-west-1\"}")));
        } finally {
            System.setErr(original);
        }
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log.lines().filter(line -> line.contains(" INFO dev.awsconnectors.")
                && line.contains("'Logged account'") && line.contains("by admin"))).hasSize(1);
        assertThat(log).doesNotContain(secret);
    }

    private static void assertSameSite(HttpResponse<String> answer, String destination) {
        String location = answer.headers().firstValue("Location").orElseThrow();
        URI target = URI.create(base).resolve(location);
        assertThat(target.getHost()).as(describe(destination) + " -> " + location).isEqualTo("localhost");
        assertThat(target.getPort()).as(describe(destination) + " -> " + location).isEqualTo(jira.baseUrl().getPort());
        assertThat(target.getRawPath()).as(describe(destination) + " -> " + location).startsWith("/jira/")
                .doesNotContain("//", "\\", "..");
    }

    private static String describe(String destination) {
        String shown = destination.length() > 60 ? destination.substring(0, 60) + "…" : destination;
        return "destination " + shown.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
                .replace("\u0000", "\\0");
    }

    private static HttpClient loggedIn(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> login = send(client, post(base + "/login.jsp",
                "os_username=" + user + "&os_password=" + user));
        assertThat(login.statusCode()).isEqualTo(302);
        return client;
    }

    private static String token(String page) {
        Matcher token = Pattern.compile("name=\"" + HostXsrfTokens.PARAMETER_NAME + "\" value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(token.find()).as("the WebSudo form holds an XSRF token").isTrue();
        return token.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET();
    }

    private static HttpRequest.Builder post(String url, String form) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes to the real stream and keeps a copy, so the test sees the log while a person running it does too. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
