package dev.awsconnectors.web.admin;

import dev.awsconnectors.audit.AdminChangeAudit;
import dev.awsconnectors.awsclients.AwsClients;

import com.atlassian.audit.api.AuditService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.websudo.WebSudoManager;
import dev.awsconnectors.accounts.AccessKeyIds;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.admintasks.AccessKeyRotation;
import dev.awsconnectors.admintasks.AccountCheck;
import dev.awsconnectors.admintasks.AccountChecks;
import dev.awsconnectors.admintasks.RotationReport;
import dev.awsconnectors.admintasks.SigningKeyRotation;
import dev.awsconnectors.api.AccountSecretUnavailableException;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.oidc.IdentityTokens;
import dev.awsconnectors.oidc.KeyRotation;
import dev.awsconnectors.persistence.AccessKeySharedException;
import dev.awsconnectors.persistence.AccountInUseException;
import dev.awsconnectors.persistence.AccountNotFoundException;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConcurrentEditException;
import dev.awsconnectors.persistence.ConnectorRepository;
import dev.awsconnectors.persistence.RotationUnderWayException;
import dev.awsconnectors.sts.AwsCallFailedException;
import dev.awsconnectors.validation.ConfigurationException;
import dev.awsconnectors.validation.ConfigurationValidator;
import dev.awsconnectors.validation.Violation;
import dev.awsconnectors.web.FieldErrors;
import dev.awsconnectors.web.FormValues;
import dev.awsconnectors.web.PageBuilder;
import dev.awsconnectors.web.PageServices;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates, edits, deletes, validates and rotates one AWS account
 * ({@code /plugins/servlet/aws-connectors/admin/account}, {@code ?id=} to edit).
 *
 * <p>GET shows the form; POST, with {@code action} {@code save}, {@code delete}, {@code validate} or {@code rotate},
 * changes or checks the account; {@code rotateSigningKey}, on a keyless account's page, rotates the key that signs
 * the tokens of every keyless account ({@link SigningKeyRotation}, as the REST API does). The secret access key is
 * write-only: the form never shows it, and an empty one on edit keeps the stored key. The version the form was
 * opened at travels in a hidden field, so a save or rotation based on a stale form is refused. A refused save shows
 * the form again with each message beside its field, with everything typed kept except the secret, and status 400.
 * The page of a keyless account also shows what to set up in AWS to trust it ({@link KeylessGuidance}).
 */
public class AccountAdminServlet extends AdminPageServlet {
    private static final long serialVersionUID = 1L;

    private final transient AccountRepository accounts;
    /** Names no source: the admin pages are where changes are usually made. */
    private final transient AdminChangeAudit audit;
    private final transient ConfigurationValidator validator;
    private final transient AccountChecks checks;
    private final transient AccessKeyRotation keyRotation;
    /** A deleted account's AWS clients hold its key: they go with it. */
    private final transient AwsClients clients;
    /** Reads a POST of the account form, and shows the form (again, with the messages beside the fields). */
    private final transient AccountForm form;
    /** The same rotation, and audit, as the REST API's. */
    private final transient SigningKeyRotation signingKeyRotation;

    public AccountAdminServlet(PageServices services,
                               @ComponentImport WebSudoManager webSudoManager,
                               @ComponentImport AuditService auditService,
                               AccountRepository accounts, ConnectorRepository connectors,
                               ConfigurationValidator validator, AccountChecks checks,
                               AccessKeyRotation keyRotation, AwsClients clients, IdentityTokens tokens) {
        super(services, webSudoManager);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.keyRotation = Objects.requireNonNull(keyRotation, "keyRotation");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.audit = new AdminChangeAudit(Objects.requireNonNull(auditService, "auditService"), null);
        this.form = new AccountForm(i18n(), accounts, connectors, keyRotation, tokens);
        this.signingKeyRotation = new SigningKeyRotation(tokens, audit);
    }

    @Override
    protected Page get(HttpServletRequest request) {
        if (!FormValues.namesAnId(request.getParameter("id"))) {
            return form.page(null, AccountForm.blank(), List.of(), HttpServletResponse.SC_OK).build();
        }
        return storedForm(request, accounts::get, account -> form.page(account, HttpServletResponse.SC_OK),
                "awsc.admin.account.saved").orElseGet(this::notFound);
    }

