package dev.awsconnectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.rest.RestCalls.Answer;
import dev.awsconnectors.rest.RestCalls.Who;
import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.demo.DemoHost;
import dev.awsconnectors.testhost.demo.DemoOptions;
import dev.awsconnectors.testhost.demo.StoredData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.awsconnectors.rest.UserRestApiTest.fieldNames;
import static dev.awsconnectors.rest.RestCalls.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin endpoints of the REST API, over real HTTP to the demo host: only Jira administrators get in; accounts
 * and connectors go round trip with versions; every mistake is a 400 naming the field; secrets are write-only.
 */
@OnBuiltJar
class AdminRestApiTest {
    /** A secret access key made up for these tests: 40 characters, as AWS's are. */
    private static final String SECRET = "tEsTsEcReT/0123456789+abcdefghijKLMNOPQR";
    private static final String OTHER_SECRET = "aNoThErSeCrEt/0123456789+abcdefghijKLMNO";
    private static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

    @TempDir
    static Path home;

    private static DemoHost jira;
    private static RestCalls rest;
    private static String demoAccountId;
    private static String federatedId;

    @BeforeAll
    static void startTheDemoHost() {
        jira = DemoHost.start(DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).build());
        rest = new RestCalls(jira);
        demoAccountId = rest.get(Who.ADMIN, "/admin/accounts").json().get("values").get(0).get("id").asText();
        for (JsonNode connector : rest.get(Who.ADMIN, "/admin/connectors").json().get("values")) {
            if (connector.get("name").asText().equals("Developers (federated)")) {
                federatedId = connector.get("id").asText();
            }
        }
    }

    @AfterAll
    static void stopTheDemoHost() {
        if (jira != null) {
            jira.close();
        }
    }

    @Test
    void onlyJiraAdministratorsMayUseAnyAdminEndpoint() {
        String account = "/admin/accounts/" + demoAccountId;
        String connector = "/admin/connectors/" + federatedId;
        List<String[]> calls = List.of(
                new String[] {"GET", "/admin/accounts", null},
                new String[] {"POST", "/admin/accounts", "{}"},
                new String[] {"GET", account, null},
                new String[] {"PUT", account, "{}"},
                new String[] {"DELETE", "/admin/accounts/" + UNKNOWN, "{}"},
                new String[] {"POST", account + "/validate", "{}"},
                new String[] {"POST", account + "/rotate-key", "{\"version\": -1}"},
                new String[] {"GET", "/admin/connectors", null},
                new String[] {"POST", "/admin/connectors", "{}"},
                new String[] {"GET", connector, null},
                new String[] {"PUT", connector, "{}"},
                new String[] {"DELETE", "/admin/connectors/" + UNKNOWN, "{}"},
                new String[] {"POST", connector + "/test", "{}"});
        Map<String, Integer> adminStatus = Map.ofEntries(
                Map.entry("GET /admin/accounts", 200), Map.entry("POST /admin/accounts", 400),
                Map.entry("GET " + account, 200), Map.entry("PUT " + account, 400),
                Map.entry("DELETE /admin/accounts/" + UNKNOWN, 404), Map.entry("POST " + account + "/validate", 200),
                Map.entry("POST " + account + "/rotate-key", 409), Map.entry("GET /admin/connectors", 200),
                Map.entry("POST /admin/connectors", 400), Map.entry("GET " + connector, 200),
                Map.entry("PUT " + connector, 400), Map.entry("DELETE /admin/connectors/" + UNKNOWN, 404),
                Map.entry("POST " + connector + "/test", 200));
        for (String[] call : calls) {
            String what = call[0] + " " + call[1];
            String type = call[2] == null ? null : "application/json";
            assertThat(rest.send(Who.ANONYMOUS, call[0], call[1], call[2], type).status()).as(what + " anonymous")
                    .isEqualTo(401);
            assertThat(rest.send(Who.BOB, call[0], call[1], call[2], type).status()).as(what + " bob")
                    .isEqualTo(403);
            assertThat(rest.send(Who.ALICE, call[0], call[1], call[2], type).status()).as(what + " alice")
                    .isEqualTo(403);
            Answer admin = rest.send(Who.ADMIN, call[0], call[1], call[2], type);
            assertThat(admin.status()).as(what + " admin: " + admin.body()).isEqualTo(adminStatus.get(what));
            assertThat(admin.contentType()).as(what).startsWith("application/json");
        }
    }

    @Test
    void anAccountGoesRoundTripWithItsSecretWriteOnlyAndAStaleVersionRefused() {
        Answer created = rest.post(Who.ADMIN, "/admin/accounts", "{\"name\": \"Sandbox\", \"description\": \"d\","
                + " \"accessKeyId\": \"AKIAIOSFODNN7SANDBOX\", \"secretAccessKey\": \"" + SECRET + "\","
                + " \"partition\": \"aws\", \"region\": \"eu-west-1\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode account = created.json();
        assertThat(fieldNames(account)).containsExactly("id", "name", "description", "type", "accessKeyId",
                "partition", "region", "endpointOverride", "iamEndpointOverride", "signinEndpointOverride",
                "version");
        assertThat(account.get("type").asText()).as("ACCESS_KEY when omitted").isEqualTo("ACCESS_KEY");
        assertThat(account.get("version").asLong()).isEqualTo(1);
        String path = "/admin/accounts/" + account.get("id").asText();
        assertThat(created.raw().headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/rest/aws-connectors/1.0" + path));
        StoredData stored = new StoredData(jira.plugin());
        java.util.UUID sandbox = stored.accountId("Sandbox");
        assertThat(stored.accountSecret(sandbox)).isEqualTo(SECRET);

        JsonNode read = rest.get(Who.ADMIN, path).json();
        assertThat(read).isEqualTo(account);

        ObjectNode edit = read.deepCopy();
        edit.put("region", "eu-central-1");
        Answer updated = rest.put(Who.ADMIN, path, edit.toString());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("region").asText()).isEqualTo("eu-central-1");
        assertThat(updated.json().get("version").asLong()).isEqualTo(2);
        assertThat(stored.accountSecret(sandbox)).as("no secret sent: the stored one is kept").isEqualTo(SECRET);

        Answer stale = rest.put(Who.ADMIN, path, edit.toString());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("status").asInt()).isEqualTo(409);
        assertThat(stale.json().get("message").asText()).contains("Sandbox");

        ObjectNode newSecret = updated.json().deepCopy();
        newSecret.put("secretAccessKey", OTHER_SECRET);
        assertThat(rest.put(Who.ADMIN, path, newSecret.toString()).status()).isEqualTo(200);
        assertThat(stored.accountSecret(sandbox)).isEqualTo(OTHER_SECRET);

        Answer rotateStale = rest.post(Who.ADMIN, path + "/rotate-key", "{\"version\": 1}");
        assertThat(rotateStale.status()).isEqualTo(409);
        assertThat(rotateStale.json().get("field").asText()).isEqualTo("version");

        assertThat(rest.delete(Who.ADMIN, path).status()).isEqualTo(204);
        assertThat(rest.get(Who.ADMIN, path).status()).isEqualTo(404);
        assertThat(rest.delete(Who.ADMIN, path).status()).isEqualTo(404);
    }

    @Test
    void badAccountInputIsA400ThatNamesTheField() {
        Answer missing = rest.post(Who.ADMIN, "/admin/accounts", "{\"name\": \"No region\", \"accessKeyId\": "
                + "\"AKIAIOSFODNN7NOREGIO\", \"secretAccessKey\": \"" + SECRET + "\", \"partition\": \"aws\"}");
        assertError(missing, 400, "region");
        assertThat(missing.json().get("violations").isArray()).isTrue();
        assertThat(missing.json().get("violations").get(0).get("field").asText()).isEqualTo("region");

        assertError(rest.post(Who.ADMIN, "/admin/accounts", "{\"name\": 5}"), 400, "name");
        assertError(rest.post(Who.ADMIN, "/admin/accounts", "{\"name\": \"x\", \"type\": \"ROOT\"}"), 400, "type");
        assertError(rest.post(Who.ADMIN, "/admin/accounts", "{\"name\": \"x\", \"partition\": \"moon\"}"), 400,
                "partition");
        assertError(rest.post(Who.ADMIN, "/admin/accounts", "{\"name\": \"x\", \"secretKey\": \"" + SECRET
                + "\"}"), 400, "secretKey");
        assertError(rest.post(Who.ADMIN, "/admin/accounts", "{\"name\": \"x\", \"endpointOverride\": \"http://a b\"}"),
                400, "endpointOverride");
        Answer notJson = rest.post(Who.ADMIN, "/admin/accounts", "{\"name\": \"x\", \"secretAccessKey\": \""
                + SECRET + "\"");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("message").asText()).contains("not valid JSON");
        assertThat(rest.post(Who.ADMIN, "/admin/accounts", "[1, 2]").json().get("status").asInt()).isEqualTo(400);
        assertThat(rest.post(Who.ADMIN, "/admin/accounts", "").status()).isEqualTo(400);

        JsonNode demo = rest.get(Who.ADMIN, "/admin/accounts/" + demoAccountId).json();
        ObjectNode noVersion = demo.deepCopy();
        noVersion.remove("version");
        assertError(rest.put(Who.ADMIN, "/admin/accounts/" + demoAccountId, noVersion.toString()), 400, "version");
        ObjectNode otherId = demo.deepCopy();
        otherId.put("id", UNKNOWN);
        assertError(rest.put(Who.ADMIN, "/admin/accounts/" + demoAccountId, otherId.toString()), 400, "id");

        Answer inUse = rest.delete(Who.ADMIN, "/admin/accounts/" + demoAccountId);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("message").asText()).contains("Developers (federated)");

        Answer hostRole = rest.post(Who.ADMIN, "/admin/accounts", "{\"name\": \"Host\", \"type\": \"HOST_ROLE\","
                + " \"partition\": \"aws\", \"region\": \"us-east-1\"}");
        assertThat(hostRole.status()).as(hostRole.body()).isEqualTo(201);
        assertError(rest.post(Who.ADMIN, "/admin/accounts/" + hostRole.json().get("id").asText() + "/rotate-key",
                "{\"version\": 1}"), 400, "type");

        Answer form = rest.send(Who.ADMIN, "POST", "/admin/accounts", "name=x", "application/x-www-form-urlencoded");
        assertThat(form.status()).as("a form post is refused (XSRF, or not JSON)").isIn(403, 415);
    }

    @Test
    void aNameWithHalfASurrogatePairIsA400NamingTheFieldAndNothingIsStored() {
        int accounts = rest.get(Who.ADMIN, "/admin/accounts").json().get("values").size();
        int connectors = rest.get(Who.ADMIN, "/admin/connectors").json().get("values").size();
        // JSON's escape, so the lone surrogate reaches the server as it was sent.
        assertError(rest.post(Who.ADMIN, "/admin/accounts", "{\"name\": \"probe-\\ud800x\", \"accessKeyId\": "
                + "\"AKIAIOSFODNN7SURROGA\", \"secretAccessKey\": \"" + SECRET + "\", \"partition\": \"aws\","
                + " \"region\": \"eu-west-1\"}"), 400, "name");
        assertError(rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"probe-\\u0007bell\", \"accountId\": \""
                + demoAccountId + "\", \"principalType\": \"IAM_USER\"}"), 400, "name");
        assertError(rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"Probe groups\", \"accountId\": \""
                + demoAccountId + "\", \"principalType\": \"IAM_USER\", \"groups\": [\"dev\\udc00\"]}"), 400,
                "groups");

        assertThat(rest.get(Who.ADMIN, "/admin/accounts").json().get("values")).as("no account stored").hasSize(accounts);
        assertThat(rest.get(Who.ADMIN, "/admin/connectors").json().get("values")).as("no connector stored").hasSize(connectors);
    }

    @Test
    void theDemoAccountValidatesAndItsKeyRotatesWithoutTheNewSecretInTheAnswer() {
        JsonNode check = rest.post(Who.ADMIN, "/admin/accounts/" + demoAccountId + "/validate", null).json();
        assertThat(check.get("awsAccountId").asText()).matches("\\d{12}");
        assertThat(check.get("arn").asText()).contains(":user/");

        // The demo account itself: the new key is stored in it, so everything else keeps working.
        StoredData stored = new StoredData(jira.plugin());
        String path = "/admin/accounts/" + demoAccountId;
        JsonNode copy = rest.get(Who.ADMIN, path).json();
        long version = copy.get("version").asLong();

        Answer rotated = rest.post(Who.ADMIN, path + "/rotate-key", "{\"version\": " + version + "}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        JsonNode report = rotated.json();
        assertThat(report.get("succeeded").asBoolean()).isTrue();
        assertThat(report.get("activeAccessKeyId").asText()).isNotEqualTo(copy.get("accessKeyId").asText());
        assertThat(report.get("version").asLong()).isEqualTo(version + 1);
        assertThat(report.get("steps").size()).isGreaterThanOrEqualTo(3);
        // Each step in the bundle's English, said through the host's i18n from its key and arguments.
        JsonNode create = report.get("steps").get(0);
        assertThat(create.get("name").asText()).isEqualTo("Create a new access key");
        assertThat(create.get("message").asText()).startsWith("Created access key "
                + report.get("activeAccessKeyId").asText() + " for ").endsWith(".");
        assertThat(report.get("steps").get(1).get("message").asText()).startsWith("AWS STS accepts the new key "
                + report.get("activeAccessKeyId").asText() + " (it signs as arn:aws:iam::");
        assertThat(rotated.body()).doesNotContain(stored.accountSecret(java.util.UUID.fromString(demoAccountId)));
        assertThat(rest.post(Who.ADMIN, path + "/validate", null).status()).isEqualTo(200);
    }

    @Test
    void anAwsFailureIsA502WhoseMessageSaysInEnglishWhichCallFailedAndWhatToCheck() {
        Answer created = rest.post(Who.ADMIN, "/admin/accounts", "{\"name\": \"Unreachable\", \"accessKeyId\": "
                + "\"AKIAUNREACHABLE00001\", \"secretAccessKey\": \"" + SECRET + "\", \"partition\": \"aws\", "
                + "\"region\": \"eu-west-1\", \"endpointOverride\": \"http://127.0.0.1:1\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = "/admin/accounts/" + created.json().get("id").asText();
        try {
            Answer validated = rest.post(Who.ADMIN, path + "/validate", null);

            assertThat(validated.status()).as(validated.body()).isEqualTo(502);
            // The message and its nested reason, from their keys, in the bundle's English.
            assertThat(validated.json().get("message").asText())
                    .startsWith("AWS STS at 127.0.0.1:1 could not be reached: ")
                    .endsWith(". Check the network path from Jira to AWS (DNS, firewall, proxy, VPC endpoint) and "
                            + "the account's endpoint override.")
                    .doesNotContain("awsc.");
            assertThat(validated.body()).doesNotContain(SECRET);
        } finally {
            assertThat(rest.delete(Who.ADMIN, path).status()).isEqualTo(204);
        }
    }

    @Test
    void refusesAnAccessKeyIdAlreadyStoredOnAnotherAccountNamingItWithTheKeyMaskedAndStoresNothing() {
        String ownersKey = "AKIAKEYOWNER00000001";
        Answer owner = rest.post(Who.ADMIN, "/admin/accounts", accountJson("Key owner", ownersKey));
        assertThat(owner.status()).as(owner.body()).isEqualTo(201);
        Answer other = rest.post(Who.ADMIN, "/admin/accounts", accountJson("Key other", "AKIAKEYOTHER00000002"));
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        JsonNode accountsBefore = rest.get(Who.ADMIN, "/admin/accounts").json().get("values");
        int eventsBefore = jira.auditLog().events().size();

        Answer created = rest.post(Who.ADMIN, "/admin/accounts", accountJson("Key copy", ownersKey));
        ObjectNode edit = other.json().deepCopy();
        edit.put("accessKeyId", ownersKey);
        Answer updated = rest.put(Who.ADMIN, "/admin/accounts/" + other.json().get("id").asText(), edit.toString());

        for (Answer refused : List.of(created, updated)) {
            assertError(refused, 400, "accessKeyId");
            assertThat(refused.json().get("message").asText()).contains("'Key owner'", "AKIA************0001");
            assertThat(refused.body()).doesNotContain(ownersKey);
        }
        assertThat(rest.get(Who.ADMIN, "/admin/accounts").json().get("values")).as("nothing stored").isEqualTo(accountsBefore);
        assertThat(jira.auditLog().events()).as("nothing audited").hasSize(eventsBefore);
    }

    @Test
    void aRotationWhileAnotherAccountStoresTheSameKeyIsA409NamingItAndLeavesNothingToCleanUp() throws Exception {
        String sharedKey = "AKIASHAREDKEY0000003";
        Answer first = rest.post(Who.ADMIN, "/admin/accounts", accountJson("Shared first", sharedKey));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Answer second = rest.post(Who.ADMIN, "/admin/accounts", accountJson("Shared second", "AKIASHAREDKEY0000004"));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        // As a site stored them before key IDs were kept to one account: the same key ID on both.
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:"
                + home.resolve("database").resolve("awsc") + ";AUTO_SERVER=TRUE", "sa", "");
             Statement statement = connection.createStatement()) {
            String accountTable;
            try (ResultSet tables = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_NAME LIKE 'AO\\_%\\_ACCOUNT'")) {
                assertThat(tables.next()).isTrue();
                accountTable = tables.getString(1);
            }
            assertThat(statement.executeUpdate("UPDATE \"" + accountTable + "\" SET \"ACCESS_KEY_ID\" = '"
                    + sharedKey + "' WHERE \"PUBLIC_ID\" = '" + second.json().get("id").asText() + "'"))
                    .isEqualTo(1);
        }
        String path = "/admin/accounts/" + first.json().get("id").asText();
        int eventsBefore = jira.auditLog().events().size();

        Answer rotated = rest.post(Who.ADMIN, path + "/rotate-key",
                "{\"version\": " + first.json().get("version").asLong() + "}");

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(409);
        assertThat(rotated.json().get("status").asInt()).isEqualTo(409);
        assertThat(rotated.json().get("message").asText()).contains("'Shared second'");
        assertThat(rotated.body()).doesNotContain(sharedKey);
        assertThat(rest.get(Who.ADMIN, path).json().get("accessKeyId").asText()).isEqualTo(sharedKey);
        assertThat(jira.auditLog().events()).as("nothing audited").hasSize(eventsBefore);
        Answer cleanUp = rest.post(Who.ADMIN, path + "/rotation-clean-up", "{}");
        assertThat(cleanUp.status()).as("no rotation was started: " + cleanUp.body()).isEqualTo(404);
    }

    @Test
    void theRotationCleanUpIsA404WhenNoRotationIsUnfinishedAndChangesNothing() {
        String path = "/admin/accounts/" + demoAccountId;
        JsonNode before = rest.get(Who.ADMIN, path).json();
        int eventsBefore = jira.auditLog().events().size();

        Answer cleanUp = rest.post(Who.ADMIN, path + "/rotation-clean-up", "{}");

        assertThat(cleanUp.status()).as(cleanUp.body()).isEqualTo(404);
        assertThat(cleanUp.contentType()).startsWith("application/json");
        assertThat(cleanUp.json().get("message").asText()).contains("No rotation of this account is unfinished");
        assertThat(rest.get(Who.ADMIN, path).json()).isEqualTo(before);
        assertThat(jira.auditLog().events()).hasSize(eventsBefore);
        assertThat(rest.post(Who.ADMIN, "/admin/accounts/" + UNKNOWN + "/rotation-clean-up", "{}").status())
                .isEqualTo(404);
    }

    private static String accountJson(String name, String accessKeyId) {
        return "{\"name\": \"" + name + "\", \"accessKeyId\": \"" + accessKeyId + "\", \"secretAccessKey\": \""
                + SECRET + "\", \"partition\": \"aws\", \"region\": \"eu-west-1\"}";
    }

    @Test
    void aValueInAFieldThePrincipalTypeDoesNotTakeIsA400NamingTheFieldAndNothingIsStored() {
        int connectors = rest.get(Who.ADMIN, "/admin/connectors").json().get("values").size();
        Answer mfa = rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"Probe MFA\", \"accountId\": \""
                + demoAccountId + "\", \"principalType\": \"FEDERATED_USER\", \"policyArns\": "
                + "[\"arn:aws:iam::aws:policy/ReadOnlyAccess\"], \"mfaSerialNumber\": "
                + "\"arn:aws:iam::123456789012:mfa/jira-broker\"}");
        assertError(mfa, 400, "mfaSerialNumber");
        assertThat(mfa.json().get("message").asText())
                .isEqualTo("Federated User connectors cannot ask for an MFA code; remove the MFA serial number.");
        assertError(rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"Probe policy\", \"accountId\": \""
                + demoAccountId + "\", \"principalType\": \"IAM_USER\", \"policyArns\": "
                + "[\"arn:aws:iam::aws:policy/ReadOnlyAccess\"]}"), 400, "policyArns");
        assertError(rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"Probe tags\", \"accountId\": \""
                + demoAccountId + "\", \"principalType\": \"IAM_USER\", \"sourceIdentityAndTags\": true}"), 400,
                "sourceIdentityAndTags");
        assertThat(rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"Probe no values\", \"accountId\": \""
                + demoAccountId + "\", \"principalType\": \"IAM_USER\", \"roleArn\": \" \", \"policy\": \"\","
                + " \"policyArns\": [], \"sourceIdentityAndTags\": false, \"consoleDestination\": null}").status())
                .as("blank, empty, false and null are no value").isEqualTo(201);

        assertThat(rest.get(Who.ADMIN, "/admin/connectors").json().get("values")).as("only the connector without values stored")
                .hasSize(connectors + 1);
    }

    @Test
    void groupsJiraDoesNotHaveAreA400NamingTheFieldAndEachUnknownGroupAndNothingIsStored() {
        int connectors = rest.get(Who.ADMIN, "/admin/connectors").json().get("values").size();
        Answer unknown = rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"Probe groups\", \"accountId\": \""
                + demoAccountId + "\", \"principalType\": \"IAM_USER\", \"groups\": [\"aws-developers\","
                + " \"aws-develpers\", \"no-such-team\"]}");
        assertError(unknown, 400, "groups");
        assertThat(unknown.json().get("message").asText()).isEqualTo("Jira has no groups named aws-develpers, "
                + "no-such-team. Check the spelling, or create the group in Jira first.");
        assertThat(rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"Probe group\", \"accountId\": \""
                + demoAccountId + "\", \"principalType\": \"IAM_USER\", \"groups\": [\"aws-developers\"]}")
                .status()).as("a group Jira has").isEqualTo(201);

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ", ").append("\"aws-developers-").append(i).append('"');
        }
        Answer tooMany = rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"Probe many\", \"accountId\": \""
                + demoAccountId + "\", \"principalType\": \"IAM_USER\", \"groups\": [" + many + "]}");
        assertError(tooMany, 400, "groups");
        assertThat(tooMany.json().get("message").asText()).startsWith("A connector may name at most 100 groups");

        assertThat(rest.get(Who.ADMIN, "/admin/connectors").json().get("values")).as("only the correctly named one stored")
                .hasSize(connectors + 1);
    }

    @Test
    void aConnectorGoesRoundTripAndIsTestedAsTheAdmin() {
        Answer created = rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"Ops\", \"accountId\": \""
                + demoAccountId + "\", \"principalType\": \"FEDERATED_USER\", \"policyArns\": "
                + "[\"arn:aws:iam::aws:policy/ReadOnlyAccess\"], \"maxDurationSeconds\": 3600, \"groups\": "
                + "[\"aws-developers\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode connector = created.json();
        assertThat(fieldNames(connector)).containsExactly("id", "name", "description", "accountId", "principalType",
                "roleArn", "externalId", "policy", "policyArns", "maxDurationSeconds", "mfaSerialNumber",
                "sourceIdentityAndTags", "groups", "systemScope", "consoleDestination", "version");
        String path = "/admin/connectors/" + connector.get("id").asText();
        assertThat(rest.get(Who.ADMIN, path).json()).isEqualTo(connector);
        assertThat(UserRestApiTest.names(rest.get(Who.ALICE, "/connectors").json().get("values"))).contains("Ops");

        ObjectNode edit = connector.deepCopy();
        edit.put("maxDurationSeconds", 7200);
        Answer updated = rest.put(Who.ADMIN, path, edit.toString());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("maxDurationSeconds").asInt()).isEqualTo(7200);
        assertThat(updated.json().get("version").asLong()).isEqualTo(2);
        assertThat(rest.put(Who.ADMIN, path, edit.toString()).status()).as("stale version").isEqualTo(409);

        ObjectNode tooShort = updated.json().deepCopy();
        tooShort.put("maxDurationSeconds", 60);
        assertError(rest.put(Who.ADMIN, path, tooShort.toString()), 400, "maxDurationSeconds");
        ObjectNode notANumber = updated.json().deepCopy();
        notANumber.put("maxDurationSeconds", "an hour");
        assertError(rest.put(Who.ADMIN, path, notANumber.toString()), 400, "maxDurationSeconds");
        ObjectNode roleArnOnFederated = updated.json().deepCopy();
        roleArnOnFederated.put("roleArn", "arn:aws:iam::123456789012:role/x");
        assertError(rest.put(Who.ADMIN, path, roleArnOnFederated.toString()), 400, "roleArn");
        ObjectNode groupsNotArray = updated.json().deepCopy();
        groupsNotArray.put("groups", "aws-developers");
        assertError(rest.put(Who.ADMIN, path, groupsNotArray.toString()), 400, "groups");
        assertError(rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"X\", \"accountId\": \"" + UNKNOWN
                + "\", \"principalType\": \"IAM_USER\"}"), 400, "accountId");
        assertError(rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"X\", \"accountId\": \"" + demoAccountId
                + "\", \"principalType\": \"ROBOT\"}"), 400, "principalType");

        JsonNode test = rest.post(Who.ADMIN, path + "/test", null).json();
        assertThat(test.get("arn").asText()).endsWith(":federated-user/admin");
        assertThat(test.get("account").asText()).matches("\\d{12}");

        assertThat(rest.delete(Who.ADMIN, path).status()).isEqualTo(204);
        assertThat(rest.get(Who.ADMIN, path).status()).isEqualTo(404);
        assertThat(rest.post(Who.ADMIN, path + "/test", null).status()).isEqualTo(404);
    }

    @Test
    void testingAnUnknownConnectorIsA404AndAuditedAsACredentialsRequest() {
        int eventsBefore = jira.auditLog().events().size();

        Answer test = rest.post(Who.ADMIN, "/admin/connectors/" + UNKNOWN + "/test", "{}");

        assertThat(test.status()).as(test.body()).isEqualTo(404);
        assertThat(test.json().get("message").asText()).isEqualTo("There is no AWS connector with id " + UNKNOWN
                + ".");
        assertThat(jira.auditLog().events()).hasSize(eventsBefore + 1).last().satisfies(event -> {
            assertThat(event.getActionI18nKey()).isEqualTo("awsc.audit.credentials.denied");
            assertThat(event.getExtraAttributes()).anySatisfy(attribute -> {
                assertThat(attribute.getNameI18nKey()).isEqualTo("awsc.audit.attribute.denial");
                assertThat(attribute.getValue()).isEqualTo("CONNECTOR_NOT_FOUND");
            });
        });
    }

    @Test
    void adminChangesMadeThroughRestAreInTheAuditLog() {
        Answer created = rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"Audited\", \"accountId\": \""
                + demoAccountId + "\", \"principalType\": \"IAM_USER\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(rest.delete(Who.ADMIN, "/admin/connectors/" + created.json().get("id").asText()).status())
                .isEqualTo(204);
        String log = jira.auditLog().readLogAsJsonText();
        assertThat(log).contains("awsc.audit.connector.created", "awsc.audit.connector.deleted", "Audited",
                "REST API");
    }

    @Test
    void noAdminResponseEverCarriesASecretAccessKey() {
        anAccountGoesRoundTripWithItsSecretWriteOnlyAndAStaleVersionRefused();
        List<String> secrets = new ArrayList<>(List.of(SECRET, OTHER_SECRET));
        secrets.addAll(new StoredData(jira.plugin()).accountSecrets());
        rest.assertNoBodyContains(secrets);
    }
}
