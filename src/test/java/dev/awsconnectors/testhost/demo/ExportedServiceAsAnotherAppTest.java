package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.OnBuiltJar;
import com.atlassian.audit.entity.AuditAttribute;
import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.AuditResource;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.api.AwsConnectorService;
import dev.awsconnectors.api.ConnectorAccessDeniedException;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.broker.ExportedConnectorService;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConnectorRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Item 4 of issue 7: another app uses the exported OSGi service exactly as it would in Jira — looked up by its
 * interface among the plugin's exports (a proxy of the interface, nothing more), called on behalf of the current
 * user and through the system-scope entry — and the credentials it gets work against AWS (the local double), with
 * an audit event for each call.
 */
@OnBuiltJar
class ExportedServiceAsAnotherAppTest {
    @TempDir
    Path home;

    private DemoOptions options() {
        return DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).build();
    }

    /** What the other app would do with the credentials: call AWS with its own SDK client. */
    private static GetCallerIdentityResponse callerIdentity(URI endpoint, TemporaryCredentials credentials) {
        try (StsClient sts = StsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        credentials.getAccessKeyId(), credentials.getSecretAccessKey(),
                        credentials.getSessionToken())))
                .build()) {
            return sts.getCallerIdentity();
        }
    }

    private static Map<String, String> attributes(AuditEvent event) {
        return event.getExtraAttributes().stream()
                .collect(Collectors.toMap(AuditAttribute::getNameI18nKey, AuditAttribute::getValue));
    }

    @Test
    void anotherAppGetsWorkingCredentialsForTheUserAndThroughSystemScopeAndIsRefusedTheRest() {
        try (DemoHost jira = DemoHost.start(options())) {
            URI aws = jira.localAwsEndpoint().orElseThrow();
            AwsConnectorService service = jira.plugin()
                    .exportedService(AwsConnectorService.class, "com.example.nightly-reports").orElseThrow();
            assertThat(service).as("another bundle sees the exported interface only, not the implementation")
                    .isNotInstanceOf(ExportedConnectorService.class);

            // As the current user: alice, a member of aws-developers.
            TemporaryCredentials alices = jira.users().runAs("alice", () -> {
                List<ConnectorSummary> usable = service.getUsableConnectors();
                ConnectorSummary federated = usable.stream().filter(c -> c.getName().equals(DemoData.FEDERATED))
                        .findFirst().orElseThrow();
                return service.getCredentials(federated.getId(), CredentialsRequest.defaults());
            });
            GetCallerIdentityResponse alice = callerIdentity(aws, alices);
            assertThat(alice.arn()).isEqualTo("arn:aws:sts::" + DemoAws.ACCOUNT_ID + ":federated-user/alice")
                    .isEqualTo(alices.getPrincipalArn());
            assertThat(alice.account()).isEqualTo(DemoAws.ACCOUNT_ID);

            // Through the system-scope entry, with no user, on a connector an admin flagged system scope.
            Account account = jira.plugin().component(AccountRepository.class).all().stream()
                    .filter(a -> a.name().equals(DemoData.ACCOUNT)).findFirst().orElseThrow();
            ConnectorRepository connectors = jira.plugin().component(ConnectorRepository.class);
            Connector nightly = connectors.create(Connector.builder()
                    .name("Nightly report")
                    .description("Used by a scheduled job of another app")
                    .accountId(account.id())
                    .principalType(PrincipalType.FEDERATED_USER)
                    .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}")
                    .systemScope(true)
                    .build());
            TemporaryCredentials systems = service.getSystemCredentials(nightly.id(), CredentialsRequest.defaults());
            assertThat(callerIdentity(aws, systems).arn())
                    .isEqualTo("arn:aws:sts::" + DemoAws.ACCOUNT_ID + ":federated-user/"
                            + AwsConnectorService.SYSTEM_SESSION_NAME);

            // A connector that is not system scope is refused to code with no user.
            Connector developers = connectors.all().stream().filter(c -> c.name().equals(DemoData.FEDERATED))
                    .findFirst().orElseThrow();
            assertThatThrownBy(() -> service.getSystemCredentials(developers.id(), CredentialsRequest.defaults()))
                    .isInstanceOf(ConnectorAccessDeniedException.class)
                    .extracting(e -> ((ConnectorAccessDeniedException) e).getReason())
                    .isEqualTo(ConnectorAccessDeniedException.Reason.NOT_SYSTEM_SCOPE);

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
                    alices.getPrincipalArn());
            assertThat(attributes(brokerEvents.get(2))).containsEntry("awsc.audit.attribute.reason",
                    "NOT_SYSTEM_SCOPE");
            assertThat(jira.auditLog().readLogAsJsonText()).doesNotContain(alices.getSecretAccessKey(),
                    alices.getSessionToken(), systems.getSecretAccessKey(), systems.getSessionToken());
        }
    }

    @Test
    void thePluginExportsNothingElseUnderAnInterfaceItDoesNotList() {
        try (DemoHost jira = DemoHost.start(options())) {
            assertThat(jira.plugin().exportedService(Runnable.class, "com.example.nightly-reports")).isEmpty();
        }
    }
}