    @Override
    protected Page post(HttpServletRequest request) {
        String action = Objects.requireNonNullElse(request.getParameter("action"), "save");
        if (action.equals("validate")) {
            return validate(request);
        }
        if (!action.equals("delete") && !action.equals("rotate") && !action.equals("cleanUpRotation")
                && !action.equals("rotateSigningKey")) {
            return save(request);
        }
        Optional<Account> account = FormValues.parseId(request.getParameter("id")).flatMap(accounts::get);
        if (account.isEmpty()) {
            return notFound();
        }
        switch (action) {
            case "delete":
                return confirmed(request) ? delete(request, account.get()) : confirm(request, account.get(), action,
                        "awsc.admin.account.delete.confirmTitle", "awsc.admin.account.delete.confirm",
                        "awsc.admin.delete");
            case "rotate":
                return confirmed(request) ? rotate(request, account.get()) : confirm(request, account.get(), action,
                        "awsc.admin.account.rotate.confirmTitle", "awsc.admin.account.rotate.confirm",
                        "awsc.admin.account.rotate");
            case "rotateSigningKey":
                return rotateSigningKey(request, account.get());
            default:
                return confirmed(request) ? cleanUpRotation(request, account.get()) : confirm(request,
                        account.get(), action, "awsc.admin.account.cleanUp.confirmTitle",
                        "awsc.admin.account.cleanUp.confirm", "awsc.admin.account.cleanUp");
        }
    }

    private Page save(HttpServletRequest request) {
        Optional<Edited<Account>> edited = edited(request, accounts::get);
        if (edited.isEmpty()) {
            return notFound();
        }
        Account before = edited.get().before();
        boolean creating = edited.get().creating();
        AccountForm.Entered entered = form.read(request, edited.get().id());
        if (!entered.unreadable().isEmpty()) {
            return refused(before, entered, FieldErrors.withValidatorFindings(entered.unreadable(),
                    validator.validate(entered.account(), entered.secret(), creating)));
        }
        AdminChangeAudit.Change<Account> change = audit.accountChange(creating
                ? AdminChangeAudit.ACCOUNT_CREATED : AdminChangeAudit.ACCOUNT_UPDATED,
                userManager().getRemoteUser(request), before, entered.secret().isPresent());
        Account saved;
        try {
            saved = creating ? accounts.create(entered.account(), entered.secret(), change::prepare)
                    : accounts.update(entered.account(), entered.secret(), change::prepare);
        } catch (ConfigurationException e) {
            return refused(before, entered, e.violations());
        } catch (ConcurrentEditException e) {
            return form.page(before, entered.shown(), List.of(), HttpServletResponse.SC_CONFLICT)
                    .error(i18n().getText("awsc.admin.concurrentEdit", entered.account().name())).build();
        } catch (AccountNotFoundException e) {
            return notFound();
        } catch (AccountSecretUnavailableException e) {
            // The key file is there but unusable (a missing one is created for the secret entered): nothing saved.
            return form.page(before, entered.shown(), List.of(), HttpServletResponse.SC_SERVICE_UNAVAILABLE)
                    .error(e.getMessage()).build();
        }
        change.record();
        return Page.redirect("/account?id=" + saved.id() + "&saved=1");
    }

    private Page refused(Account before, AccountForm.Entered entered, List<Violation> violations) {
        return form.page(before, entered.shown(), violations, HttpServletResponse.SC_BAD_REQUEST).build();
    }

    /** Asks before a delete, rotation or clean-up that came without confirmation; changes nothing. */
    private Page confirm(HttpServletRequest request, Account account, String action, String titleKey,
                         String questionKey, String buttonKey) {
        String version = Objects.requireNonNullElse(request.getParameter("version"),
                Long.toString(account.version()));
        return confirmation("account", action, account.id().toString(), version,
                i18n().getText(titleKey, account.name()),
                i18n().getText(questionKey, AccessKeyIds.masked(account.accessKeyId().orElse(""))),
                i18n().getText(buttonKey));
    }

    private Page delete(HttpServletRequest request, Account account) {
        AdminChangeAudit.Change<Account> change = audit.accountChange(AdminChangeAudit.ACCOUNT_DELETED,
                userManager().getRemoteUser(request), account, false);
        change.prepare(null);
        try {
            accounts.delete(account.id());
        } catch (AccountInUseException e) {
            return conflict(account, i18n().getText("awsc.admin.account.inUse", account.name(),
                    String.join(", ", e.connectorNames())));
        } catch (RotationUnderWayException e) {
            return conflict(account, underWay(e));
        } catch (AccountNotFoundException e) {
            return notFound();
        }
        clients.evict(account.id());
        change.record();
        return Page.redirect("/connectors?deleted=account&name="
                + URLEncoder.encode(account.name(), StandardCharsets.UTF_8));
    }

    private Page validate(HttpServletRequest request) {
        Optional<Account> account = FormValues.parseId(request.getParameter("id")).flatMap(accounts::get);
        if (account.isEmpty()) {
            return notFound();
        }
        PageBuilder page = form.page(account.get(), HttpServletResponse.SC_OK);
        try {
            AccountCheck check = checks.validate(account.get().id());
            Map<String, String> result = new LinkedHashMap<>();
            result.put("awsAccountId", check.awsAccountId());
            result.put("arn", check.arn());
            result.put("alias", check.alias().orElseGet(() -> i18n().getText("awsc.admin.account.validate.noAlias")));
            result.put("note", check.note().map(note -> note.in(i18n()::getText)).orElse(""));
            page.put("validation", result).put("hasValidation", true);
        } catch (AwsRequestFailedException | dev.awsconnectors.api.InvalidCredentialsRequestException e) {
            // AWS's refusal, or ours (a keyless account has no credentials of its own to validate).
            page.awsRefusal(AwsCallFailedException.message(e, i18n()::getText));
        } catch (AccountSecretUnavailableException e) {
            return secretUnavailable(account.get(), e);
        }
        return page.build();
    }

