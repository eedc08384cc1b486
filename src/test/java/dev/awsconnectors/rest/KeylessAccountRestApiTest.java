package dev.awsconnectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.rest.RestCalls.Answer;
import dev.awsconnectors.rest.RestCalls.Who;
import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.demo.DemoHost;
import dev.awsconnectors.testhost.demo.DemoOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.awsconnectors.rest.RestCalls.assertError;
import static dev.awsconnectors.rest.UserRestApiTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyless accounts (Jira as identity provider) through the admin REST API of the built plugin: created, read,
 * listed, edited and deleted with their audience and issuer URL and without key fields; bad values and connectors
 * that need an IAM user's key are 400s naming the field.
 */
@OnBuiltJar
class KeylessAccountRestApiTest {
    @TempDir
    static Path home;

    private static DemoHost jira;
    private static RestCalls rest;
    private static String demoAccountId;

    @BeforeAll
    static void startTheDemoHost() {
        jira = DemoHost.start(DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).build());
        rest = new RestCalls(jira);
        demoAccountId = rest.get(Who.ADMIN, "/admin/accounts").json().get("values").get(0).get("id").asText();
    }

    @AfterAll
    static void stopTheDemoHost() {
        if (jira != null) {
            jira.close();
        }
    }

    @Test
    void aKeylessAccountGoesRoundTripWithItsAudienceAndIssuerUrlAndNoKeyFields() {
        Answer created = rest.post(Who.ADMIN, "/admin/accounts", "{\"name\": \"Keyless\", \"type\": "
                + "\"WEB_IDENTITY\", \"partition\": \"aws\", \"region\": \"eu-west-1\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode account = created.json();
        assertThat(fieldNames(account)).containsExactly("id", "name", "description", "type", "partition", "region",
                "endpointOverride", "iamEndpointOverride", "signinEndpointOverride", "audience", "issuerUrl",
                "version");
        assertThat(account.get("type").asText()).isEqualTo("WEB_IDENTITY");
        assertThat(account.get("audience").asText()).as("AWS's default audience").isEqualTo("sts.amazonaws.com");
        assertThat(account.get("issuerUrl").isNull()).as("the app's own issuer").isTrue();
        String path = "/admin/accounts/" + account.get("id").asText();
        assertThat(rest.get(Who.ADMIN, path).json()).isEqualTo(account);
        assertThat(rest.get(Who.ADMIN, "/admin/accounts").json().get("values").findValuesAsText("name"))
                .contains("Keyless");

        ObjectNode edit = account.deepCopy();
        edit.put("audience", "jira-prod");
        edit.put("issuerUrl", "https://oidc-bucket.s3.eu-west-1.amazonaws.com/jira");
        Answer updated = rest.put(Who.ADMIN, path, edit.toString());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("audience").asText()).isEqualTo("jira-prod");
        assertThat(updated.json().get("issuerUrl").asText())
                .isEqualTo("https://oidc-bucket.s3.eu-west-1.amazonaws.com/jira");
        assertThat(updated.json().get("version").asLong()).isEqualTo(2);
        assertThat(rest.get(Who.ADMIN, path).json()).isEqualTo(updated.json());

        assertError(rest.post(Who.ADMIN, path + "/rotate-key", "{\"version\": 2}"), 400, "type");
        Answer validate = rest.post(Who.ADMIN, path + "/validate", "{}");
        assertError(validate, 400, "type");
        assertThat(validate.json().get("message").asText()).contains("test one of its IAM Role connectors");

        assertThat(rest.delete(Who.ADMIN, path).status()).isEqualTo(204);
        assertThat(rest.get(Who.ADMIN, path).status()).isEqualTo(404);
    }

    @Test
    void badKeylessValuesAreA400NamingTheFieldAndNothingIsStored() {
        int before = rest.get(Who.ADMIN, "/admin/accounts").json().get("values").size();
        assertError(rest.post(Who.ADMIN, "/admin/accounts", keyless("Plain http",
                ", \"issuerUrl\": \"http://jira.example.com/oidc\"")), 400, "issuerUrl");
        assertError(rest.post(Who.ADMIN, "/admin/accounts", keyless("Query",
                ", \"issuerUrl\": \"https://jira.example.com/oidc?x=1\"")), 400, "issuerUrl");
        assertError(rest.post(Who.ADMIN, "/admin/accounts", keyless("Not a URL",
                ", \"issuerUrl\": \"https://a b\"")), 400, "issuerUrl");
        assertError(rest.post(Who.ADMIN, "/admin/accounts", keyless("Long audience",
                ", \"audience\": \"" + "a".repeat(256) + "\"")), 400, "audience");
        assertError(rest.post(Who.ADMIN, "/admin/accounts", keyless("With key",
                ", \"accessKeyId\": \"AKIAIOSFODNN7EXAMPLE\"")), 400, "accessKeyId");
        assertError(rest.post(Who.ADMIN, "/admin/accounts", "{\"name\": \"Host\", \"type\": \"HOST_ROLE\", "
                + "\"partition\": \"aws\", \"region\": \"us-east-1\", \"audience\": \"sts.amazonaws.com\"}"),
                400, "audience");
        assertThat(rest.get(Who.ADMIN, "/admin/accounts").json().get("values").size()).isEqualTo(before);
    }

    @Test
    void connectorsThatNeedAnIamUsersKeyAreRefusedOnAKeylessAccountAndAnAccountTheyUseCannotTurnKeyless() {
        String keylessId = rest.post(Who.ADMIN, "/admin/accounts", keyless("Keyless for connectors", ""))
                .json().get("id").asText();
        Answer federated = rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"Federated keyless\", "
                + "\"accountId\": \"" + keylessId + "\", \"principalType\": \"FEDERATED_USER\", \"policyArns\": "
                + "[\"arn:aws:iam::aws:policy/ReadOnlyAccess\"]}");
        assertError(federated, 400, "principalType");
        assertThat(federated.json().get("message").asText()).contains("GetFederationToken",
                "IAM user's long-term credentials");

        Answer role = rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"Role keyless\", \"accountId\": \""
                + keylessId + "\", \"principalType\": \"IAM_ROLE\", \"roleArn\": "
                + "\"arn:aws:iam::123456789012:role/JiraUsers\", \"maxDurationSeconds\": 43200}");
        assertThat(role.status()).as("not role chaining: up to 12 hours. " + role.body()).isEqualTo(201);

        JsonNode demo = rest.get(Who.ADMIN, "/admin/accounts/" + demoAccountId).json();
        ObjectNode turned = demo.deepCopy();
        turned.put("type", "WEB_IDENTITY");
        turned.remove("accessKeyId");
        Answer refused = rest.put(Who.ADMIN, "/admin/accounts/" + demoAccountId, turned.toString());
        assertError(refused, 400, "type");
        assertThat(refused.json().get("message").asText()).contains("Developers (federated)");
        assertThat(rest.get(Who.ADMIN, "/admin/accounts/" + demoAccountId).json()).isEqualTo(demo);
    }

    @Test
    void anExternalIdOnAKeylessAccountsRoleConnectorIsA400NamingTheFieldAndNothingIsStored() {
        String keylessId = rest.post(Who.ADMIN, "/admin/accounts", keyless("Keyless without external IDs", ""))
                .json().get("id").asText();
        int before = rest.get(Who.ADMIN, "/admin/connectors").json().get("values").size();
        Answer refused = rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"Role with external ID\", "
                + "\"accountId\": \"" + keylessId + "\", \"principalType\": \"IAM_ROLE\", \"roleArn\": "
                + "\"arn:aws:iam::123456789012:role/JiraUsers\", \"externalId\": \"partner-7\"}");
        assertError(refused, 400, "externalId");
        assertThat(refused.json().get("message").asText()).contains("AssumeRoleWithWebIdentity takes no external ID");
        assertThat(rest.get(Who.ADMIN, "/admin/connectors").json().get("values").size()).isEqualTo(before);
    }

    private static String keyless(String name, String more) {
        return "{\"name\": \"" + name + "\", \"type\": \"WEB_IDENTITY\", \"partition\": \"aws\", "
                + "\"region\": \"eu-west-1\"" + more + "}";
    }
}
