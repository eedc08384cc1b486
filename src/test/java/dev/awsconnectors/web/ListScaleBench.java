package dev.awsconnectors.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scale table: how each list the users see costs as the number of connectors grows (10 → 1,000 by default), per
 * request: the SQL statements it makes, the median time (over rounds that send each request in turn) and the size
 * of the answer. Runs against a demo host that
 * is already started ({@code bench.baseUrl}; {@code src/bench/end-to-end.sh} starts one), adding connectors through
 * the admin REST API (all in alice's group {@code aws-developers}) until each size is reached; so start it on a fresh
 * home.
 *
 * <p>Statements are counted in PostgreSQL's own log ({@code log_statement=all}, given as {@code bench.statementLog}):
 * the lines a request adds, transaction control ({@code BEGIN}, {@code COMMIT}, {@code SET}…) left out. Without a
 * log (H2), the column shows {@code –}. The requests: the admin connectors page (admin, past WebSudo), My AWS
 * connectors and the page that builds the AWS menu ({@code bench.menuPath}, Jira's menu resource the header asks when the lazy menu is
 * opened; alice's session), {@code GET /connectors} for alice and for bob (who may use none) and alice's cached credentials (HTTP
 * Basic). Nothing is asserted: it prints.
 */
public final class ListScaleBench {
    private static final String REST = "/rest/aws-connectors/1.0";
    private static final String GROUP = "aws-developers";
    private static final int HOST_WARMUP_ROUNDS = 300;
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":"
            + "[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}";
    private static final Pattern STATEMENT = Pattern.compile("LOG:\\s+(?:statement|execute [^:]*):\\s*(\\w+)");
    private static final List<String> TRANSACTION_CONTROL = List.of("BEGIN", "COMMIT", "ROLLBACK", "SET", "SHOW",
            "START", "SAVEPOINT", "RELEASE");

    private final String base;
    private final Optional<Path> statementLog;
    private final int repeats;
    private final String menuPath;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ListScaleBench(String base, Optional<Path> statementLog, int repeats, String menuPath) {
        this.base = base;
        this.statementLog = statementLog;
        this.repeats = repeats;
        this.menuPath = menuPath;
    }

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("bench.baseUrl", "http://localhost:2990/jira").replaceAll("/+$", "");
        Optional<Path> log = Optional.ofNullable(System.getProperty("bench.statementLog"))
                .filter(value -> !value.isBlank()).map(Path::of);
        int repeats = Integer.parseInt(System.getProperty("bench.repeats", "50"));
        String menuPath = System.getProperty("bench.menuPath", "/rest/api/1.0/menus/aws-connectors-top-link");
        int[] sizes = Arrays.stream(System.getProperty("bench.connectors", "10,100,1000").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).sorted().toArray();
        new ListScaleBench(base, log, repeats, menuPath).run(sizes);
    }

    private record Row(String request, int connectors, String statements, double p50Millis, int bytes) {
    }

    private void run(int[] sizes) throws Exception {
        Session admin = Session.loggedIn(base, "admin", true);
        Session alice = Session.loggedIn(base, "alice", false);
        String accountId = values(basic("admin", REST + "/admin/accounts")).get(0).get("id").asText();
        String federated = connectorId("Developers (federated)");
        System.out.printf(Locale.ROOT, "List scale at %s: %d timed rounds of every request, after %d warm-up "
                + "requests each; "
                + "statements from %s%n", base, repeats, warmups(), statementLog.map(Path::toString)
                .orElse("nowhere (no PostgreSQL log given): column left empty"));
        List<Row> rows = new ArrayList<>();
        boolean first = true;
        for (int size : sizes) {
            int existing = total(basic("admin", REST + "/admin/connectors"));
            for (int i = existing; i < size; i++) {
                createConnector(accountId, "Bench connector " + i);
            }
            int now = total(basic("admin", REST + "/admin/connectors"));
            Map<String, Call> calls = new LinkedHashMap<>();
            calls.put("admin connectors page", () -> admin.get("/plugins/servlet/aws-connectors/admin/connectors"));
            calls.put("My AWS connectors", () -> alice.get("/plugins/servlet/aws-connectors/my"));
            calls.put("GET /connectors", () -> basicResponse("alice", REST + "/connectors"));
            calls.put("the AWS menu (" + menuPath + ")", () -> alice.get(menuPath));
            calls.put("bob, who may use none (GET /connectors)", () -> basicResponse("bob", REST + "/connectors"));
            calls.put("cached credentials",
                    () -> basicResponse("alice", REST + "/connectors/" + federated + "/credentials"));
            if (first) {
                // The demo host has just started: without this, the smallest size would be measured on code the JIT
                // has not compiled yet, and the larger sizes would look cheaper than they are beside it.
                System.out.printf(Locale.ROOT, "Warming the host up: %d rounds of every request%n", HOST_WARMUP_ROUNDS);
                for (int round = 0; round < HOST_WARMUP_ROUNDS; round++) {
                    for (Call call : calls.values()) {
                        call.send();
                    }
                }
                first = false;
            }
            rows.addAll(measure(calls, now));
        }
        System.out.println();
        System.out.println("| request | connectors | SQL statements | p50 | response size |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %s | %.1f ms | %,.1f KB |%n", row.request(),
                    row.connectors(), row.statements(), row.p50Millis(), row.bytes() / 1024.0);
        }
    }

    private int warmups() {
        return Math.max(3, repeats / 4);
    }

    private interface Call {
        HttpResponse<byte[]> send() throws Exception;
    }

    /**
     * Each request's statements, then its median time over {@code repeats} rounds in which every request is sent
     * once, in an order rotated from round to round: whatever else the machine or the database does meanwhile (an
     * autovacuum after the connectors were added, a collection) falls on all of them alike.
     */
    private List<Row> measure(Map<String, Call> calls, int connectors) throws Exception {
        List<String> names = new ArrayList<>(calls.keySet());
        Map<String, String> statements = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String name : names) {
            HttpResponse<byte[]> last = null;
            for (int i = 0; i < warmups(); i++) {
                last = calls.get(name).send();
            }
            if (last.statusCode() != 200) {
                throw new IllegalStateException(name + " answered HTTP " + last.statusCode() + ": "
                        + new String(last.body(), StandardCharsets.UTF_8));
            }
            sizes.put(name, last.body().length);
            statements.put(name, countStatements(calls.get(name)));
        }
        Map<String, double[]> millis = new LinkedHashMap<>();
        names.forEach(name -> millis.put(name, new double[repeats]));
        for (int round = 0; round < repeats; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((round + i) % names.size());
                long start = System.nanoTime();
                calls.get(name).send();
                millis.get(name)[round] = (System.nanoTime() - start) / 1_000_000.0;
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String name : names) {
            double[] sorted = millis.get(name);
            Arrays.sort(sorted);
            double p50 = (sorted[(repeats - 1) / 2] + sorted[repeats / 2]) / 2;
            System.out.printf(Locale.ROOT, "  %s at %,d connectors: %s statements, p50 %.1f ms, %,d bytes%n", name,
                    connectors, statements.get(name), p50, sizes.get(name));
            rows.add(new Row(name, connectors, statements.get(name), p50, sizes.get(name)));
        }
        return rows;
    }

    /** The statements one request adds to PostgreSQL's log, transaction control left out. */
    private String countStatements(Call call) throws Exception {
        if (statementLog.isEmpty()) {
            call.send();
            return "–";
        }
        Path log = statementLog.get();
        settle(log);
        long before = Files.size(log);
        call.send();
        settle(log);
        int statements = 0;
        int selects = 0;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(before);
            byte[] added = new byte[(int) (file.length() - before)];
            file.readFully(added);
            Matcher line = STATEMENT.matcher(new String(added, StandardCharsets.UTF_8));
            while (line.find()) {
                String verb = line.group(1).toUpperCase(Locale.ROOT);
                if (!TRANSACTION_CONTROL.contains(verb)) {
                    statements++;
                    selects += verb.equals("SELECT") ? 1 : 0;
                }
            }
        }
        return statements + " (" + selects + " SELECT)";
    }

    /** Waits until the server has written what it had to write: the log's size stays put for 200 ms. */
    private static void settle(Path log) throws IOException, InterruptedException {
        long size = Files.size(log);
        while (true) {
            Thread.sleep(200);
            long now = Files.size(log);
            if (now == size) {
                return;
            }
            size = now;
        }
    }

    private void createConnector(String accountId, String name) throws Exception {
        String body = json.writeValueAsString(json.createObjectNode().put("name", name).put("accountId", accountId)
                .put("principalType", "FEDERATED_USER").put("policy", POLICY)
                .set("groups", json.createArrayNode().add(GROUP)));
        HttpResponse<byte[]> response = plain.send(HttpRequest.newBuilder(URI.create(base + REST + "/admin/connectors"))
                .header("Authorization", basicAuth("admin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Creating " + name + " answered HTTP " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    private String connectorId(String name) throws Exception {
        for (JsonNode connector : values(basic("alice", REST + "/connectors"))) {
            if (connector.get("name").asText().equals(name)) {
                return connector.get("id").asText();
            }
        }
        throw new IllegalStateException("alice may not use a connector named " + name + "; start on a fresh home");
    }

    /** A list answer, before paging (an array) or after ({@code values}). */
    private static JsonNode values(JsonNode answer) {
        return answer.isArray() ? answer : answer.get("values");
    }

    private static int total(JsonNode answer) {
        return answer.isArray() ? answer.size() : answer.get("total").asInt();
    }

    private JsonNode basic(String user, String path) throws Exception {
        HttpResponse<byte[]> response = basicResponse(user, path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " as " + user + " answered HTTP " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    private HttpResponse<byte[]> basicResponse(String user, String path) throws Exception {
        return plain.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basicAuth(user))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The demo host's users have their name as password. */
    private static String basicAuth(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** A browser-like session: logged in with a cookie, and for an admin past WebSudo. */
    private record Session(HttpClient client, String base) {
        static Session loggedIn(String base, String user, boolean webSudo) throws Exception {
            Session session = new Session(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager()).build(), base);
            expectRedirect(session.post("/login.jsp", "os_username=" + user + "&os_password=" + user), "login");
            if (webSudo) {
                String form = new String(session.get("/secure/admin/WebSudoAuthenticate.jspa").body(),
                        StandardCharsets.UTF_8);
                Matcher token = Pattern.compile("name=\"atl_token\" value=\"([^\"]+)\"").matcher(form);
                if (!token.find()) {
                    throw new IllegalStateException("The WebSudo page holds no XSRF token");
                }
                expectRedirect(session.post("/secure/admin/WebSudoAuthenticate.jspa", "webSudoPassword=" + user
                        + "&atl_token=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)), "WebSudo");
            }
            return session;
        }

        private static void expectRedirect(HttpResponse<byte[]> response, String step) {
            if (response.statusCode() != 302) {
                throw new IllegalStateException(step + " answered HTTP " + response.statusCode());
            }
        }

        HttpResponse<byte[]> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<byte[]> post(String path, String form) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
