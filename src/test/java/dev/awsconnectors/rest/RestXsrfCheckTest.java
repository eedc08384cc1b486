package dev.awsconnectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.testhost.CommandLineTools;
import dev.awsconnectors.testhost.Curl;
import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.demo.DemoHost;
import dev.awsconnectors.testhost.demo.DemoOptions;
import dev.awsconnectors.testhost.plugin.PluginDescriptor;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Atlassian REST's XSRF rule as the demo host applies it, and the app's own rule that every state-changing endpoint
 * takes JSON only — over real HTTP, as an administrator logged in with a session cookie (what a forged page rides
 * on) and as a script. A refused request changes nothing: every row of the app's tables and the audit log are
 * compared before and after.
 *
 * <p>The host refuses (403, {@code XSRF check failed}) a state-changing request that a page of another origin sent
 * ({@code Origin}, else {@code Referer}), one a browser sent with neither, and one whose body a cross-site form can
 * send (no {@code Content-Type}, form, multipart, text/plain) unless it carries {@code X-Atlassian-Token:
 * no-check}. The app refuses (415) anything but {@code application/json}, so the token gets such a request no
 * further. Jersey's own 415 comes first for a typed body the method does not consume.
 */
@OnBuiltJar
class RestXsrfCheckTest {
    private static final String TOKEN = "X-Atlassian-Token";
    private static final String EVIL = "http://evil.example";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data; boundary=xsrf";
    private static final String MULTIPART_BODY = "--xsrf\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n"
            + "Forged\r\n--xsrf--\r\n";
    private static final String PLAIN = "text/plain";
    private static final String JSON = "application/json";
    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
    private static final String CURL = "curl/8.11.1";
    private static final String SECRET = "tEsTsEcReT/0123456789+abcdefghijKLMNOPQR";
    private static final String JSON_ACCOUNT = "{\"name\": \"%s\", \"accessKeyId\": \"AKIAIOSFODNN7%s\","
            + " \"secretAccessKey\": \"" + SECRET + "\", \"partition\": \"aws\", \"region\": \"eu-west-1\"}";

    @TempDir
    static java.nio.file.Path home;

    private static DemoHost jira;
    private static String base;
    private static String databaseUrl;
    private static String adminSession;
    private static String demoAccountId;
    private static String connectorId;

    @BeforeAll
    static void startTheDemoHostAndLogInAsTheAdmin() {
        // A database URL of the test's own, so that its rows can be read back as stored.
        databaseUrl = "jdbc:h2:file:" + home.resolve("database").resolve("xsrf") + ";AUTO_SERVER=TRUE";
        jira = DemoHost.start(DemoOptions.builder().port(0).home(home).database(databaseUrl)
                .auiDirectory(home.resolve("no-aui")).build());
        base = jira.baseUrl() + "/rest/aws-connectors/1.0";
        adminSession = logIn("admin");
        demoAccountId = json(script("GET", "/admin/accounts", null, null)).get("values").get(0).get("id").asText();
        for (JsonNode connector : json(script("GET", "/admin/connectors", null, null)).get("values")) {
            if (connector.get("name").asText().equals("Developers (federated)")) {
                connectorId = connector.get("id").asText();
            }
        }
        assertThat(connectorId).as("the demo's federated connector").isNotNull();
    }

    @AfterAll
    static void stopTheDemoHost() {
        if (jira != null) {
            jira.close();
        }
    }

    /** Every state-changing endpoint, with a JSON body it would accept. */
    private static List<Endpoint> endpoints() {
        String account = "/admin/accounts/" + demoAccountId;
        String connector = "/admin/connectors/" + connectorId;
        JsonNode storedAccount = json(script("GET", account, null, null));
        JsonNode storedConnector = json(script("GET", connector, null, null));
        ObjectNode accountEdit = ((ObjectNode) storedAccount.deepCopy()).put("description", "Forged");
        ObjectNode connectorEdit = ((ObjectNode) storedConnector.deepCopy()).put("description", "Forged");
        return List.of(
                new Endpoint("POST", "/admin/accounts", JSON_ACCOUNT.formatted("Forged", "FORGED1")),
                new Endpoint("PUT", account, accountEdit.toString()),
                new Endpoint("DELETE", account, "{}"),
                new Endpoint("POST", account + "/validate", "{}"),
                new Endpoint("POST", account + "/rotate-key", "{\"version\": " + storedAccount.get("version") + "}"),
                new Endpoint("POST", account + "/rotation-clean-up", "{}"),
                new Endpoint("POST", "/admin/connectors", "{\"name\": \"Forged\", \"accountId\": \"" + demoAccountId
                        + "\", \"principalType\": \"IAM_USER\"}"),
                new Endpoint("PUT", connector, connectorEdit.toString()),
                new Endpoint("DELETE", connector, "{}"),
                new Endpoint("POST", connector + "/test", "{}"),
                new Endpoint("POST", "/admin/oidc/rotation", "{}"));
    }

