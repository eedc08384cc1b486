package dev.awsconnectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsconnectors.rest.RestCalls.Answer;
import dev.awsconnectors.rest.RestCalls.Who;
import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.ao.StoredRows;
import dev.awsconnectors.testhost.demo.DemoHost;
import dev.awsconnectors.testhost.demo.DemoOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keyless account's connector refused, through the REST API of the built plugin against the demo's local AWS
 * double: the admin's connector Test answers what is wrong and what to do, naming the audience or setting concerned;
 * a user who is not an administrator gets the same status with nothing of the issuer, audience or subject; a
 * connector stored with settings the app refuses today is refused, never a 500.
 */
@OnBuiltJar
class KeylessRefusalsRestApiTest {
    @TempDir
    static Path home;

    private static DemoHost jira;
    private static RestCalls rest;
    private static String keylessRoleArn;

    @BeforeAll
    static void startTheDemoHost() {
        jira = DemoHost.start(DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).build());
        rest = new RestCalls(jira);
        for (JsonNode connector : rest.get(Who.ADMIN, "/admin/connectors").json().get("values")) {
            if (connector.get("name").asText().equals("Developers (keyless)")) {
                keylessRoleArn = connector.get("roleArn").asText();
            }
        }
        assertThat(keylessRoleArn).as("the demo's keyless connector").isNotNull();
    }

    @AfterAll
    static void stopTheDemoHost() {
        if (jira != null) {
            jira.close();
        }
    }

    @Test
    void theTestOfAConnectorWhoseAudienceTheProviderDoesNotListExplainsItToTheAdminAndNotToUsers() {
        String connectorId = keylessConnector("Wrong audience", ", \"audience\": \"jira-prod\"");

        Answer test = rest.post(Who.ADMIN, "/admin/connectors/" + connectorId + "/test", "{}");

        assertThat(test.status()).as(test.body()).isEqualTo(502);
        assertThat(test.json().get("awsErrorCode").asText()).isEqualTo("InvalidIdentityToken");
        assertThat(test.json().get("message").asText()).contains("connector 'Wrong audience connector'",
                "the token's audience jira-prod is not one of the audiences (client IDs) of the IAM OpenID Connect "
                        + "identity provider for " + jira.baseUrl() + "/rest/aws-connectors/1.0/oidc",
                "Add jira-prod to that provider's audiences in IAM");

        Answer asUser = rest.get(Who.ALICE, "/connectors/" + connectorId + "/credentials");
        assertThat(asUser.status()).as(asUser.body()).isEqualTo(502);
        assertThat(asUser.json().get("message").asText()).isEqualTo("AWS did not accept the AWS account behind "
                + "this connector (InvalidIdentityToken). Ask a Jira administrator to validate the account; the "
                + "details are in the audit log.");
        assertThat(asUser.body()).doesNotContain("jira-prod", "oidc", "connector:");
    }

    @Test
    void aKeylessConnectorStoredWithAnMfaDeviceIsRefusedWithWhatToChangeAndNeverA500() throws Exception {
        String connectorId = keylessConnector("Old MFA", "");
        // As a row kept from before its account became keyless: the validator refuses it today.
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:"
                + home.resolve("database").resolve("awsc") + ";AUTO_SERVER=TRUE", "sa", "")) {
            StoredRows.overwrite(connection, "CONNECTOR", UUID.fromString(connectorId), "MFA_SERIAL_NUMBER",
                    "arn:aws:iam::123456789012:mfa/admin");
        }

        Answer test = rest.post(Who.ADMIN, "/admin/connectors/" + connectorId + "/test", "{}");

        assertThat(test.status()).as(test.body()).isEqualTo(502);
        assertThat(test.json().get("message").asText()).isEqualTo("Connector 'Old MFA connector' has the MFA "
                + "device arn:aws:iam::123456789012:mfa/admin, but its account 'Old MFA' uses Jira as identity "
                + "provider, and AssumeRoleWithWebIdentity takes no MFA code; nothing was sent to AWS. Edit the "
                + "connector and remove its MFA serial number (it was set before the account became keyless).");
        assertThat(test.json().has("awsErrorCode")).as("AWS was not called").isFalse();

        Answer asUser = rest.get(Who.ALICE, "/connectors/" + connectorId + "/credentials?mfaCode=123456");
        assertThat(asUser.status()).as(asUser.body()).isEqualTo(502);
        assertThat(asUser.json().get("message").asText()).isEqualTo("This connector's settings cannot be used. "
                + "Ask a Jira administrator to test the connector; the details are in the audit log.");
    }

    /** A keyless account named {@code name} and an IAM Role connector on it for the demo's keyless role. */
    private static String keylessConnector(String name, String accountFields) {
        Answer account = rest.post(Who.ADMIN, "/admin/accounts", "{\"name\": \"" + name + "\", \"type\": "
                + "\"WEB_IDENTITY\", \"partition\": \"aws\", \"region\": \"us-east-1\", \"endpointOverride\": \""
                + jira.localAwsEndpoint().orElseThrow() + "\"" + accountFields + "}");
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        Answer connector = rest.post(Who.ADMIN, "/admin/connectors", "{\"name\": \"" + name + " connector\", "
                + "\"accountId\": \"" + account.json().get("id").asText() + "\", \"principalType\": \"IAM_ROLE\", "
                + "\"roleArn\": \"" + keylessRoleArn + "\", \"groups\": [\"aws-developers\"]}");
        assertThat(connector.status()).as(connector.body()).isEqualTo(201);
        return connector.json().get("id").asText();
    }
}
