package dev.awsconnectors.web.admin;

import dev.awsconnectors.audit.AdminChangeAudit;

import com.atlassian.audit.api.AuditService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.awsconnectors.accounts.AccessKeyIds;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.EnteredText;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.AccountSecretUnavailableException;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.iam.AccountCheck;
import dev.awsconnectors.iam.AccessKeyRotation;
import dev.awsconnectors.iam.AccountChecks;
import dev.awsconnectors.iam.RotationReport;
import dev.awsconnectors.persistence.AccessKeySharedException;
import dev.awsconnectors.persistence.AccountInUseException;
import dev.awsconnectors.persistence.KeyRotationState;
import dev.awsconnectors.persistence.RotationUnderWayException;
import dev.awsconnectors.persistence.AccountNotFoundException;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConcurrentEditException;
import dev.awsconnectors.persistence.ConnectorRepository;
import dev.awsconnectors.sts.AwsCallFailedException;
import dev.awsconnectors.validation.ConfigurationException;
import dev.awsconnectors.validation.ConfigurationValidator;
import dev.awsconnectors.validation.Excerpts;
import dev.awsconnectors.validation.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creates, edits, deletes, validates and rotates one AWS account
 * ({@code /plugins/servlet/aws-connectors/admin/account}, {@code ?id=} to edit).
 *
 * <p>GET shows the form; POST, with {@code action} {@code save}, {@code delete}, {@code validate} or {@code rotate},
 * changes or checks the account. The secret access key is write-only: the form never shows it, and an empty one on
 * edit keeps the stored key. The version the form was opened at travels in a hidden field, so a save or rotation
 * based on a stale form is refused. A refused save shows the form again with each message beside its field, with
 * everything typed kept except the secret, and status 400.
 */
public class AccountAdminServlet extends AdminPageServlet {
    private static final long serialVersionUID = 1L;

    static final String TEMPLATE = "templates/admin/account.vm";
    /** The form's fields, by their REST names, which are also the names the validator reports. */
    static final Set<String> FIELDS = Set.of("name", "description", "type", "accessKeyId", "secretAccessKey",
            "partition", "region", "endpointOverride", "iamEndpointOverride", "signinEndpointOverride");
    private static final List<String> TEXT_FIELDS = List.of("name", "description", "type", "accessKeyId",
            "partition", "region", "endpointOverride", "iamEndpointOverride", "signinEndpointOverride");

    private final transient AccountRepository accounts;
    private final transient ConnectorRepository connectors;
    private final transient ConfigurationValidator validator;
    private final transient AccountChecks checks;
    private final transient AccessKeyRotation keyRotation;
    private final transient AdminChangeAudit audit;

    public AccountAdminServlet(@ComponentImport UserManager userManager,
                               @ComponentImport LoginUriProvider loginUriProvider,
                               @ComponentImport WebSudoManager webSudoManager,
                               @ComponentImport TemplateRenderer templateRenderer,
                               @ComponentImport I18nResolver i18n,
                               @ComponentImport XsrfTokenValidator xsrfValidator,
                               @ComponentImport XsrfTokenAccessor xsrfAccessor,
                               @ComponentImport PageBuilderService pageBuilderService,
                               @ComponentImport AuditService auditService,
                               AccountRepository accounts, ConnectorRepository connectors,
                               ConfigurationValidator validator, AccountChecks checks,
                               AccessKeyRotation keyRotation) {
        super(userManager, loginUriProvider, webSudoManager, templateRenderer, i18n, xsrfValidator, xsrfAccessor,
                pageBuilderService);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.keyRotation = Objects.requireNonNull(keyRotation, "keyRotation");
        this.audit = new AdminChangeAudit(Objects.requireNonNull(auditService, "auditService"), null);
    }