    @Test
    void theMeasuredForgeriesFromAnotherOriginAreRefusedOnEveryEndpointAndChangeNothing() {
        Snapshot before = snapshot();
        for (Endpoint endpoint : endpoints()) {
            String what = endpoint + " with the admin's session from " + EVIL;
            assertXsrfRefused(browser(endpoint, endpoint.json, null, EVIL, null, null), what + ", no Content-Type");
            assertXsrfRefused(browser(endpoint, null, null, EVIL, null, null), what + ", no body at all");
            assertRefused(browser(endpoint, "name=Forged", FORM, EVIL, null, null), what + ", a form");
            assertRefused(browser(endpoint, MULTIPART_BODY, MULTIPART, EVIL, null, null), what + ", multipart");
            assertRefused(browser(endpoint, endpoint.json, PLAIN, EVIL, null, null), what + ", text/plain");
            assertXsrfRefused(browser(endpoint, endpoint.json, JSON, EVIL, null, null), what + ", JSON");
            assertXsrfRefused(browser(endpoint, endpoint.json, JSON, EVIL, null, "no-check"),
                    what + ", JSON with the token: the token does not vouch for a page's origin");
            assertXsrfRefused(browser(endpoint, endpoint.json, JSON, null, EVIL + "/page?x=1", null),
                    what + " (by its Referer), JSON");
            assertXsrfRefused(browser(endpoint, endpoint.json, JSON, "null", null, null),
                    what + " (a page whose origin is hidden), JSON");
            assertXsrfRefused(browser(endpoint, endpoint.json, JSON, null, null, null),
                    endpoint + " from a browser that names no page at all, JSON");
        }
        assertThat(snapshot()).as("nothing stored, nothing audited").isEqualTo(before);
    }

    @Test
    void aBodyACrossSiteFormCouldSendIsRefusedEvenFromAScriptAndChangesNothing() {
        Snapshot before = snapshot();
        for (Endpoint endpoint : endpoints()) {
            String what = endpoint + " from a script";
            assertXsrfRefused(script(endpoint.method, endpoint.path, endpoint.json, null),
                    what + ", no Content-Type");
            assertXsrfRefused(script(endpoint.method, endpoint.path, null, null), what + ", no body, no Content-Type");
            assertXsrfRefused(script(endpoint.method, endpoint.path, null, null, "yes"),
                    what + ", no Content-Type and a token that is not no-check");
            for (String[] simple : List.of(new String[] {"name=Forged", FORM},
                    new String[] {"a=b", FORM + "; charset=UTF-8"}, new String[] {MULTIPART_BODY, MULTIPART},
                    new String[] {endpoint.json, PLAIN})) {
                assertNotJson(script(endpoint.method, endpoint.path, simple[0], simple[1]), what + ", " + simple[1]);
            }
        }
        assertThat(snapshot()).as("nothing stored, nothing audited").isEqualTo(before);
    }

    @Test
    void theTokenGetsABodyThatIsNotJsonNoFurtherThanTheAppsOwn415AndChangesNothing() {
        Snapshot before = snapshot();
        for (Endpoint endpoint : endpoints()) {
            for (String token : List.of("no-check", "No-Check", "nocheck")) {
                String what = endpoint + " from a script with " + TOKEN + ": " + token;
                assertNotJson(script(endpoint.method, endpoint.path, endpoint.json, null, token),
                        what + ", no Content-Type");
                assertNotJson(script(endpoint.method, endpoint.path, null, null, token), what + ", no body");
                assertNotJson(script(endpoint.method, endpoint.path, "name=Forged", FORM, token), what + ", a form");
                assertNotJson(script(endpoint.method, endpoint.path, endpoint.json, PLAIN, token),
                        what + ", text/plain");
            }
        }
        assertThat(snapshot()).as("nothing stored, nothing audited").isEqualTo(before);
    }

