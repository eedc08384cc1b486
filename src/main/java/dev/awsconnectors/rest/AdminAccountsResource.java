package dev.awsconnectors.rest;

import dev.awsconnectors.audit.AdminChangeAudit;

import com.atlassian.audit.api.AuditService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugins.rest.api.security.annotation.AdminOnly;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.iam.AccountCheck;
import dev.awsconnectors.iam.AccessKeyRotation;
import dev.awsconnectors.iam.AccountChecks;
import dev.awsconnectors.iam.RotationReport;
import dev.awsconnectors.persistence.AccountNotFoundException;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConcurrentEditException;
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
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code /rest/aws-connectors/1.0/admin/accounts}: the AWS accounts, for Jira administrators ({@link AdminOnly}).
 *
 * <p>Account JSON: {@code id, name, description, type (ACCESS_KEY when omitted | HOST_ROLE), accessKeyId,
 * secretAccessKey (write-only), partition, region, endpointOverride, iamEndpointOverride, signinEndpointOverride,
 * version}. The secret access key is accepted on create and update (omitted or blank on update keeps the stored
 * one) and is never in a response. PUT replaces the account and needs the {@code version} it was read at: a stale
 * one is 409. Every write — delete, validate and rotate-key included — takes {@code application/json} only
 * ({@code {}} where it needs no fields), anything else is 415: see {@link CallerChecks#requireJson}.
 */
@Path("/admin/accounts")
@AdminOnly
public class AdminAccountsResource {
    static final Set<String> WRITABLE = Set.of("id", "name", "description", "type", "accessKeyId", "secretAccessKey",
            "partition", "region", "endpointOverride", "iamEndpointOverride", "signinEndpointOverride", "version");

    private final AccountRepository accounts;
    private final AccountChecks checks;
    private final AccessKeyRotation keyRotation;
    private final AdminChangeAudit audit;
    private final UserManager userManager;
    private final I18nResolver i18n;

    @Inject
    public AdminAccountsResource(AccountRepository accounts, AccountChecks checks, AccessKeyRotation keyRotation,
                                 @ComponentImport AuditService auditService, @ComponentImport UserManager userManager,
                                 @ComponentImport I18nResolver i18n) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.keyRotation = Objects.requireNonNull(keyRotation, "keyRotation");
        this.audit = new AdminChangeAudit(auditService, "REST API");
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    /** Every account, sorted by name. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response list() {
        CallerChecks.requireAdmin(userManager, i18n);
        ArrayNode array = JsonResponses.JSON.createArrayNode();
        for (Account account : accounts.all()) {
            array.add(toJson(account));
        }
        return JsonResponses.json(Response.Status.OK, array);
    }

    /** Creates an account: 201 with the stored account and its {@code Location}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response create(String body, @Context UriInfo uriInfo, @Context HttpHeaders headers) {
        CallerChecks.requireAdmin(userManager, i18n);
        CallerChecks.requireJson(headers, i18n);
        RequestBody fields = RequestBody.parse(body, WRITABLE, false, i18n);
        fields.refuseId();
        Optional<String> secret = Optional.ofNullable(fields.text("secretAccessKey"));
        AdminChangeAudit.Change<Account> change = audit.accountChange(AdminChangeAudit.ACCOUNT_CREATED,
                userManager.getRemoteUser(), null, secret.filter(s -> !s.isBlank()).isPresent());
        Account saved = accounts.create(accountOf(fields, Account.builder()).version(0).build(), secret,
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

    /** Replaces an account, based on the {@code version} it was read at. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response update(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        CallerChecks.requireAdmin(userManager, i18n);
        CallerChecks.requireJson(headers, i18n);
        Account before = stored(id);
        RequestBody fields = RequestBody.parse(body, WRITABLE, false, i18n);
        requireSameId(fields, before.id());
        long version = fields.requiredLong("version");
        Optional<String> secret = Optional.ofNullable(fields.text("secretAccessKey"));
        AdminChangeAudit.Change<Account> change = audit.accountChange(AdminChangeAudit.ACCOUNT_UPDATED,
                userManager.getRemoteUser(), before, secret.filter(s -> !s.isBlank()).isPresent());
        Account saved = accounts.update(accountOf(fields, Account.builder().id(before.id())).version(version).build(),
                secret, change::prepare);
        change.record();
        return JsonResponses.json(Response.Status.OK, toJson(saved));
    }

    /** Deletes an account no connector uses (409 naming the connectors otherwise): 204. Body {@code {}}. */
    @DELETE
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response delete(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        CallerChecks.requireAdmin(userManager, i18n);
        CallerChecks.requireJson(headers, i18n);
        RequestBody.parse(body, Set.of(), true, i18n);
        Account before = stored(id);
        AdminChangeAudit.Change<Account> change = audit.accountChange(AdminChangeAudit.ACCOUNT_DELETED,
                userManager.getRemoteUser(), before, false);
        change.prepare(null);
        accounts.delete(before.id());
        change.record();
        return JsonResponses.noContent();
    }

    /**
     * "Validate": who the stored credentials are, {@code {awsAccountId, arn, alias, note}} ({@code alias} and
     * {@code note} {@code null} when there are none); 502 when AWS refuses them. Body {@code {}}.
     */
    @POST
    @Path("{id}/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response validate(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        CallerChecks.requireAdmin(userManager, i18n);
        CallerChecks.requireJson(headers, i18n);
        RequestBody.parse(body, Set.of(), true, i18n);
        AccountCheck check = checks.validate(stored(id).id());
        ObjectNode identity = JsonResponses.object();
        identity.put("awsAccountId", check.awsAccountId());
        identity.put("arn", check.arn());
        identity.put("alias", check.alias().orElse(null));
        identity.put("note", check.note().map(note -> note.in(i18n::getText)).orElse(null));
        return JsonResponses.json(Response.Status.OK, identity);
    }

    /**
     * Rotates an access-key account's key (body {@code {"version": n}}, the version it was read at; stale is 409
     * before AWS is called). 200 with {@code {succeeded, activeAccessKeyId, version, steps: [{name, outcome,
     * message}]}}; a rotation that failed at a step is 502, with the failing step's message and the same report in
     * {@code rotation}. The new secret is never in the response.
     */
    @POST
    @Path("{id}/rotate-key")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response rotateKey(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        CallerChecks.requireAdmin(userManager, i18n);
        CallerChecks.requireJson(headers, i18n);
        Account before = stored(id);
        long version = RequestBody.parse(body, Set.of("version"), false, i18n).requiredLong("version");
        RotationReport report;
        try {
            report = keyRotation.rotateAccessKey(before.id(), version);
        } catch (ConcurrentEditException e) {
            Account now = accounts.get(before.id()).orElse(before);
            throw new RestException(Response.Status.CONFLICT, i18n.getText("awsc.rest.error.staleVersion",
                    now.name(), version, now.version()), "version");
        }
        Account after = accounts.get(before.id()).orElse(before);
        audit.rotation(userManager.getRemoteUser(), after, report.succeeded(), before.accessKeyId().orElse(null),
                report.activeAccessKeyId());
        ObjectNode result = toJson(report);
        result.put("version", after.version());
        String failure = report.steps().stream().filter(step -> step.outcome() == RotationReport.Outcome.FAILED)
                .map(step -> step.text().in(i18n::getText)).findFirst().orElse(null);
        if (report.succeeded()) {
            return JsonResponses.json(Response.Status.OK, result);
        }
        ObjectNode error = JsonResponses.object();
        error.put("status", 502);
        error.put("message", i18n.getText("awsc.rest.error.rotationFailed", before.name(),
                failure == null ? "" : failure));
        error.set("rotation", result);
        return JsonResponses.builder(502, error).build();
    }

    /**
     * Cleans up a rotation that a node did not finish (see {@link AccessKeyRotation#cleanUpRotation}); body
     * {@code {}}. 200 with {@code {succeeded, activeAccessKeyId, steps}}; 404 when the account has no unfinished
     * rotation; 409 while the rotation is still running.
     */
    @POST
    @Path("{id}/rotation-clean-up")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response cleanUpRotation(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        CallerChecks.requireAdmin(userManager, i18n);
        CallerChecks.requireJson(headers, i18n);
        RequestBody.parse(body, Set.of(), true, i18n);
        Account account = stored(id);
        Optional<RotationReport> report = keyRotation.cleanUpRotation(account.id());
        if (report.isEmpty()) {
            throw new RestException(Response.Status.NOT_FOUND,
                    i18n.getText("awsc.admin.rotate.nothingToCleanUp"), null);
        }
        audit.rotationCleanUp(userManager.getRemoteUser(), account, report.get().succeeded());
        return JsonResponses.json(Response.Status.OK, toJson(report.get()));
    }

    /** A rotation's or clean-up's outcome: {@code {succeeded, activeAccessKeyId, steps: [{name, outcome, message}]}}. */
    private ObjectNode toJson(RotationReport report) {
        ObjectNode result = JsonResponses.object();
        result.put("succeeded", report.succeeded());
        result.put("activeAccessKeyId", report.activeAccessKeyId());
        ArrayNode steps = result.putArray("steps");
        for (RotationReport.Step step : report.steps()) {
            ObjectNode entry = steps.addObject();
            entry.put("name", step.name());
            entry.put("outcome", step.outcome().name());
            entry.put("message", step.text().in(i18n::getText));
        }
        return result;
    }

    private Account stored(String id) {
        UUID accountId = CallerChecks.pathId(id, "awsc.rest.error.accountNotFound", i18n);
        return accounts.get(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
    }

    private void requireSameId(RequestBody fields, UUID id) {
        UUID inBody = fields.uuid("id");
        if (inBody != null && !inBody.equals(id)) {
            throw RestException.badField("id", i18n.getText("awsc.rest.error.idMismatch"));
        }
    }

    private Account.Builder accountOf(RequestBody fields, Account.Builder builder) {
        AccountType type = fields.enumValue("type", AccountType.class);
        return builder
                .name(fields.text("name"))
                .description(fields.text("description"))
                .type(type == null ? AccountType.ACCESS_KEY : type)
                .accessKeyId(fields.text("accessKeyId"))
                .partition(partition(fields))
                .region(fields.text("region"))
                .endpointOverride(fields.uri("endpointOverride"))
                .iamEndpointOverride(fields.uri("iamEndpointOverride"))
                .signinEndpointOverride(fields.uri("signinEndpointOverride"));
    }

    private Partition partition(RequestBody fields) {
        String id = fields.text("partition");
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return Partition.fromId(id.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RestException.badField("partition", i18n.getText("awsc.rest.error.field.oneOf", "partition",
                    Arrays.stream(Partition.values()).map(Partition::id).collect(Collectors.joining(", "))));
        }
    }

    /** The account as the API shows it: everything but the secret. */
    static ObjectNode toJson(Account account) {
        ObjectNode node = JsonResponses.object();
        node.put("id", account.id().toString());
        node.put("name", account.name());
        node.put("description", account.description().orElse(null));
        node.put("type", account.type() == null ? null : account.type().name());
        node.put("accessKeyId", account.accessKeyId().orElse(null));
        node.put("partition", account.partition() == null ? null : account.partition().id());
        node.put("region", account.region());
        node.put("endpointOverride", account.endpointOverride().map(URI::toString).orElse(null));
        node.put("iamEndpointOverride", account.iamEndpointOverride().map(URI::toString).orElse(null));
        node.put("signinEndpointOverride", account.signinEndpointOverride().map(URI::toString).orElse(null));
        node.put("version", account.version());
        return node;
    }
}