    @Override
    protected Page get(HttpServletRequest request) {
        String id = request.getParameter("id");
        if (id == null || id.isBlank()) {
            Map<String, String> form = new HashMap<>();
            form.put("type", AccountType.ACCESS_KEY.name());
            form.put("partition", Partition.AWS.id());
            form.put("region", "us-east-1");
            return form(null, form, List.of(), HttpServletResponse.SC_OK).build();
        }
        Optional<Account> account = parseId(id).flatMap(accounts::get);
        if (account.isEmpty()) {
            return notFound();
        }
        PageBuilder page = form(account.get(), formOf(account.get()), List.of(), HttpServletResponse.SC_OK);
        if ("1".equals(request.getParameter("saved"))) {
            page.notice("awsc.admin.account.saved");
        }
        return page.build();
    }

    @Override
    protected Page post(HttpServletRequest request) {
        String action = Objects.requireNonNullElse(request.getParameter("action"), "save");
        switch (action) {
            case "delete":
                return confirmed(request) ? delete(request) : confirm(request, "delete",
                        "awsc.admin.account.delete.confirmTitle", "awsc.admin.account.delete.confirm",
                        "awsc.admin.delete");
            case "validate":
                return validate(request);
            case "rotate":
                return confirmed(request) ? rotate(request) : confirm(request, "rotate",
                        "awsc.admin.account.rotate.confirmTitle", "awsc.admin.account.rotate.confirm",
                        "awsc.admin.account.rotate");
            case "cleanUpRotation":
                return confirmed(request) ? cleanUpRotation(request) : confirm(request, "cleanUpRotation",
                        "awsc.admin.account.cleanUp.confirmTitle", "awsc.admin.account.cleanUp.confirm",
                        "awsc.admin.account.cleanUp");
            default:
                return save(request);
        }
    }

