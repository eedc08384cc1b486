package dev.awsconnectors.rest;

import dev.awsconnectors.audit.AdminChangeAudit;
import dev.awsconnectors.awsclients.AwsClients;

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
import dev.awsconnectors.admintasks.AccessKeyRotation;
import dev.awsconnectors.admintasks.AccountCheck;
import dev.awsconnectors.admintasks.AccountChecks;
import dev.awsconnectors.admintasks.RotationReport;
import dev.awsconnectors.persistence.AccountNotFoundException;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConcurrentEditException;
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
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code /rest/aws-connectors/1.0/admin/accounts}: the AWS accounts, for Jira administrators ({@link AdminOnly}),
 * with the endpoints of {@link AdminCollectionResource}; an account a connector uses is not deleted (409 naming the
 * connectors).
 *
 * <p>Account JSON: {@code id, name, description, type (ACCESS_KEY when omitted | HOST_ROLE | WEB_IDENTITY),
 * accessKeyId, secretAccessKey (write-only), partition, region, endpointOverride, iamEndpointOverride,
 * signinEndpointOverride, audience, issuerUrl, version}. A WEB_IDENTITY (keyless) account has {@code audience}
 * ({@code sts.amazonaws.com} when omitted) and {@code issuerUrl} (null for the app's own issuer) and no key
 * fields; the other types have neither. The secret access key is accepted on create and update (omitted or blank on update keeps the stored
 * one) and is never in a response. Every write takes {@code application/json} only, {@code {}} where it needs no
 * fields ({@link AdminRequests}).
 */
@Path("/admin/accounts")
@AdminOnly
public class AdminAccountsResource extends AdminCollectionResource<Account> {
    static final Set<String> WRITABLE = Set.of("id", "name", "description", "type", "accessKeyId", "secretAccessKey",
            "partition", "region", "endpointOverride", "iamEndpointOverride", "signinEndpointOverride", "audience",
            "issuerUrl", "version");

    private final AccountRepository accounts;
    private final AccountChecks checks;
    private final AccessKeyRotation keyRotation;
    /** A deleted account's AWS clients hold its key: they go with it. */
    private final AwsClients clients;
    private final AdminChangeAudit audit;
    private final I18nResolver i18n;

    @Inject
    public AdminAccountsResource(AccountRepository accounts, AccountChecks checks, AccessKeyRotation keyRotation,
                                 AwsClients clients, @ComponentImport AuditService auditService,
                                 @ComponentImport UserManager userManager, @ComponentImport I18nResolver i18n) {
        super(new AdminRequests(userManager, i18n), WRITABLE, "awsc.rest.error.accountNotFound");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.keyRotation = Objects.requireNonNull(keyRotation, "keyRotation");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.audit = AdminRequests.audit(auditService);
        this.i18n = i18n;
    }

    /**
     * "Validate": who the stored credentials are, {@code {awsAccountId, arn, alias, note}} ({@code alias} and
     * {@code note} {@code null} when there are none); 502 when AWS refuses them.
     */
    @POST
    @Path("{id}/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response validate(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        AccountCheck check = checks.validate(storedForWrite(id, headers, body).id());
        ObjectNode identity = JsonResponses.object();
        identity.put("awsAccountId", check.awsAccountId());
        identity.put("arn", check.arn());
        identity.put("alias", check.alias().orElse(null));
        identity.put("note", check.note().map(note -> note.in(i18n::getText)).orElse(null));
        return JsonResponses.ok(identity);
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
        VersionedWrite<Account> write = versionedWrite(id, headers, body, Set.of("version"));
        Account before = write.before();
        long version = write.version();
        RotationReport report;
        try {
            report = keyRotation.rotateAccessKey(before.id(), version);
        } catch (ConcurrentEditException e) {
            Account now = accounts.get(before.id()).orElse(before);
            throw new RestException(Response.Status.CONFLICT, i18n.getText("awsc.rest.error.staleVersion",
                    now.name(), version, now.version()), "version");
        }
        Account after = accounts.get(before.id()).orElse(before);
        audit.rotation(requests.caller(), after, report.succeeded(), before.accessKeyId().orElse(null),
                report.activeAccessKeyId());
        ObjectNode result = toJson(report);
        result.put("version", after.version());
        if (report.succeeded()) {
            return JsonResponses.ok(result);
        }
        String failure = report.steps().stream().filter(step -> step.outcome() == RotationReport.Outcome.FAILED)
                .map(step -> step.text().in(i18n::getText)).findFirst().orElse(null);
        ObjectNode error = JsonResponses.error(502, i18n.getText("awsc.rest.error.rotationFailed", before.name(),
                failure == null ? "" : failure), null);
        error.set("rotation", result);
        return JsonResponses.builder(502, error).build();
    }

    /**
     * Cleans up a rotation that a node did not finish (see {@link AccessKeyRotation#cleanUpRotation}). 200 with
     * {@code {succeeded, activeAccessKeyId, steps}}; 404 when the account has no unfinished rotation; 409 while the
     * rotation is still running.
     */
    @POST
    @Path("{id}/rotation-clean-up")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @AdminOnly
    public Response cleanUpRotation(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        Account account = storedForWrite(id, headers, body);
        RotationReport report = keyRotation.cleanUpRotation(account.id()).orElseThrow(() -> new RestException(
                Response.Status.NOT_FOUND, i18n.getText("awsc.admin.rotate.nothingToCleanUp"), null));
        audit.rotationCleanUp(requests.caller(), account, report.succeeded());
        return JsonResponses.ok(toJson(report));
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

    @Override
    List<Account> all() {
        return accounts.all();
    }

    @Override
    String nameOf(Account object) {
        return object.name();
    }

    @Override
    Account find(UUID id) {
        return accounts.get(id).orElseThrow(() -> new AccountNotFoundException(id));
    }

    @Override
    UUID idOf(Account account) {
        return account.id();
    }

    @Override
    Account storeNew(RequestBody fields) {
        Optional<String> secret = secret(fields);
        return AdminRequests.audited(audit.accountChange(AdminChangeAudit.ACCOUNT_CREATED, requests.caller(), null,
                entered(secret)),
                prepare -> accounts.create(accountOf(fields, Account.builder()).version(0).build(), secret, prepare));
    }

    @Override
    Account storeReplacement(Account before, RequestBody fields, long version) {
        Optional<String> secret = secret(fields);
        return AdminRequests.audited(audit.accountChange(AdminChangeAudit.ACCOUNT_UPDATED, requests.caller(),
                before, entered(secret)),
                prepare -> accounts.update(accountOf(fields, Account.builder().id(before.id())).version(version)
                        .build(), secret, prepare));
    }

    @Override
    void remove(Account account) {
        AdminRequests.auditedDelete(audit.accountChange(AdminChangeAudit.ACCOUNT_DELETED, requests.caller(),
                account, false), () -> {
                    accounts.delete(account.id());
                    clients.evict(account.id());
                });
    }

    /** The secret access key as sent, for the repository to decide on (blank on update keeps the stored one). */
    private static Optional<String> secret(RequestBody fields) {
        return Optional.ofNullable(fields.text("secretAccessKey"));
    }

    /** Whether a new secret was entered, for the audit event. */
    private static boolean entered(Optional<String> secret) {
        return secret.filter(text -> !text.isBlank()).isPresent();
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
                .signinEndpointOverride(fields.uri("signinEndpointOverride"))
                .audience(fields.text("audience"))
                .issuerUrl(fields.uri("issuerUrl"));
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
    @Override
    ObjectNode toJson(Account account) {
        ObjectNode node = JsonResponses.object();
        node.put("id", account.id().toString());
        node.put("name", account.name());
        node.put("description", account.description().orElse(null));
        node.put("type", account.type() == null ? null : account.type().name());
        boolean keyless = account.type() == AccountType.WEB_IDENTITY;
        if (!keyless) {
            node.put("accessKeyId", account.accessKeyId().orElse(null));
        }
        node.put("partition", account.partition() == null ? null : account.partition().id());
        node.put("region", account.region());
        node.put("endpointOverride", account.endpointOverride().map(URI::toString).orElse(null));
        node.put("iamEndpointOverride", account.iamEndpointOverride().map(URI::toString).orElse(null));
        node.put("signinEndpointOverride", account.signinEndpointOverride().map(URI::toString).orElse(null));
        if (keyless) {
            node.put("audience", account.audience().orElse(null));
            node.put("issuerUrl", account.issuerUrl().map(URI::toString).orElse(null));
        }
        node.put("version", account.version());
        return node;
    }
}
