package dev.awsconnectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.rest.RestCalls.Answer;
import dev.awsconnectors.rest.RestCalls.Who;
import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.demo.DemoHost;
import dev.awsconnectors.testhost.demo.DemoOptions;
import dev.awsconnectors.testhost.demo.StoredData;
import dev.awsconnectors.validation.Excerpts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and faulty requests to the admin REST resources, over real HTTP to the demo host, as a table: each gets
 * the status and error field it should (never a 500), an error that quotes at most a short excerpt of the input and
 * never a secret, and changes nothing — the stored accounts and connectors and the audit log are the same after.
 */
@OnBuiltJar
class HostileRequestsTest {
    /** Made up for these tests: 40 characters of the base64 alphabet, as AWS's secret access keys are. */
    private static final String SECRET = "hOsTiLeSeCrEt/0123456789+abcdefghijKLMNO";

    @TempDir
    static Path home;

    private static DemoHost jira;
    private static RestCalls rest;
    private static ObjectNode account;
    private static ObjectNode connector;

    @BeforeAll
    static void startTheDemoHost() {
        jira = DemoHost.start(DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).build());
        rest = new RestCalls(jira);
        account = (ObjectNode) rest.get(Who.ADMIN, "/admin/accounts").json().get("values").get(0);
        connector = (ObjectNode) rest.get(Who.ADMIN, "/admin/connectors").json().get("values").get(0);
    }

    @AfterAll
    static void stopTheDemoHost() {
        if (jira != null) {
            jira.close();
        }
    }

    /** One hostile request and what it must get. */
    record Case(String what, String method, String path, byte[] body, String contentType, int status, String field) {
        static Case json(String what, String method, String path, String body, int status, String field) {
            return new Case(what, method, path, body.getBytes(StandardCharsets.UTF_8), "application/json", status,
                    field);
        }
    }

    @Test
    void answersEveryHostileRequestWithItsStatusAndFieldAndChangesNothing() {
        String accountPath = "/admin/accounts/" + account.get("id").asText();
        String connectorPath = "/admin/connectors/" + connector.get("id").asText();
        String newAccount = "{\"name\": \"Hostile\", \"accessKeyId\": \"AKIAIOSFODNN7HOSTILE\", \"secretAccessKey\": \""
                + SECRET + "\", \"partition\": \"aws\", \"region\": \"eu-west-1\"";
        String newConnector = "{\"name\": \"Hostile\", \"accountId\": \"" + account.get("id").asText()
                + "\", \"principalType\": \"IAM_USER\"";
        List<Case> cases = new ArrayList<>(List.of(
                Case.json("trailing garbage", "POST", "/admin/accounts", newAccount + "} garbage", 400, null),
                Case.json("two objects", "POST", "/admin/accounts", newAccount + "}" + newAccount + "}", 400, null),
                Case.json("a field twice", "POST", "/admin/connectors",
                        newConnector + ", \"name\": \"Other\"}", 400, null),
                Case.json("an id on create", "POST", "/admin/accounts",
                        newAccount + ", \"id\": \"00000000-0000-4000-8000-000000000001\"}", 400, "id"),
                Case.json("an id on create", "POST", "/admin/connectors",
                        newConnector + ", \"id\": \"../../etc\"}", 400, "id"),
                Case.json("version as text", "PUT", accountPath, with(account, "version", "\"abc\""), 400, "version"),
                Case.json("version with a fraction", "PUT", accountPath, with(account, "version", "1.5"), 400,
                        "version"),
                Case.json("version as text", "PUT", connectorPath, with(connector, "version", "\"abc\""), 400,
                        "version"),
                Case.json("a duration with a fraction", "POST", "/admin/connectors",
                        newConnector + ", \"maxDurationSeconds\": 1.5}", 400, "maxDurationSeconds"),
                Case.json("a secret as a field name", "POST", "/admin/accounts",
                        "{\"" + SECRET + "\": \"x\"}", 400, Excerpts.HIDDEN),
                Case.json("a long field name", "POST", "/admin/connectors",
                        "{\"" + "n".repeat(5_000) + "\": 1}", 400, "n".repeat(40) + "…"),
                Case.json("a secret in the key id field", "POST", "/admin/accounts",
                        newAccount.replace("AKIAIOSFODNN7HOSTILE", SECRET) + "}", 400, "accessKeyId"),
                Case.json("a region of 100,000 characters", "POST", "/admin/accounts",
                        newAccount.replace("eu-west-1", "r".repeat(100_000)) + "}", 400, "region"),
                Case.json("an endpoint URL of 3,000 characters", "POST", "/admin/accounts",
                        newAccount + ", \"endpointOverride\": \"https://sts.example.com/" + "p".repeat(3_000) + "\"}",
                        400, "endpointOverride"),
                Case.json("a console destination of 3,000 characters", "POST", "/admin/connectors",
                        newConnector.replace("IAM_USER", "FEDERATED_USER") + ", \"consoleDestination\": "
                                + "\"https://console.aws.amazon.com/" + "p".repeat(3_000) + "\"}",
                        400, "consoleDestination"),
                Case.json("101 groups", "POST", "/admin/connectors",
                        newConnector + ", \"groups\": " + groups(101) + "}", 400, "groups"),
                Case.json("11 policy ARNs", "POST", "/admin/connectors", newConnector.replace("IAM_USER",
                        "FEDERATED_USER") + ", \"policyArns\": " + policyArns(11) + "}", 400, "policyArns"),
                Case.json("a tampered path id", "PUT", "/admin/accounts/not-an-id-" + "x".repeat(500),
                        with(account, "name", "\"Renamed\""), 404, null),
                new Case("bytes that are not UTF-8", "POST", "/admin/accounts",
                        withBytesInName(newAccount + "}", new byte[] {(byte) 0xC3, 0x28}),
                        "application/json", 400, null),
                new Case("an overlong UTF-8 sequence", "POST", "/admin/accounts",
                        withBytesInName(newAccount + "}", new byte[] {(byte) 0xC0, (byte) 0xAF}),
                        "application/json", 400, null)));
        for (String[] write : new String[][] {{"POST", "/admin/accounts"}, {"PUT", accountPath},
                {"DELETE", accountPath}, {"POST", accountPath + "/validate"}, {"POST", accountPath + "/rotate-key"},
                {"POST", "/admin/connectors"}, {"PUT", connectorPath}, {"DELETE", connectorPath},
                {"POST", connectorPath + "/test"}}) {
            byte[] body = (write[0].equals("POST") && !write[1].contains("/validate") && !write[1].contains("/test")
                    ? newConnector + "}" : "{}").getBytes(StandardCharsets.UTF_8);
            cases.add(new Case("no Content-Type", write[0], write[1], body, null, 415, null));
        }

        for (Case hostile : cases) {
            String what = hostile.what() + ": " + hostile.method() + " " + abbreviated(hostile.path());
            String before = stored();

            Answer answer = send(hostile);

            assertThat(answer.status()).as(what + " → " + abbreviated(answer.body())).isEqualTo(hostile.status());
            assertThat(answer.contentType()).as(what).startsWith("application/json");
            JsonNode error = answer.json();
            assertThat(error.get("status").asInt()).as(what).isEqualTo(hostile.status());
            assertThat(error.path("field").isMissingNode() ? null : error.get("field").asText()).as(what)
                    .isEqualTo(hostile.field());
            assertThat(answer.body()).as(what).doesNotContain(SECRET).doesNotContain("r".repeat(41))
                    .doesNotContain("n".repeat(41)).doesNotContain("p".repeat(41)).doesNotContain("x".repeat(41));
            assertThat(answer.body().length()).as(what + ": a short answer").isLessThan(2_000);
            assertThat(stored()).as(what + ": nothing changed").isEqualTo(before);
        }
    }

    @Test
    void aChangeStandsAndIsAnsweredAsSavedWhenTheAuditLogRefusesItsEventAfterTheCommit() {
        int events = jira.auditLog().readLogAsJson().size();
        jira.auditLog().refuseEvents(true);
        try {
            Answer created = rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"Unaudited\", \"accountId\": \""
                    + account.get("id").asText() + "\", \"principalType\": \"IAM_USER\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String path = "/admin/connectors/" + created.json().get("id").asText();
            ObjectNode edit = created.json().deepCopy();
            edit.put("description", "edited while the audit log is down");
            Answer updated = rest.put(Who.ADMIN, path, edit.toString());
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);

            StoredData stored = new StoredData(jira.plugin());
            assertThat(stored.connectorDescription(stored.connectorId("Unaudited")))
                    .contains("edited while the audit log is down");
            assertThat(rest.delete(Who.ADMIN, path).status()).isEqualTo(204);
            assertThat(stored.connectorIdsByName()).doesNotContainKey("Unaudited");
        } finally {
            jira.auditLog().refuseEvents(false);
        }
        assertThat(jira.auditLog().readLogAsJson()).as("the audit log took nothing while it was down")
                .hasSize(events);
    }

    /** The accounts, the connectors and the audit log, as text. */
    private static String stored() {
        return rest.get(Who.ADMIN, "/admin/accounts").body() + "\n" + rest.get(Who.ADMIN, "/admin/connectors").body()
                + "\n" + jira.auditLog().readLogAsJsonText();
    }

    private static Answer send(Case hostile) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jira.baseUrl() + "/rest/aws-connectors/1.0"
                        + hostile.path()))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:admin".getBytes(StandardCharsets.UTF_8)))
                .method(hostile.method(), HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
        if (hostile.contentType() != null) {
            request.header("Content-Type", hostile.contentType());
        } else {
            // Past Jira's XSRF filter, which refuses a body without a type first (403): the app must refuse it too.
            request.header("X-Atlassian-Token", "no-check");
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response);
        } catch (Exception e) {
            throw new AssertionError(hostile.what() + " failed", e);
        }
    }

    private static String with(ObjectNode object, String field, String json) {
        ObjectNode copy = object.deepCopy();
        try {
            copy.set(field, RestCalls.JSON.readTree(json));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return copy.toString();
    }

    private static String groups(int count) {
        ArrayNode groups = RestCalls.JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            groups.add("group-" + i);
        }
        return groups.toString();
    }

    private static String policyArns(int count) {
        ArrayNode arns = RestCalls.JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            arns.add("arn:aws:iam::aws:policy/Policy" + i);
        }
        return arns.toString();
    }

    /** The body with bytes put at the start of the name's value. */
    private static byte[] withBytesInName(String body, byte[] bytes) {
        int at = body.indexOf("\"name\": \"") + "\"name\": \"".length();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(body.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(body.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