    @Test
    void jsonFromThisSitesPagesAndFromScriptsPassesOnEveryEndpoint() {
        String origin = jira.baseUrl().getScheme() + "://" + jira.baseUrl().getAuthority();
        Snapshot before = snapshot();

        JsonNode account = json(expect(201, browser("POST", "/admin/accounts",
                JSON_ACCOUNT.formatted("Page", "PAGEXX1"), JSON, origin, null, null)));
        String accountPath = "/admin/accounts/" + account.get("id").asText();
        ObjectNode accountEdit = ((ObjectNode) account.deepCopy()).put("description", "edited by a page");
        assertThat(json(expect(200, browser("PUT", accountPath, accountEdit.toString(), JSON, null,
                jira.baseUrl() + "/plugins/servlet/aws-connectors/admin", null))).get("description").asText())
                .as("a page of this site named by its Referer").isEqualTo("edited by a page");
        expect(204, browser("DELETE", accountPath, "{}", JSON, origin, null, null));
        expect(404, script("GET", accountPath, null, null));

        JsonNode scripted = json(expect(201, script("POST", "/admin/accounts",
                JSON_ACCOUNT.formatted("Script", "SCRIPT1"), JSON)));
        String scriptedPath = "/admin/accounts/" + scripted.get("id").asText();
        expect(200, script("PUT", scriptedPath, ((ObjectNode) scripted.deepCopy()).put("description", "s").toString(),
                "application/json; charset=UTF-8"));
        expect(204, script("DELETE", scriptedPath, "{}", JSON));

        String demoAccount = "/admin/accounts/" + demoAccountId;
        assertThat(json(expect(200, browser("POST", demoAccount + "/validate", "{}", JSON, origin, null, null)))
                .get("awsAccountId").asText()).isEqualTo("123456789012");
        expect(200, script("POST", demoAccount + "/validate", "{}", JSON));
        expect(200, script("POST", demoAccount + "/validate", "", JSON));
        long version = json(script("GET", demoAccount, null, null)).get("version").asLong();
        assertThat(json(expect(200, script("POST", demoAccount + "/rotate-key", "{\"version\": " + version + "}",
                JSON))).get("succeeded").asBoolean()).isTrue();

        JsonNode connector = json(expect(201, browser("POST", "/admin/connectors", "{\"name\": \"Page\","
                + " \"accountId\": \"" + demoAccountId + "\", \"principalType\": \"IAM_USER\"}", JSON, origin, null,
                null)));
        String connectorPath = "/admin/connectors/" + connector.get("id").asText();
        expect(200, browser("PUT", connectorPath, ((ObjectNode) connector.deepCopy()).put("description", "p")
                .toString(), JSON, origin, null, null));
        expect(200, browser("POST", "/admin/connectors/" + connectorId + "/test", "{}", JSON, origin, null, null));
        expect(200, script("POST", "/admin/connectors/" + connectorId + "/test", "{}", JSON));
        expect(204, script("DELETE", connectorPath, "{}", JSON));
        expect(200, browser("POST", "/admin/oidc/rotation", "{}", JSON, origin, null, null));
        expect(200, script("POST", "/admin/oidc/rotation", "", JSON));

        assertThat(snapshot().audited()).as("each change audited").isGreaterThan(before.audited());
    }

