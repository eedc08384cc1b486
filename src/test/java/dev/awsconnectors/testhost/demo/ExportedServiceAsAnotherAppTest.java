package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.OnBuiltJar;
import com.atlassian.audit.entity.AuditAttribute;
import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.AuditResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.api.AwsConnectorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Item 4 of issue 7: another app uses the exported OSGi service exactly as it would in Jira — a real bundle of its
 * own in the node's framework, importing the plugin's API package, looking the service up in the registry under
 * its interface (the plugin's implementation stays out of its reach), calling it on behalf of the current user and
 * through the system-scope entry — and the credentials it gets work against AWS (the local double), with an audit
 * event for each call that names the calling app's Atlassian-Plugin-Key.
 */
@OnBuiltJar
class ExportedServiceAsAnotherAppTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private DemoOptions options() {
        return DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).build();
    }

    /** What the other app would do with the credentials: call AWS with its own SDK client. */
    private static GetCallerIdentityResponse callerIdentity(URI endpoint, Map<String, String> credentials) {
        assertThat(credentials).as("credentials, not a refusal").containsKey("secretAccessKey");
        try (StsClient sts = StsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        credentials.get("accessKeyId"), credentials.get("secretAccessKey"),
                        credentials.get("sessionToken"))))
                .build()) {
            return sts.getCallerIdentity();
        }
    }

    private static Map<String, String> attributes(AuditEvent event) {
        return event.getExtraAttributes().stream()
                .collect(Collectors.toMap(AuditAttribute::getNameI18nKey, AuditAttribute::getValue));
    }

    /** Creates a connector as an admin would, through the admin REST API; returns its id. */
    private static String createSystemScopeConnector(DemoHost jira, String accountId) throws Exception {
        ObjectNode connector = JSON.createObjectNode()
                .put("name", "Nightly report")
                .put("description", "Used by a scheduled job of another app")
                .put("accountId", accountId)
                .put("principalType", "FEDERATED_USER")
                .put("policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}")
                .put("systemScope", true);
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(jira.baseUrl() + "/rest/aws-connectors/1.0/admin/connectors"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(connector.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    @Test
    void anotherAppGetsWorkingCredentialsForTheUserAndThroughSystemScopeAndIsRefusedTheRest() throws Exception {
        try (DemoHost jira = DemoHost.start(options())) {
            URI aws = jira.localAwsEndpoint().orElseThrow();
            AnotherApp reports = AnotherApp.install(jira, home, "com.example.nightly-reports");
            assertThat(reports.call("implementation")).as("another bundle sees the exported interface only; the "
                    + "implementation's package is private to the plugin").containsEntry("loadable", "false");

            // As the current user: alice, a member of aws-developers.
            Map<String, String> alices = jira.users().runAs("alice",
                    () -> reports.call("credentials", reports.call("usable").get(DemoData.FEDERATED)));
            GetCallerIdentityResponse alice = callerIdentity(aws, alices);
            assertThat(alice.arn()).isEqualTo("arn:aws:sts::" + DemoAws.ACCOUNT_ID + ":federated-user/alice")
                    .isEqualTo(alices.get("principalArn"));
            assertThat(alice.account()).isEqualTo(DemoAws.ACCOUNT_ID);

            // Through the system-scope entry, with no user, on a connector an admin flagged system scope.
            StoredData stored = new StoredData(jira.plugin());
            String nightly = createSystemScopeConnector(jira, stored.accountId(DemoData.ACCOUNT).toString());
            Map<String, String> systems = reports.call("system", nightly);
            assertThat(callerIdentity(aws, systems).arn())
                    .isEqualTo("arn:aws:sts::" + DemoAws.ACCOUNT_ID + ":federated-user/"
                            + AwsConnectorService.SYSTEM_SESSION_NAME);

            // A connector that is not system scope is refused to code with no user.
            String developers = stored.connectorId(DemoData.FEDERATED).toString();
            assertThat(reports.call("system", developers)).containsExactly(Map.entry("denied", "NOT_SYSTEM_SCOPE"));

            List<AuditEvent> brokerEvents = jira.auditLog().events().stream()
                    .filter(e -> e.getActionI18nKey().startsWith("awsc.audit.credentials."))
                    .collect(Collectors.toList());
            assertThat(brokerEvents).extracting(AuditEvent::getActionI18nKey).containsExactly(
                    "awsc.audit.credentials.issued", "awsc.audit.credentials.issued", "awsc.audit.credentials.denied");
            assertThat(brokerEvents).extracting(e -> e.getAffectedObjects().get(0).getName())
                    .containsExactly(DemoData.FEDERATED, "Nightly report", DemoData.FEDERATED);
            assertThat(brokerEvents).extracting(e -> attributes(e).get("awsc.audit.attribute.requestedBy"))
                    .containsExactly("alice", "com.example.nightly-reports (system scope)",
                            "com.example.nightly-reports (system scope)");
            assertThat(brokerEvents).allSatisfy(e -> {
                assertThat(attributes(e)).containsEntry("awsc.audit.attribute.source", "API")
                        .containsEntry("awsc.audit.attribute.callingApp", "com.example.nightly-reports");
                assertThat(e.getAffectedObjects()).extracting(AuditResource::getName).contains(DemoData.ACCOUNT);
            });
            assertThat(attributes(brokerEvents.get(0))).containsEntry("awsc.audit.attribute.principalArn",
                    alices.get("principalArn"));
            assertThat(attributes(brokerEvents.get(2))).containsEntry("awsc.audit.attribute.reason",
                    "NOT_SYSTEM_SCOPE");
            assertThat(jira.auditLog().readLogAsJsonText()).doesNotContain(alices.get("secretAccessKey"),
                    alices.get("sessionToken"), systems.get("secretAccessKey"), systems.get("sessionToken"));
        }
    }

    @Test
    void anotherAppCatchesTheDocumentedExceptionWhenTheAccountsSecretCannotBeRead() throws Exception {
        try (DemoHost jira = DemoHost.start(options())) {
            AnotherApp reports = AnotherApp.install(jira, home, "com.example.nightly-reports");
            String federated = jira.users().runAs("alice", () -> reports.call("usable").get(DemoData.FEDERATED));
            java.nio.file.Files.delete(home.resolve("aws-connectors").resolve("secret-keys"));

            Map<String, String> refused = jira.users().runAs("alice", () -> reports.call("credentials", federated));

            assertThat(refused).containsEntry("secretUnavailable", "KEY_FILE_MISSING")
                    .containsEntry("account", DemoData.ACCOUNT)
                    .containsEntry("keyFile", "<shared home>/aws-connectors/secret-keys")
                    .doesNotContainKey("secretAccessKey");
            assertThat(refused.get("message")).contains("the key file <shared home>/aws-connectors/secret-keys is "
                    + "missing").doesNotContain(home.toString());
        }
    }

    @Test
    void thePluginRegistersOnlyTheExportedInterfaceInTheServiceRegistry() throws Exception {
        try (DemoHost jira = DemoHost.start(options())) {
            Bundle plugin = Arrays.stream(jira.osgi().getBundles())
                    .filter(b -> "dev.awsconnectors.aws-connectors-jira".equals(b.getSymbolicName()))
                    .findFirst().orElseThrow();
            assertThat(plugin.getRegisteredServices()).singleElement()
                    .satisfies(r -> assertThat((String[]) r.getProperty(Constants.OBJECTCLASS))
                            .containsExactly(AwsConnectorService.class.getName()));
            assertThat(jira.osgi().getServiceReferences(Runnable.class, null)).isEmpty();
        }
    }
}
