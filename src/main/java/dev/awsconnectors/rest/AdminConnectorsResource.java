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
import dev.awsconnectors.api.ConnectorNotFoundException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.iam.ConnectorTestResult;
import dev.awsconnectors.iam.ConnectorTester;
import dev.awsconnectors.persistence.ConnectorRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /rest/aws-connectors/1.0/admin/connectors}: every connector, for Jira administrators ({@link AdminOnly}).
 *
 * <p>Connector JSON: {@code id, name, description, accountId, principalType (FEDERATED_USER | IAM_USER | IAM_ROLE),
 * roleArn, externalId, policy (the policy JSON as a string), policyArns (array), maxDurationSeconds (null for AWS's
 * default), mfaSerialNumber, sourceIdentityAndTags, groups (array), systemScope, consoleDestination, version}.
 * PUT replaces the connector and needs the {@code version} it was read at: a stale one is 409. Every rule of the
 * admin pages applies (400 naming the field): among them, a value in a field the principal type does not take is
 * refused ({@link dev.awsconnectors.connectors.TypedField}), and so is a group Jira does not have, unless the
 * connector already names it. Every write — delete and test included — takes
 * {@code application/json} only ({@code {}} where it needs no fields), anything else is 415: see
 * {@link CallerChecks#requireJson}.
 */
@Path("/admin/connectors")
@AdminOnly
public class AdminConnectorsResource {
    static final Set<String> WRITABLE = Set.of("id", "name", "description", "accountId", "principalType", "roleArn",
            "externalId", "policy", "policyArns", "maxDurationSeconds", "mfaSerialNumber", "sourceIdentityAndTags",
            "groups", "systemScope", "consoleDestination", "version");

    private final ConnectorRepository connectors;
    private final ConnectorTester tester;
    private final AdminChangeAudit audit;
    private final UserManager userManager;
    private final I18nResolver i18n;

    @Inject
    public AdminConnectorsResource(ConnectorRepository connectors, ConnectorTester tester,
                                   @ComponentImport AuditService auditService,
                                   @ComponentImport UserManager userManager, @ComponentImport I18nResolver i18n) {
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.tester = Objects.requireNonNull(tester, "tester");
        this.audit = new AdminChangeAudit(auditService, "REST API");
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    /** Every connector, sorted by name. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response list() {
        CallerChecks.requireAdmin(userManager, i18n);
        ArrayNode array = JsonResponses.JSON.createArrayNode();
        for (Connector connector : connectors.all()) {
            array.add(toJson(connector));
        }
        return JsonResponses.json(Response.Status.OK, array);
    }

    /** Creates a connector: 201 with the stored connector and its {@code Location}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response create(String body, @Context UriInfo uriInfo, @Context HttpHeaders headers) {
        CallerChecks.requireAdmin(userManager, i18n);
        CallerChecks.requireJson(headers, i18n);
        RequestBody fields = RequestBody.parse(body, WRITABLE, false, i18n);
        fields.refuseId();
        AdminChangeAudit.Change<Connector> change = audit.connectorChange(AdminChangeAudit.CONNECTOR_CREATED,
                userManager.getRemoteUser(), null);
        Connector saved = connectors.create(connectorOf(fields, Connector.builder()).version(0).build(),
                change::prepare);
        change.record();
        URI location = uriInfo == null ? null : uriInfo.getAbsolutePathBuilder().path(saved.id().toString()).build();
        Response.ResponseBuilder response = JsonResponses.builder(201, toJson(saved));
        return (location == null ? response : response.location(location)).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response get(@PathParam("id") String id) {
        CallerChecks.requireAdmin(userManager, i18n);
        return JsonResponses.json(Response.Status.OK, toJson(stored(id)));
    }

    /** Replaces a connector, based on the {@code version} it was read at. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response update(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        CallerChecks.requireAdmin(userManager, i18n);
        CallerChecks.requireJson(headers, i18n);
        Connector before = stored(id);
        RequestBody fields = RequestBody.parse(body, WRITABLE, false, i18n);
        UUID inBody = fields.uuid("id");
        if (inBody != null && !inBody.equals(before.id())) {
            throw RestException.badField("id", i18n.getText("awsc.rest.error.idMismatch"));
        }
        long version = fields.requiredLong("version");
        AdminChangeAudit.Change<Connector> change = audit.connectorChange(AdminChangeAudit.CONNECTOR_UPDATED,
                userManager.getRemoteUser(), before);
        Connector saved = connectors.update(connectorOf(fields, Connector.builder().id(before.id()))
                .version(version).build(), change::prepare);
        change.record();
        return JsonResponses.json(Response.Status.OK, toJson(saved));
    }

    /** Deletes a connector: 204. Body {@code {}}. */
    @DELETE
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response delete(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        CallerChecks.requireAdmin(userManager, i18n);
        CallerChecks.requireJson(headers, i18n);
        RequestBody.parse(body, Set.of(), true, i18n);
        Connector before = stored(id);
        AdminChangeAudit.Change<Connector> change = audit.connectorChange(AdminChangeAudit.CONNECTOR_DELETED,
                userManager.getRemoteUser(), before);
        change.prepare(null);
        connectors.delete(before.id());
        change.record();
        return JsonResponses.noContent();
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
        CallerChecks.requireAdmin(userManager, i18n);
        CallerChecks.requireJson(headers, i18n);
        UUID connectorId = CallerChecks.pathId(id, "awsc.rest.error.connectorNotFound", i18n);
        String mfaCode = RequestBody.parse(body, Set.of("mfaCode"), true, i18n).text("mfaCode");
        // No read of our own: the broker reads the connector once and audits the test, an unknown id included.
        ConnectorTestResult result = tester.test(connectorId, mfaCode, RequestOrigin.REST);
        ObjectNode identity = JsonResponses.object();
        identity.put("account", result.awsAccountId());
        identity.put("arn", result.arn());
        identity.put("userId", result.userId());
        identity.put("expiration", result.expiration().toString());
        return JsonResponses.json(Response.Status.OK, identity);
    }

    private Connector stored(String id) {
        UUID connectorId = CallerChecks.pathId(id, "awsc.rest.error.connectorNotFound", i18n);
        return connectors.get(connectorId).orElseThrow(() -> new ConnectorNotFoundException(connectorId));
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

    static ObjectNode toJson(Connector connector) {
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