    @Test
    void aJsonBodyStillHasToBeAJsonObjectWithOnlyTheEndpointsFields() {
        Snapshot before = snapshot();
        String account = "/admin/accounts/" + demoAccountId;
        for (String path : List.of(account, account + "/validate")) {
            String method = path.endsWith("/validate") ? "POST" : "DELETE";
            JsonNode unknown = json(expect(400, script(method, path, "{\"force\": true}", JSON)));
            assertThat(unknown.get("field").asText()).isEqualTo("force");
            expect(400, script(method, path, "name=Forged", JSON));
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aJsonBodyInACharsetTheServerDoesNotKnowIsRefusedAsTheCallersErrorAndChangesNothing() {
        Snapshot before = snapshot();
        for (String charset : List.of("bogus", "x-made-up-charset", "b@d")) {
            String type = JSON + "; charset=" + charset;
            for (HttpResponse<String> answer : List.of(
                    script("POST", "/admin/accounts", JSON_ACCOUNT.formatted("Charset", "CHARSE1"), type),
                    script("POST", "/admin/accounts/" + demoAccountId + "/validate", "{}", type))) {
                // The servlet container may refuse the charset first (400); if the app sees it, 415 in its JSON.
                assertThat(answer.statusCode()).as(type + ": " + answer.body()).isIn(400, 415);
                if (answer.statusCode() == 415) {
                    assertThat(json(answer).get("status").asInt()).isEqualTo(415);
                }
            }
        }
        assertThat(snapshot()).as("nothing stored, nothing audited").isEqualTo(before);
    }

    @Test
    void theReadmesCurlCommandForAnActionWorksAndABareCurlPostChangesNothing() throws Exception {
        assumeTrue(CommandLineTools.available("curl"), "curl is not installed");
        String readme = Files.readString(java.nio.file.Path.of("README.md"));
        Matcher block = Pattern.compile("```sh\n(curl -X POST [^`]*/validate)\n```").matcher(readme);
        assertThat(block.find()).as("the README's curl command for validate").isTrue();
        String token = jira.tokens().tokensOf("admin").get(0);
        String url = base + "/admin/accounts/" + demoAccountId + "/validate";
        String command = block.group(1).replace("<token>", token)
                .replace("https://jira.example.com/rest/aws-connectors/1.0", base)
                .replace("<account id>", demoAccountId);
        Snapshot before = snapshot();

        String[] bare = Curl.bodyAndStatus("curl -s -w ' %{http_code}' -X POST -H 'Authorization: Bearer " + token
                + "' " + url);
        assertThat(bare).as("a bare curl -X POST").containsExactly("XSRF check failed", "403");
        String[] withToken = Curl.bodyAndStatus("curl -s -w ' %{http_code}' -X POST -H 'Authorization: Bearer "
                + token + "' "
                + "-H 'X-Atlassian-Token: no-check' " + url);
        assertThat(withToken[1]).as("with the token, still not JSON: " + withToken[0]).isEqualTo("415");
        assertThat(snapshot()).as("nothing stored, nothing audited").isEqualTo(before);

        String[] documented = Curl.bodyAndStatus(command + " -s -w ' %{http_code}'");
        assertThat(documented[1]).as(command + ": " + documented[0]).isEqualTo("200");
        assertThat(RestCalls.JSON.readTree(documented[0]).get("awsAccountId").asText()).isEqualTo("123456789012");
    }

    @Test
    void everyStateChangingMethodOfTheAppsRestResourcesConsumesOnlyJsonAndIsTestedAbove() {
        Map<String, ResourceMethod> stateChanging = stateChangingMethods();
        List<String> notJsonOnly = new ArrayList<>();
        stateChanging.forEach((call, method) -> {
            List<MediaType> consumes = method.getConsumedTypes();
            if (consumes.size() != 1 || !consumes.get(0).equals(MediaType.APPLICATION_JSON_TYPE)) {
                notJsonOnly.add(call + " consumes " + consumes);
            }
        });
        assertThat(notJsonOnly).as("state-changing methods that take more than application/json").isEmpty();

        Set<String> tested = endpoints().stream()
                .map(e -> e.method + " " + e.path.replace(demoAccountId, "{id}").replace(connectorId, "{id}"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(tested).as("the endpoints the HTTP tests above send forgeries to")
                .isEqualTo(stateChanging.keySet());
    }

    /** "METHOD /path" of every method of the REST module's resources but GET, HEAD and OPTIONS. */
    private static Map<String, ResourceMethod> stateChangingMethods() {
        PluginDescriptor descriptor = jira.plugin().descriptor();
        Map<String, ResourceMethod> methods = new TreeMap<>();
        for (PluginDescriptor.RestModule module : descriptor.restModules()) {
            for (Class<?> type : new ResourceConfig().setClassLoader(RestXsrfCheckTest.class.getClassLoader())
                    .packages(true, module.packages().toArray(String[]::new)).getClasses()) {
                if (type.isAnnotationPresent(Path.class)) {
                    collect(Resource.from(type), "", methods);
                }
            }
        }
        return methods;
    }

    private static void collect(Resource resource, String parent, Map<String, ResourceMethod> methods) {
        String path = join(parent, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            if (!Set.of("GET", "HEAD", "OPTIONS").contains(method.getHttpMethod())) {
                methods.put(method.getHttpMethod() + " " + path, method);
            }
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, methods);
        }
    }

    private static String join(String parent, String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return parent;
        }
        return parent + (path.startsWith("/") ? path : "/" + path);
    }

    private record Endpoint(String method, String path, String json) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * Every row of every table of the database, how many audit events there are, and the signing keys the issuer
     * publishes (kept in a file, not the database).
     */
    private record Snapshot(Map<String, List<String>> rows, int audited, String publishedKeys) {
    }

    private static Snapshot snapshot() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl, "sa", "");
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                List<String> content = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(result.getMetaData().getColumnName(i)).append('=')
                                    .append(result.getString(i)).append(';');
                        }
                        content.add(row.toString());
                    }
                }
                content.sort(null);
                rows.put(table, content);
            }
        } catch (SQLException e) {
            throw new AssertionError("Cannot read the demo's database", e);
        }
        assertThat(rows.keySet()).as("the app's tables").anyMatch(name -> name.endsWith("_ACCOUNT"));
        return new Snapshot(rows, jira.auditLog().events().size(), script("GET", "/oidc/jwks", null, null).body());
    }

    private static void assertXsrfRefused(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(403);
        assertThat(response.body()).as(what).isEqualTo("XSRF check failed");
    }

    /**
     * Refused, by whichever check comes first: Jersey refuses a typed body the method does not consume (415) before
     * REST's XSRF check, which runs on the matched method, is reached (403).
     */
    private static void assertRefused(HttpResponse<String> response, String what) {
        if (response.statusCode() == 415) {
            assertNotJson(response, what);
        } else {
            assertXsrfRefused(response, what);
        }
    }

    /** Refused for not being JSON: 415 in the app's error JSON, by Jersey's matching or by the app itself. */
    private static void assertNotJson(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(415);
        JsonNode error = json(response);
        assertThat(error.get("status").asInt()).as(what).isEqualTo(415);
        assertThat(error.get("message").asText()).as(what).contains("Content-Type: application/json");
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + ": "
                + response.body()).isEqualTo(status);
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return RestCalls.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON (HTTP " + response.statusCode() + "): " + response.body(), e);
        }
    }

    /** The admin's browser: the session cookie, Chrome's User-Agent, and the given Origin and Referer. */
    private static HttpResponse<String> browser(Endpoint endpoint, String body, String contentType, String origin,
                                                String referer, String token) {
        return browser(endpoint.method, endpoint.path, body, contentType, origin, referer, token);
    }

    private static HttpResponse<String> browser(String method, String path, String body, String contentType,
                                                String origin, String referer, String token) {
        HttpRequest.Builder request = request(method, path, body, contentType, token)
                .header("Cookie", adminSession).header("User-Agent", CHROME);
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (referer != null) {
            request.header("Referer", referer);
        }
        return send(request);
    }

    private static HttpResponse<String> script(String method, String path, String body, String contentType) {
        return script(method, path, body, contentType, null);
    }

    /** A script: the admin by HTTP Basic, curl's User-Agent, no Origin or Referer. */
    private static HttpResponse<String> script(String method, String path, String body, String contentType,
                                               String token) {
        return send(request(method, path, body, contentType, token).header("User-Agent", CURL)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:admin".getBytes(StandardCharsets.UTF_8))));
    }

    private static HttpRequest.Builder request(String method, String path, String body, String contentType,
                                               String token) {
        HttpRequest.Builder request = RestCalls.request(method, base + path, body, contentType);
        if (token != null) {
            request.header(TOKEN, token);
        }
        return request;
    }

    /** Logs in through the login form, as a browser does; the session's cookie. */
    private static String logIn(String user) {
        HttpRequest login = HttpRequest.newBuilder(URI.create(jira.baseUrl() + "/login.jsp"))
                .header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString("os_username=" + user + "&os_password=" + user)).build();
        HttpResponse<String> response = send(login);
        assertThat(response.statusCode()).as("logged in: " + response.body()).isEqualTo(302);
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .map(header -> header.substring(0, header.indexOf(';') < 0 ? header.length() : header.indexOf(';')))
                .collect(Collectors.joining("; "));
        assertThat(cookie).as("a session cookie").isNotEmpty();
        return cookie;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            // A client per request, as RestCalls does: no kept-alive connection the host may have closed.
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
