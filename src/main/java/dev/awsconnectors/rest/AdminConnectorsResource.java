package dev.awsconnectors.rest;

import dev.awsconnectors.audit.AdminChangeAudit;
import dev.awsconnectors.audit.RequestOrigin;

import com.atlassian.audit.api.AuditService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.AdminOnly;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.admintasks.ConnectorTestResult;
import dev.awsconnectors.admintasks.ConnectorTester;
import dev.awsconnectors.api.ConnectorNotFoundException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.persistence.ConnectorRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /rest/aws-connectors/1.0/admin/connectors}: every connector, for Jira administrators ({@link AdminOnly}).
 *
 * <p>Connector JSON: {@code id, name, description, accountId, principalType (FEDERATED_USER | IAM_USER | IAM_ROLE),
 * roleArn, externalId, policy (the policy JSON as a string), policyArns (array), maxDurationSeconds (null for AWS's
 * default), mfaSerialNumber, sourceIdentityAndTags, groups (array), systemScope, consoleDestination, version}.
 * The endpoints are those of {@link AdminCollectionResource}, plus Test. The admin pages' rules apply (400
 * naming the field), among them: no value in a field the principal type does not take
 * ({@link dev.awsconnectors.connectors.TypedField}), no group Jira does not have unless the connector names it
 * already. Every write takes {@code application/json} only, {@code {}} where it needs no fields
 * ({@link AdminRequests}).
 */
@Path("/admin/connectors")
@AdminOnly
public class AdminConnectorsResource extends AdminCollectionResource<Connector> {
    static final Set<String> WRITABLE = Set.of("id", "name", "description", "accountId", "principalType", "roleArn",
            "externalId", "policy", "policyArns", "maxDurationSeconds", "mfaSerialNumber", "sourceIdentityAndTags",
            "groups", "systemScope", "consoleDestination", "version");
    private static final String NOT_FOUND = "awsc.rest.error.connectorNotFound";

    private final ConnectorRepository connectors;
    private final ConnectorTester tester;
    private final AdminChangeAudit audit;

    @Inject
    public AdminConnectorsResource(ConnectorRepository connectors, ConnectorTester tester,
                                   @ComponentImport AuditService auditService,
                                   @ComponentImport UserManager userManager, @ComponentImport I18nResolver i18n) {
        super(new AdminRequests(userManager, i18n), WRITABLE, NOT_FOUND);
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.tester = Objects.requireNonNull(tester, "tester");
        this.audit = AdminRequests.audit(auditService);
    }

    /**
     * "Test": credentials from the connector as the calling admin, then STS GetCallerIdentity with them:
     * {@code {account, arn, userId, expiration}}. Body {@code {}}, or {@code {"mfaCode": "123456"}} for a connector
     * with an MFA device. 502 when AWS refuses.
     */
    @POST
    @Path("{id}/test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response test(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        requests.write(headers);
        UUID connectorId = requests.id(id, NOT_FOUND);
        String mfaCode = requests.optionalBody(body, Set.of("mfaCode")).text("mfaCode");
        // No read of our own: the broker reads the connector once and audits the test, an unknown id included.
        ConnectorTestResult result = tester.test(connectorId, mfaCode, RequestOrigin.REST);
        ObjectNode identity = JsonResponses.object();
        identity.put("account", result.awsAccountId());
        identity.put("arn", result.arn());
        identity.put("userId", result.userId());
        identity.put("expiration", result.expiration().toString());
        return JsonResponses.ok(identity);
    }

    @Override
    List<Connector> all() {
        return connectors.all();
    }

    @Override
    String nameOf(Connector object) {
        return object.name();
    }

    @Override
    Connector find(UUID id) {
        return connectors.get(id).orElseThrow(() -> new ConnectorNotFoundException(id));
    }

    @Override
    UUID idOf(Connector connector) {
        return connector.id();
    }

    @Override
    Connector storeNew(RequestBody fields) {
        return AdminRequests.audited(audit.connectorChange(AdminChangeAudit.CONNECTOR_CREATED, requests.caller(),
                null), prepare -> connectors.create(connectorOf(fields, Connector.builder()).version(0).build(),
                prepare));
    }

    @Override
    Connector storeReplacement(Connector before, RequestBody fields, long version) {
        return AdminRequests.audited(audit.connectorChange(AdminChangeAudit.CONNECTOR_UPDATED, requests.caller(),
                before), prepare -> connectors.update(connectorOf(fields, Connector.builder().id(before.id()))
                .version(version).build(), prepare));
    }

    @Override
    void remove(Connector connector) {
        AdminRequests.auditedDelete(audit.connectorChange(AdminChangeAudit.CONNECTOR_DELETED, requests.caller(),
                connector), () -> connectors.delete(connector.id()));
    }

    private static Connector.Builder connectorOf(RequestBody fields, Connector.Builder builder) {
        return builder
                .name(fields.text("name"))
                .description(fields.text("description"))
                .accountId(fields.uuid("accountId"))
                .principalType(fields.enumValue("principalType", PrincipalType.class))
                .roleArn(fields.text("roleArn"))
                .externalId(fields.text("externalId"))
                .policy(fields.text("policy"))
                .policyArns(fields.strings("policyArns"))
                .maxDurationSeconds(fields.integer("maxDurationSeconds"))
                .mfaSerialNumber(fields.text("mfaSerialNumber"))
                .sourceIdentityAndTags(fields.bool("sourceIdentityAndTags", false))
                .groups(fields.strings("groups"))
                .systemScope(fields.bool("systemScope", false))
                .consoleDestination(fields.uri("consoleDestination"));
    }

    @Override
    ObjectNode toJson(Connector connector) {
        ObjectNode node = JsonResponses.object();
        node.put("id", connector.id().toString());
        node.put("name", connector.name());
        node.put("description", connector.description().orElse(null));
        node.put("accountId", connector.accountId() == null ? null : connector.accountId().toString());
        node.put("principalType", connector.principalType() == null ? null : connector.principalType().name());
        node.put("roleArn", connector.roleArn().orElse(null));
        node.put("externalId", connector.externalId().orElse(null));
        node.put("policy", connector.policy().orElse(null));
        ArrayNode arns = node.putArray("policyArns");
        connector.policyArns().forEach(arns::add);
        if (connector.maxDurationSeconds().isPresent()) {
            node.put("maxDurationSeconds", connector.maxDurationSeconds().getAsInt());
        } else {
            node.putNull("maxDurationSeconds");
        }
        node.put("mfaSerialNumber", connector.mfaSerialNumber().orElse(null));
        node.put("sourceIdentityAndTags", connector.sourceIdentityAndTags());
        ArrayNode groups = node.putArray("groups");
        connector.groups().forEach(groups::add);
        node.put("systemScope", connector.systemScope());
        node.put("consoleDestination", connector.consoleDestination().map(URI::toString).orElse(null));
        node.put("version", connector.version());
        return node;
    }
}
