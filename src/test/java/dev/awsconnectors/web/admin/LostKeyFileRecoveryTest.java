package dev.awsconnectors.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.atlassian.audit.entity.AuditEvent;
import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.demo.DemoHost;
import dev.awsconnectors.testhost.demo.DemoOptions;
import dev.awsconnectors.testhost.demo.StoredData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.awsconnectors.web.admin.PageSession.encode;
import static dev.awsconnectors.web.admin.PageSession.text;
import static dev.awsconnectors.web.admin.PageSession.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lost, wrong or damaged key file on the demo host, as an admin and a user meet it: every path answers a specific
 * error (REST 503, the pages, the audit log in words), the admin page lists the accounts whose secret cannot be read,
 * and entering each secret again is the way back.
 */
@OnBuiltJar
class LostKeyFileRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REST = "/rest/aws-connectors/1.0";
    private static final String ADMIN_PAGE = "/plugins/servlet/aws-connectors/admin/connectors";
    private static final String LOCATION = "<shared home>/aws-connectors/secret-keys";
    private static final String OTHER_SECRET = "aNoThErSeCrEt/0123456789+abcdefghijKLMNO";

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();

    private DemoHost start() {
        return DemoHost.start(DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).build());
    }

    private Path keyFile() {
        return home.resolve("aws-connectors").resolve("secret-keys");
    }

    @Test
    void everyPathAnswersASpecificErrorAndTheAuditLogSaysWhyInWords() throws Exception {
        try (DemoHost jira = start()) {
            StoredData stored = new StoredData(jira.plugin());
            String federated = stored.connectorId("Developers (federated)").toString();
            String account = stored.accountId("Demo account").toString();
            Files.delete(keyFile());

            for (String path : List.of("/connectors/" + federated + "/credentials",
                    "/connectors/" + federated + "/credentials?format=credential_process",
                    "/connectors/" + federated + "/console", "/connectors/" + federated + "/caller-identity")) {
                assertSecretUnavailable(rest(jira, "alice", "GET", path, null), "key file " + LOCATION
                        + " is missing");
            }
            assertSecretUnavailable(rest(jira, "admin", "POST", "/admin/accounts/" + account + "/validate", "{}"),
                    "is missing");
            assertSecretUnavailable(rest(jira, "admin", "POST", "/admin/connectors/" + federated + "/test", "{}"),
                    "is missing");

            List<Map<String, String>> refusals = jira.auditLog().events().stream()
                    .filter(event -> event.getActionI18nKey().endsWith(".denied"))
                    .map(LostKeyFileRecoveryTest::attributes).toList();
            assertThat(refusals).as("credentials (twice), console sign-in, caller identity").hasSizeGreaterThanOrEqualTo(4)
                    .allSatisfy(attributes -> assertThat(attributes)
                            .containsEntry("awsc.audit.attribute.denial", "SECRET_UNAVAILABLE")
                            .containsEntry("awsc.audit.attribute.reason",
                                    "The secret key file is missing; the account's secret cannot be decrypted"));
            assertThat(jira.auditLog().events()).anySatisfy(event ->
                    assertThat(event.getActionI18nKey()).isEqualTo("awsc.audit.console.denied"));
            assertThat(jira.auditLog().readLogAsJsonText()).doesNotContain("Exception")
                    .doesNotContain(home.toString());

            PageSession alice = PageSession.loggedIn(jira, "alice", false);
            String myPage = alice.get("/plugins/servlet/aws-connectors/my").body();
            HttpResponse<String> credentials = alice.post("/plugins/servlet/aws-connectors/my",
                    "action=credentials&connectorId=" + federated + "&atl_token=" + encode(token(myPage)));
            assertThat(credentials.statusCode()).isEqualTo(503);
            // Alice learns what she can do; the account and the key file are the administrators' business.
            assertThat(text(credentials.body())).contains("cannot be used until a Jira administrator repairs it")
                    .doesNotContain(LOCATION).doesNotContain("Demo account");

            // A key file that is there but damaged is never replaced: saving a secret is refused, nothing changes.
            Files.writeString(keyFile(), "format=1\n");
            Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-------"));
            JsonNode before = rest(jira, "admin", "GET", "/admin/accounts/" + account, null).json();
            ObjectNode edit = before.deepCopy();
            edit.put("secretAccessKey", OTHER_SECRET);
            Answer save = rest(jira, "admin", "PUT", "/admin/accounts/" + account, edit.toString());
            assertSecretUnavailable(save, "cannot be used (it is damaged; restore it from backup)");
            assertThat(rest(jira, "admin", "GET", "/admin/accounts/" + account, null).json()).isEqualTo(before);
            assertThat(Files.readString(keyFile())).isEqualTo("format=1\n");
            assertThat(jira.auditLog().readLogAsJsonText()).doesNotContain(OTHER_SECRET);
        }
    }

    @Test
    void theAdminPageListsTheUnreadableAccountsUntilEachIsEnteredAgainOrDeleted() throws Exception {
        try (DemoHost jira = start()) {
            StoredData stored = new StoredData(jira.plugin());
            UUID demoAccount = stored.accountId("Demo account");
            String demoSecret = stored.accountSecret(demoAccount);
            String federated = stored.connectorId("Developers (federated)").toString();
            Answer created = rest(jira, "admin", "POST", "/admin/accounts", "{\"name\": \"Sandbox\", "
                    + "\"accessKeyId\": \"AKIAIOSFODNN7SANDBOX\", \"secretAccessKey\": \"" + OTHER_SECRET + "\", "
                    + "\"partition\": \"aws\", \"region\": \"eu-west-1\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String sandbox = created.json().get("id").asText();
            PageSession admin = PageSession.loggedIn(jira, "admin", true);
            assertThat(admin.get(ADMIN_PAGE).body()).doesNotContain("awsc-unreadable-secrets");

            Files.delete(keyFile());

            assertSecretUnavailable(rest(jira, "alice", "GET", "/connectors/" + federated + "/credentials", null),
                    "is missing");
            String page = admin.get(ADMIN_PAGE).body();
            assertThat(unreadableAccounts(page)).containsExactly("Demo account", "Sandbox");
            assertThat(text(page)).contains("The key file " + LOCATION + " is missing",
                    "Restore the key file they were encrypted with from the backup",
                    "enter the secret access key of each account listed here again");

            HttpResponse<String> saved = admin.post(AdminPageServlet.SERVLET_PATH + "/account",
                    accountForm(jira, demoAccount.toString(), demoSecret, token(admin.get(
                            AdminPageServlet.SERVLET_PATH + "/account?id=" + demoAccount).body())));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);

            assertThat(Files.exists(keyFile())).as("entering a secret again created a new key file").isTrue();
            Answer credentials = rest(jira, "alice", "GET", "/connectors/" + federated + "/credentials", null);
            assertThat(credentials.status()).as(credentials.body()).isEqualTo(200);
            assertThat(credentials.json().get("accessKeyId").asText()).startsWith("ASIA");
            page = admin.get(ADMIN_PAGE).body();
            assertThat(unreadableAccounts(page)).containsExactly("Sandbox");
            assertThat(text(page)).contains("These secrets cannot be decrypted with the current key file " + LOCATION);
            assertSecretUnavailable(rest(jira, "admin", "POST", "/admin/accounts/" + sandbox + "/validate", "{}"),
                    "cannot be decrypted with the current key file " + LOCATION);

            assertThat(rest(jira, "admin", "DELETE", "/admin/accounts/" + sandbox, "{}").status()).isEqualTo(204);

            assertThat(admin.get(ADMIN_PAGE).body()).doesNotContain("awsc-unreadable-secrets");
            assertThat(stored.accountSecret(demoAccount)).isEqualTo(demoSecret);
        }
    }

    /** The account's form as the page posts it, with its stored values and a secret entered again. */
    private String accountForm(DemoHost jira, String id, String secret, String token) throws Exception {
        JsonNode account = rest(jira, "admin", "GET", "/admin/accounts/" + id, null).json();
        StringBuilder form = new StringBuilder("action=save&id=" + id + "&atl_token=" + encode(token)
                + "&secretAccessKey=" + encode(secret));
        for (Iterator<Map.Entry<String, JsonNode>> fields = account.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("id") && !field.getValue().isNull()) {
                form.append('&').append(field.getKey()).append('=').append(encode(field.getValue().asText()));
            }
        }
        return form.toString();
    }

    private static void assertSecretUnavailable(Answer answer, String words) throws IOException {
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode error = answer.json();
        assertThat(error.get("status").asInt()).isEqualTo(503);
        assertThat(error.get("message").asText()).contains("The secret access key of the AWS account", words)
                .doesNotContain("/tmp").doesNotContain("Exception");
    }

    private static List<String> unreadableAccounts(String page) {
        List<String> names = new ArrayList<>();
        Matcher item = Pattern.compile("<li class=\"awsc-unreadable-account\"><a [^>]*>([^<]*)</a>").matcher(page);
        while (item.find()) {
            names.add(text(item.group(1)));
        }
        return names;
    }

    private static Map<String, String> attributes(AuditEvent event) {
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        event.getExtraAttributes().forEach(a -> attributes.put(a.getNameI18nKey(), a.getValue()));
        return attributes;
    }

    private record Answer(int status, String body, String contentType) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private Answer rest(DemoHost jira, String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jira.baseUrl() + REST + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
    }
}