    private Page save(HttpServletRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String field : TEXT_FIELDS) {
            form.put(field, Objects.requireNonNullElse(request.getParameter(field), ""));
        }
        Optional<String> secret = EnteredText.optional(request.getParameter("secretAccessKey"));
        Optional<UUID> id = parseId(request.getParameter("id"));
        if (id.isEmpty() && namesAnId(request.getParameter("id"))) {
            // A tampered id names nothing: it must not become a new account.
            return notFound();
        }
        long version = parseVersion(request.getParameter("version"));
        Account before = null;
        if (id.isPresent()) {
            before = accounts.get(id.get()).orElse(null);
            if (before == null) {
                return notFound();
            }
        }
        boolean creating = before == null;
        List<Violation> unreadable = new ArrayList<>();
        Account.Builder builder = creating ? Account.builder() : Account.builder().id(id.get());
        Account entered = builder
                .name(form.get("name"))
                .description(form.get("description"))
                .type(enumValue(AccountType.class, form.get("type")))
                .accessKeyId(form.get("accessKeyId"))
                .partition(partition(form.get("partition")))
                .region(form.get("region"))
                .endpointOverride(uri("endpointOverride", form.get("endpointOverride"), unreadable))
                .iamEndpointOverride(uri("iamEndpointOverride", form.get("iamEndpointOverride"), unreadable))
                .signinEndpointOverride(uri("signinEndpointOverride", form.get("signinEndpointOverride"),
                        unreadable))
                .version(version)
                .build();
        form.put("version", Long.toString(version));
        // A refused form comes back with what was typed, except a secret key typed into the wrong field.
        form.replaceAll((field, value) -> Excerpts.secretShaped(value) ? "" : value);
        if (!unreadable.isEmpty()) {
            return refused(before, form, withValidatorFindings(unreadable,
                    validator.validate(entered, secret, creating)));
        }
        AdminChangeAudit.Change<Account> change = audit.accountChange(creating
                ? AdminChangeAudit.ACCOUNT_CREATED : AdminChangeAudit.ACCOUNT_UPDATED,
                userManager().getRemoteUser(request), before, secret.isPresent());
        Account saved;
        try {
            saved = creating ? accounts.create(entered, secret, change::prepare)
                    : accounts.update(entered, secret, change::prepare);
        } catch (ConfigurationException e) {
            return refused(before, form, e.violations());
        } catch (ConcurrentEditException e) {
            return form(before, form, List.of(), HttpServletResponse.SC_CONFLICT)
                    .error(i18n().getText("awsc.admin.concurrentEdit", entered.name())).build();
        } catch (AccountNotFoundException e) {
            return notFound();
        } catch (AccountSecretUnavailableException e) {
            // The key file is there but unusable (a missing one is created for the secret entered): nothing saved.
            return secretUnavailable(before, form, e);
        }
        change.record();
        return Page.redirect("/account?id=" + saved.id() + "&saved=1");
    }

    /** Asks before a delete, rotation or clean-up that came without confirmation; changes nothing. */
    private Page confirm(HttpServletRequest request, String action, String titleKey, String questionKey,
                         String buttonKey) {
        Optional<Account> account = parseId(request.getParameter("id")).flatMap(accounts::get);
        if (account.isEmpty()) {
            return notFound();
        }
        String version = Objects.requireNonNullElse(request.getParameter("version"),
                Long.toString(account.get().version()));
        return confirmation("account", action, account.get().id().toString(), version,
                i18n().getText(titleKey, account.get().name()),
                i18n().getText(questionKey, AccessKeyIds.masked(account.get().accessKeyId().orElse(""))),
                i18n().getText(buttonKey));
    }

    private Page refused(Account before, Map<String, String> form, List<Violation> violations) {
        return form(before, form, violations, HttpServletResponse.SC_BAD_REQUEST).build();
    }

    private Page delete(HttpServletRequest request) {
        Optional<Account> account = parseId(request.getParameter("id")).flatMap(accounts::get);
        if (account.isEmpty()) {
            return notFound();
        }
        AdminChangeAudit.Change<Account> change = audit.accountChange(AdminChangeAudit.ACCOUNT_DELETED,
                userManager().getRemoteUser(request), account.get(), false);
        change.prepare(null);
        try {
            accounts.delete(account.get().id());
        } catch (AccountInUseException e) {
            return form(account.get(), formOf(account.get()), List.of(), HttpServletResponse.SC_CONFLICT)
                    .error(i18n().getText("awsc.admin.account.inUse", account.get().name(),
                            String.join(", ", e.connectorNames())))
                    .build();
        } catch (RotationUnderWayException e) {
            return form(account.get(), formOf(account.get()), List.of(), HttpServletResponse.SC_CONFLICT)
                    .error(underWay(e)).build();
        } catch (AccountNotFoundException e) {
            return notFound();
        }
        change.record();
        return Page.redirect("/connectors?deleted=account&name="
                + URLEncoder.encode(account.get().name(), StandardCharsets.UTF_8));
    }

    private Page validate(HttpServletRequest request) {
        Optional<Account> account = parseId(request.getParameter("id")).flatMap(accounts::get);
        if (account.isEmpty()) {
            return notFound();
        }
        PageBuilder page = form(account.get(), formOf(account.get()), List.of(), HttpServletResponse.SC_OK);
        try {
            AccountCheck check = checks.validate(account.get().id());
            Map<String, String> result = new LinkedHashMap<>();
            result.put("awsAccountId", check.awsAccountId());
            result.put("arn", check.arn());
            result.put("alias", check.alias().orElseGet(() -> i18n().getText("awsc.admin.account.validate.noAlias")));
            result.put("note", check.note().map(note -> note.in(i18n()::getText)).orElse(""));
            page.context.put("validation", result);
            page.context.put("hasValidation", true);
        } catch (AwsRequestFailedException e) {
            page.context.put("awsRefusal", AwsCallFailedException.message(e, i18n()::getText));
        } catch (AccountSecretUnavailableException e) {
            return secretUnavailable(account.get(), formOf(account.get()), e);
        }
        return page.build();
    }

    /** The form again with why the account's stored secret cannot be read (nothing was sent to AWS). */
    private Page secretUnavailable(Account account, Map<String, String> form, AccountSecretUnavailableException e) {
        return form(account, form, List.of(), HttpServletResponse.SC_SERVICE_UNAVAILABLE).error(e.getMessage())
                .build();
    }

    private Page rotate(HttpServletRequest request) {
        Optional<Account> account = parseId(request.getParameter("id")).flatMap(accounts::get);
        if (account.isEmpty()) {
            return notFound();
        }
        RotationReport report;
        try {
            // The rotation refuses a stale version before AWS is asked for a key that would only be deleted again.
            report = keyRotation.rotateAccessKey(account.get().id(), parseVersion(request.getParameter("version")));
        } catch (ConcurrentEditException e) {
            return form(account.get(), formOf(account.get()), List.of(), HttpServletResponse.SC_CONFLICT)
                    .error(i18n().getText("awsc.admin.concurrentEdit", account.get().name())).build();
        } catch (RotationUnderWayException e) {
            return form(account.get(), formOf(account.get()), List.of(), HttpServletResponse.SC_CONFLICT)
                    .error(underWay(e)).build();
        } catch (AccessKeySharedException e) {
            return form(account.get(), formOf(account.get()), List.of(), HttpServletResponse.SC_CONFLICT)
                    .error(i18n().getText("awsc.admin.rotate.shared", e.accountName(), e.maskedKeyId(),
                            String.join(", ", e.otherAccounts()))).build();
        } catch (AccountSecretUnavailableException e) {
            return secretUnavailable(account.get(), formOf(account.get()), e);
        } catch (dev.awsconnectors.api.AwsConnectorException e) {
            // AWS's refusal, or ours (a host-role account has no key to rotate), in words for the admin.
            PageBuilder page = form(account.get(), formOf(account.get()), List.of(), HttpServletResponse.SC_OK);
            page.context.put("awsRefusal", AwsCallFailedException.message(e, i18n()::getText));
            return page.build();
        }
        Account after = accounts.get(account.get().id()).orElse(account.get());
        audit.rotation(userManager().getRemoteUser(request), after, report.succeeded(),
                account.get().accessKeyId().orElse(null), report.activeAccessKeyId());
        return withReport(form(after, formOf(after), List.of(), HttpServletResponse.SC_OK), report,
                report.succeeded() ? "awsc.admin.rotate.succeeded" : "awsc.admin.rotate.failed").build();
    }

    private Page cleanUpRotation(HttpServletRequest request) {
        Optional<Account> account = parseId(request.getParameter("id")).flatMap(accounts::get);
        if (account.isEmpty()) {
            return notFound();
        }
        Optional<RotationReport> report;
        try {
            report = keyRotation.cleanUpRotation(account.get().id());
        } catch (RotationUnderWayException e) {
            return form(account.get(), formOf(account.get()), List.of(), HttpServletResponse.SC_CONFLICT)
                    .error(underWay(e)).build();
        } catch (AccountNotFoundException e) {
            return notFound();
        }
        if (report.isEmpty()) {
            return form(account.get(), formOf(account.get()), List.of(), HttpServletResponse.SC_OK)
                    .notice("awsc.admin.rotate.nothingToCleanUp").build();
        }
        audit.rotationCleanUp(userManager().getRemoteUser(request), account.get(), report.get().succeeded());
        return withReport(form(account.get(), formOf(account.get()), List.of(), HttpServletResponse.SC_OK),
                report.get(), report.get().succeeded() ? "awsc.admin.rotate.cleanedUp"
                        : "awsc.admin.rotate.cleanUpFailed").build();
    }

    private String underWay(RotationUnderWayException e) {
        return i18n().getText(e.interrupted() ? "awsc.admin.rotate.interrupted" : "awsc.admin.rotate.underWay",
                e.accountName(), e.started().toString());
    }

    /** Adds what a rotation or clean-up did, step by step, to the account's page. */
    private PageBuilder withReport(PageBuilder page, RotationReport report, String headlineKey) {
        List<Map<String, String>> steps = new ArrayList<>();
        for (RotationReport.Step step : report.steps()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("name", RotationReport.nameText(step.name()).in(i18n()::getText));
            row.put("outcome", step.outcome().name().toLowerCase(java.util.Locale.ROOT));
            row.put("outcomeText", outcomeText(step.outcome()));
            row.put("message", step.text().in(i18n()::getText));
            steps.add(row);
        }
        page.context.put("rotation", steps);
        page.context.put("hasRotation", true);
        page.context.put("rotationSucceeded", report.succeeded());
        page.context.put("rotationHeadline", i18n().getText(headlineKey));
        page.context.put("activeAccessKeyId", AccessKeyIds.masked(report.activeAccessKeyId()));
        return page;
    }

    private String outcomeText(RotationReport.Outcome outcome) {
        switch (outcome) {
            case SUCCEEDED:
                return i18n().getText("awsc.admin.rotate.outcome.succeeded");
            case FAILED:
                return i18n().getText("awsc.admin.rotate.outcome.failed");
            default:
                return i18n().getText("awsc.admin.rotate.outcome.skipped");
        }
    }

    /** The values and choices of the account form; {@code account} is the stored account, null when creating. */
    private PageBuilder form(Account account, Map<String, String> form, List<Violation> violations, int status) {
        PageBuilder page = new PageBuilder(TEMPLATE, status);
        Map<String, String> values = new HashMap<>();
        for (String field : TEXT_FIELDS) {
            values.put(field, form.getOrDefault(field, ""));
        }
        values.put("id", account == null ? "" : account.id().toString());
        values.put("version", form.getOrDefault("version", account == null ? "0" : Long.toString(account.version())));
        page.context.put("form", values);
        page.context.put("creating", account == null);
        page.context.put("accountName", account == null ? "" : account.name());
        page.context.put("hasStoredSecret", account != null && account.type() == AccountType.ACCESS_KEY);
        page.context.put("isAccessKey", account != null && account.type() == AccountType.ACCESS_KEY);
        page.context.put("usedBy", account == null ? "" : String.join(", ", connectors.namesUsingAccount(account.id())));
        String masked = account == null ? "" : AccessKeyIds.masked(account.accessKeyId().orElse(""));
        List<String> sharing = account == null ? List.of() : accounts.namesSharingAccessKey(account);
        page.context.put("sharedKey", sharing.isEmpty() ? ""
                : i18n().getText("awsc.admin.account.sharedKey", String.join(", ", sharing), masked));
        Optional<KeyRotationState> unfinished = account == null ? Optional.empty()
                : keyRotation.unfinishedRotation(account.id());
        page.context.put("rotationState", unfinished.map(state -> state.interrupted()
                ? i18n().getText("awsc.admin.rotate.state.interrupted", state.started().toString(),
                        state.newKeyId().map(AccessKeyIds::masked)
                                .orElseGet(() -> i18n().getText("awsc.admin.rotate.state.noNewKey")))
                : i18n().getText("awsc.admin.rotate.state.running", state.started().toString())).orElse(""));
        page.context.put("canCleanUp", unfinished.filter(KeyRotationState::interrupted).isPresent());
        String name = account == null ? "" : account.name();
        page.context.put("confirmTitleDelete", i18n().getText("awsc.admin.account.delete.confirmTitle", name));
        page.context.put("confirmDelete", i18n().getText("awsc.admin.account.delete.confirm", masked));
        page.context.put("confirmTitleRotate", i18n().getText("awsc.admin.account.rotate.confirmTitle", name));
        page.context.put("confirmRotate", i18n().getText("awsc.admin.account.rotate.confirm", masked));
        page.context.put("confirmTitleCleanUp", i18n().getText("awsc.admin.account.cleanUp.confirmTitle", name));
        page.context.put("confirmCleanUp", i18n().getText("awsc.admin.account.cleanUp.confirm", masked));
        List<Map<String, Object>> types = new ArrayList<>();
        types.add(option(AccountType.ACCESS_KEY.name(), i18n().getText("awsc.admin.accountType.accessKey"),
                values.get("type")));
        types.add(option(AccountType.HOST_ROLE.name(), i18n().getText("awsc.admin.accountType.hostRole"),
                values.get("type")));
        page.context.put("typeOptions", types);
        List<Map<String, Object>> partitions = new ArrayList<>();
        for (Partition partition : Partition.values()) {
            partitions.add(option(partition.id(), partition.id(), values.get("partition")));
        }
        page.context.put("partitionOptions", partitions);
        FieldErrors errors = new FieldErrors(violations, FIELDS, i18n());
        page.context.put("errors", errors.byField());
        page.context.put("generalErrors", errors.general());
        page.context.put("hasErrors", !violations.isEmpty());
        return page;
    }

    static Map<String, Object> option(String value, String label, String selected) {
        Map<String, Object> option = new HashMap<>();
        option.put("value", value);
        option.put("label", label);
        option.put("selected", value.equals(selected));
        return option;
    }

    private static Map<String, String> formOf(Account account) {
        Map<String, String> form = new HashMap<>();
        form.put("name", account.name());
        form.put("description", account.description().orElse(""));
        form.put("type", account.type() == null ? "" : account.type().name());
        form.put("accessKeyId", account.accessKeyId().orElse(""));
        form.put("partition", account.partition() == null ? "" : account.partition().id());
        form.put("region", account.region());
        form.put("endpointOverride", account.endpointOverride().map(URI::toString).orElse(""));
        form.put("iamEndpointOverride", account.iamEndpointOverride().map(URI::toString).orElse(""));
        form.put("signinEndpointOverride", account.signinEndpointOverride().map(URI::toString).orElse(""));
        form.put("version", Long.toString(account.version()));
        return form;
    }

    private Page notFound() {
        return messagePage(HttpServletResponse.SC_NOT_FOUND, "awsc.admin.account.notFound.title",
                "awsc.admin.account.notFound.message");
    }

    private URI uri(String field, String text, List<Violation> unreadable) {
        Optional<String> entered = EnteredText.optional(text);
        if (entered.isEmpty()) {
            return null;
        }
        try {
            return new URI(entered.get());
        } catch (URISyntaxException e) {
            unreadable.add(FieldErrors.formViolation(field, "awsc.admin.form.notAUrl", i18n()));
            return null;
        }
    }

    /** The form's own findings first, then the validator's about the other fields. */
    static List<Violation> withValidatorFindings(List<Violation> unreadable, List<Violation> validated) {
        List<Violation> all = new ArrayList<>(unreadable);
        Set<String> reported = new java.util.HashSet<>();
        unreadable.forEach(violation -> reported.add(violation.field()));
        for (Violation violation : validated) {
            if (!reported.contains(violation.field())) {
                all.add(violation);
            }
        }
        return all;
    }

    private static Partition partition(String id) {
        try {
            return id == null || id.isBlank() ? null : Partition.fromId(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Optional<UUID> parseId(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a form's id field was filled in at all: one that is not a UUID then names nothing that exists. */
    static boolean namesAnId(String id) {
        return id != null && !id.isBlank();
    }

    static long parseVersion(String version) {
        try {
            return version == null ? 0 : Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A page being put together: its template, status, values, and the notice or error shown at its top. */
    static final class PageBuilder {
        final Map<String, Object> context = new HashMap<>();
        private final String template;
        private final int status;

        PageBuilder(String template, int status) {
            this.template = template;
            this.status = status;
            context.put("noticeKey", "");
            context.put("error", "");
            context.put("hasValidation", false);
            context.put("validation", Map.of());
            context.put("awsRefusal", "");
            context.put("rotation", List.of());
            context.put("hasRotation", false);
            context.put("rotationSucceeded", false);
            context.put("rotationHeadline", "");
            context.put("activeAccessKeyId", "");
        }

        PageBuilder notice(String key) {
            context.put("noticeKey", key);
            return this;
        }

        PageBuilder error(String text) {
            context.put("error", text);
            return this;
        }

        Page build() {
            return new Page(template, context, status);
        }
    }
}
