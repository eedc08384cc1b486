package dev.awsconnectors.web;

import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.demo.DemoHost;
import dev.awsconnectors.testhost.demo.DemoOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken form posts to the admin and user pages, over real HTTP to the demo host's Jetty: each is
 * answered 400 (or 404) with a page saying what to do, never 500, and changes nothing — the accounts, connectors and
 * audit log read through the REST API are the same afterwards.
 */
@OnBuiltJar
class HostileFormsTest {
    /** Made up for these tests: 40 characters of the base64 alphabet, as AWS's secret access keys are. */
    private static final String SECRET = "fOrMsEcReT/0123456789+abcdefghijKLMNOPQR";

    @TempDir
    static Path home;

    private static DemoHost jira;
    private static String base;
    private static HttpClient admin;
    private static CookieManager adminCookies;
    private static HttpClient alice;
    private static CookieManager aliceCookies;

    private String before;

    @BeforeAll
    static void startTheDemoHostAndSignIn() throws Exception {
        jira = DemoHost.start(DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).build());
        base = jira.baseUrl().toString();
        adminCookies = new CookieManager();
        admin = HttpClient.newBuilder().cookieHandler(adminCookies).build();
        logIn(admin, "admin");
        send(admin, HttpRequest.newBuilder(URI.create(base + "/secure/admin/WebSudoAuthenticate.jspa")).GET());
        HttpResponse<String> elevated = send(admin, form(base + "/secure/admin/WebSudoAuthenticate.jspa",
                "webSudoPassword=admin&atl_token=" + token(adminCookies)));
        assertThat(elevated.statusCode()).as(elevated.body()).isEqualTo(302);
        aliceCookies = new CookieManager();
        alice = HttpClient.newBuilder().cookieHandler(aliceCookies).build();
        logIn(alice, "alice");
        send(alice, HttpRequest.newBuilder(URI.create(base + "/plugins/servlet/aws-connectors/my")).GET());
    }

    @AfterAll
    static void stopTheDemoHost() {
        if (jira != null) {
            jira.close();
        }
    }

    @BeforeEach
    void rememberWhatIsStored() throws Exception {
        jira.auditLog().refuseEvents(false);
        before = stored();
    }

    @Test
    void refusesAdminFormsTooLargeWithTooManyFieldsOrBadlyEncodedWithA400PageAndChangesNothing() throws Exception {
        String token = "atl_token=" + token(adminCookies);
        String valid = token + "&action=save&type=ACCESS_KEY&partition=aws&region=eu-west-1"
                + "&accessKeyId=AKIAIOSFODNN7HOSTILE&secretAccessKey=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("a 1 MB field", valid + "&name=Big&description=" + "x".repeat(1_000_000));
        bodies.put("5,000 fields (over Jetty's limit)", valid + "&name=Many&" + fields(5_000));
        bodies.put("600 fields (within Jetty's limit, over the app's)", valid + "&name=Many&" + fields(600));
        bodies.put("bad percent-encoding", valid + "&name=Bad%zzName");
        bodies.put("a truncated percent escape", valid + "&name=Bad%2");
        bodies.put("bytes that are not UTF-8", valid + "&name=Bad%C3%28");
        bodies.put("an overlong UTF-8 sequence", valid + "&name=Bad%C0%AFName");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            for (String page : new String[] {"/account", "/connector"}) {
                HttpResponse<String> answer = send(admin, form(base + "/plugins/servlet/aws-connectors/admin" + page,
                        body.getValue()));
                assertThat(answer.statusCode()).as(body.getKey() + " to " + page + ": " + excerpt(answer.body()))
                        .isEqualTo(400);
                assertThat(answer.body()).as(body.getKey()).contains("The form could not be read")
                        .doesNotContain("Something went wrong", SECRET);
            }
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void refusesUserFormsTooLargeWithTooManyFieldsOrBadlyEncodedWithA400Page() throws Exception {
        String valid = "atl_token=" + token(aliceCookies) + "&action=credentials&connectorId=x";
        for (String body : new String[] {valid + "&mfaCode=" + "1".repeat(1_000_000), valid + "&" + fields(5_000),
                valid + "&" + fields(600), valid + "&mfaCode=%zz", valid + "&mfaCode=%C0%AF"}) {
            HttpResponse<String> answer = send(alice, form(base + "/plugins/servlet/aws-connectors/my", body));
            assertThat(answer.statusCode()).as(excerpt(body) + ": " + excerpt(answer.body())).isEqualTo(400);
            assertThat(answer.body()).contains("The request could not be read").doesNotContain("Something went wrong");
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aTamperedIdIsNotFoundAndCreatesNothing() throws Exception {
        String token = "atl_token=" + token(adminCookies);
        HttpResponse<String> account = send(admin, form(base + "/plugins/servlet/aws-connectors/admin/account",
                token + "&action=save&id=..%2F..%2Fetc&version=0&name=Tampered&type=ACCESS_KEY&partition=aws"
                        + "&region=eu-west-1&accessKeyId=AKIAIOSFODNN7TAMPER&secretAccessKey="
                        + URLEncoder.encode(SECRET, StandardCharsets.UTF_8)));
        String accountId = new dev.awsconnectors.testhost.demo.StoredData(jira.plugin()).accountIdsByName()
                .values().iterator().next().toString();
        HttpResponse<String> connector = send(admin, form(base + "/plugins/servlet/aws-connectors/admin/connector",
                token + "&action=save&id=..%2F..%2Fetc&version=0&name=Tampered&principalType=FEDERATED_USER"
                        + "&accountId=" + accountId));

        assertThat(account.statusCode()).as(excerpt(account.body())).isEqualTo(404);
        assertThat(connector.statusCode()).as(excerpt(connector.body())).isEqualTo(404);
        assertThat(stored()).isEqualTo(before).doesNotContain("Tampered");
    }

    @Test
    void aSecretTypedIntoTheKeyIdFieldIsNotShownAgainWhenTheFormComesBack() throws Exception {
        HttpResponse<String> answer = send(admin, form(base + "/plugins/servlet/aws-connectors/admin/account",
                "atl_token=" + token(adminCookies) + "&action=save&version=0&name=Pasted&type=ACCESS_KEY"
                        + "&partition=aws&region=eu-west-1&accessKeyId=" + URLEncoder.encode(SECRET,
                        StandardCharsets.UTF_8) + "&secretAccessKey=" + URLEncoder.encode(SECRET,
                        StandardCharsets.UTF_8)));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"accessKeyId-error\"").doesNotContain(SECRET)
                .doesNotContain(URLEncoder.encode(SECRET, StandardCharsets.UTF_8));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aFormSaveStandsAndIsAnsweredAsSavedWhenTheAuditLogRefusesItsEventAfterTheCommit() throws Exception {
        int events = jira.auditLog().readLogAsJson().size();
        jira.auditLog().refuseEvents(true);
        HttpResponse<String> answer = send(admin, form(base + "/plugins/servlet/aws-connectors/admin/account",
                "atl_token=" + token(adminCookies) + "&action=save&version=0&name=Unaudited&type=ACCESS_KEY"
                        + "&partition=aws&region=eu-west-1&accessKeyId=AKIAIOSFODNN7UNAUDIT&secretAccessKey="
                        + URLEncoder.encode(SECRET, StandardCharsets.UTF_8)));
        jira.auditLog().refuseEvents(false);

        assertThat(answer.statusCode()).as(excerpt(answer.body())).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).contains("saved=1"));
        assertThat(new dev.awsconnectors.testhost.demo.StoredData(jira.plugin()).accountIdsByName())
                .containsKey("Unaudited");
        assertThat(jira.auditLog().readLogAsJson()).hasSize(events);
    }

    /** Everything a change could touch: the accounts, the connectors and the audit log, as text. */
    private static String stored() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        StringBuilder all = new StringBuilder();
        for (String path : new String[] {"/rest/aws-connectors/1.0/admin/accounts",
                "/rest/aws-connectors/1.0/admin/connectors"}) {
            all.append(client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic)
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body()).append('\n');
        }
        return all.append(jira.auditLog().readLogAsJsonText()).toString();
    }

    private static String fields(int count) {
        return IntStream.range(0, count).mapToObj(i -> "f" + i + "=1").collect(Collectors.joining("&"));
    }

    private static void logIn(HttpClient client, String user) throws Exception {
        HttpResponse<String> login = send(client, form(base + "/login.jsp",
                "os_username=" + user + "&os_password=" + user + "&os_destination=%2Fsecure%2FDashboard.jspa"));
        assertThat(login.statusCode()).isEqualTo(302);
    }

    private static String token(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("atlassian.xsrf.token")).map(HttpCookie::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no XSRF token cookie"));
    }

    private static HttpRequest.Builder form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the request failed: " + e, e);
        }
    }

    private static String excerpt(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