    /** The form again with why the account's stored secret cannot be read (nothing was sent to AWS). */
    private Page secretUnavailable(Account account, AccountSecretUnavailableException e) {
        return form.page(account, HttpServletResponse.SC_SERVICE_UNAVAILABLE).error(e.getMessage()).build();
    }

    /** The account's page again, with why nothing was changed. */
    private Page conflict(Account account, String why) {
        return form.page(account, HttpServletResponse.SC_CONFLICT).error(why).build();
    }

    private Page rotate(HttpServletRequest request, Account account) {
        RotationReport report;
        try {
            // The rotation refuses a stale version before AWS is asked for a key that would only be deleted again.
            report = keyRotation.rotateAccessKey(account.id(),
                    FormValues.parseVersion(request.getParameter("version")));
        } catch (ConcurrentEditException e) {
            return conflict(account, i18n().getText("awsc.admin.concurrentEdit", account.name()));
        } catch (RotationUnderWayException e) {
            return conflict(account, underWay(e));
        } catch (AccessKeySharedException e) {
            return conflict(account, i18n().getText("awsc.admin.rotate.shared", e.accountName(), e.maskedKeyId(),
                    String.join(", ", e.otherAccounts())));
        } catch (AccountSecretUnavailableException e) {
            return secretUnavailable(account, e);
        } catch (dev.awsconnectors.api.AwsConnectorException e) {
            // AWS's refusal, or ours (a host-role account has no key to rotate), in words for the admin.
            return form.page(account, HttpServletResponse.SC_OK).awsRefusal(AwsCallFailedException.message(e, i18n()::getText)).build();
        }
        Account after = accounts.get(account.id()).orElse(account);
        audit.rotation(userManager().getRemoteUser(request), after, report.succeeded(),
                account.accessKeyId().orElse(null), report.activeAccessKeyId());
        return form.withRotationReport(form.page(after, HttpServletResponse.SC_OK), report,
                report.succeeded() ? "awsc.admin.rotate.succeeded" : "awsc.admin.rotate.failed").build();
    }

    /**
     * Rotates the signing key from a keyless account's page, once confirmed: the keys are shared by every keyless
     * account, so the account only says where to come back to and whether its issuer is hosted elsewhere.
     */
    private Page rotateSigningKey(HttpServletRequest request, Account account) {
        if (!KeylessGuidance.shownFor(account)) {
            return form.page(account, HttpServletResponse.SC_BAD_REQUEST).error(i18n().getText(
                    "awsc.admin.account.keyless.keys.notKeyless", account.name())).build();
        }
        if (!confirmed(request)) {
            return confirmation("account", "rotateSigningKey", account.id().toString(),
                    Long.toString(account.version()),
                    i18n().getText("awsc.admin.account.keyless.keys.rotate.confirmTitle"),
                    form.signingKeyRotationQuestion(account),
                    i18n().getText("awsc.admin.account.keyless.keys.rotate"));
        }
        KeyRotation rotation = signingKeyRotation.rotate(userManager().getRemoteUser(request));
        return form.withSigningKeyRotation(form.page(account, HttpServletResponse.SC_OK), account, rotation).build();
    }

    private Page cleanUpRotation(HttpServletRequest request, Account account) {
        Optional<RotationReport> report;
        try {
            report = keyRotation.cleanUpRotation(account.id());
        } catch (RotationUnderWayException e) {
            return conflict(account, underWay(e));
        } catch (AccountNotFoundException e) {
            return notFound();
        }
        if (report.isEmpty()) {
            return form.page(account, HttpServletResponse.SC_OK).notice("awsc.admin.rotate.nothingToCleanUp").build();
        }
        audit.rotationCleanUp(userManager().getRemoteUser(request), account, report.get().succeeded());
        return form.withRotationReport(form.page(account, HttpServletResponse.SC_OK), report.get(),
                report.get().succeeded() ? "awsc.admin.rotate.cleanedUp" : "awsc.admin.rotate.cleanUpFailed").build();
    }

    private String underWay(RotationUnderWayException e) {
        return i18n().getText(e.interrupted() ? "awsc.admin.rotate.interrupted" : "awsc.admin.rotate.underWay",
                e.accountName(), e.started().toString());
    }

    private Page notFound() {
        return messagePage(HttpServletResponse.SC_NOT_FOUND, "awsc.admin.account.notFound.title",
                "awsc.admin.account.notFound.message");
    }
}
