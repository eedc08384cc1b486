package dev.awsconnectors.web.admin;

import dev.awsconnectors.audit.AdminChangeAudit;
import dev.awsconnectors.audit.RequestOrigin;

import com.atlassian.audit.api.AuditService;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.websudo.WebSudoManager;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.admintasks.AccountChecks;
import dev.awsconnectors.admintasks.ConnectorTestResult;
import dev.awsconnectors.admintasks.ConnectorTester;
import dev.awsconnectors.admintasks.RoleSummary;
import dev.awsconnectors.api.AccountSecretUnavailableException;
import dev.awsconnectors.api.AwsConnectorException;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConnectorNotFoundException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.connectors.GroupDirectory;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConcurrentEditException;
import dev.awsconnectors.persistence.ConnectorRepository;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates, edits, duplicates, deletes and tests one connector ({@code /plugins/servlet/aws-connectors/admin/connector},
 * {@code ?id=} to edit, {@code ?copyOf=} to duplicate); the editor itself is {@link ConnectorForm}.
 *
 * <p>POST {@code action}: {@code save}, {@code delete}, {@code test} (credentials as the admin, showing who AWS
 * sees) or {@code roles} (the form again, with the roles of the chosen account to pick from).
 */
public class ConnectorAdminServlet extends AdminPageServlet {
    private static final long serialVersionUID = 1L;

    private final transient AccountRepository accounts;
    private final transient ConnectorRepository connectors;
    private final transient ConfigurationValidator validator;
    /** Reads a POST of the editor, and shows the editor (again, with the messages beside the fields). */
    private final transient ConnectorForm form;
    private final transient AccountChecks checks;
    private final transient ConnectorTester tester;
    private final transient AdminChangeAudit audit;

    public ConnectorAdminServlet(PageServices services, @ComponentImport WebSudoManager webSudoManager,
                                 @ComponentImport AuditService auditService, AccountRepository accounts,
                                 ConnectorRepository connectors, ConfigurationValidator validator, AccountChecks checks,
                                 ConnectorTester tester, GroupDirectory groupDirectory) {
        super(services, webSudoManager);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.tester = Objects.requireNonNull(tester, "tester");
        this.audit = new AdminChangeAudit(Objects.requireNonNull(auditService, "auditService"), null);
        this.form = new ConnectorForm(i18n(), userManager(), accounts, validator, groupDirectory);
    }

    @Override
    protected Page get(HttpServletRequest request) {
        if (FormValues.namesAnId(request.getParameter("id"))) {
            return storedForm(request, connectors::get, connector -> form.page(connector, HttpServletResponse.SC_OK),
                    "awsc.admin.connector.saved").orElseGet(this::notFound);
        }
        Map<String, String> values;
        String copyOf = request.getParameter("copyOf");
        if (FormValues.namesAnId(copyOf)) {
            Optional<Connector> original = FormValues.parseId(copyOf).flatMap(connectors::get);
            if (original.isEmpty()) {
                return notFound();
            }
            values = ConnectorForm.valuesOf(original.get());
            values.put("name", i18n().getText("awsc.admin.connector.copyName", original.get().name()));
            values.put("version", "0");
        } else {
            values = new HashMap<>();
            List<Account> all = accounts.all();
            values.put("accountId", all.size() == 1 ? all.get(0).id().toString() : "");
            PrincipalType type = FormValues.enumValue(PrincipalType.class, request.getParameter("principalType"));
            values.put("principalType", (type == null ? PrincipalType.FEDERATED_USER : type).name());
        }
        return form.page(null, values, List.of(), HttpServletResponse.SC_OK).build();
    }

    @Override
    protected Page post(HttpServletRequest request) {
        String action = Objects.requireNonNullElse(request.getParameter("action"), "save");
        switch (action) {
            case "delete":
                return confirmed(request) ? delete(request) : confirmDelete(request);
            case "test":
                return test(request);
            case "roles":
                return roles(request);
            default:
                return save(request);
        }
    }

    private Page save(HttpServletRequest request) {
        Map<String, String> values = ConnectorForm.posted(request);
        Optional<Edited<Connector>> edited = edited(request, connectors::get);
        if (edited.isEmpty()) {
            return notFound();
        }
        Connector before = edited.get().before();
        boolean creating = edited.get().creating();
        List<Violation> unreadable = new ArrayList<>();
        Connector entered = form.connectorOf(values, creating ? UUID.randomUUID() : edited.get().id(), unreadable);
        if (!unreadable.isEmpty()) {
            Account account = entered.accountId() == null ? null : accounts.get(entered.accountId()).orElse(null);
            return form.page(before, values, FieldErrors.withValidatorFindings(unreadable,
                    validator.validate(entered, account)), HttpServletResponse.SC_BAD_REQUEST).build();
        }
        AdminChangeAudit.Change<Connector> change = audit.connectorChange(creating
                ? AdminChangeAudit.CONNECTOR_CREATED : AdminChangeAudit.CONNECTOR_UPDATED,
                userManager().getRemoteUser(request), before);
        Connector saved;
        try {
            saved = creating ? connectors.create(entered, change::prepare)
                    : connectors.update(entered, change::prepare);
        } catch (ConfigurationException e) {
            return form.page(before, values, e.violations(), HttpServletResponse.SC_BAD_REQUEST).build();
        } catch (ConcurrentEditException e) {
            return form.page(before, values, List.of(), HttpServletResponse.SC_CONFLICT)
                    .error(i18n().getText("awsc.admin.concurrentEdit", entered.name())).build();
        } catch (ConnectorNotFoundException e) {
            return notFound();
        }
        change.record();
        return Page.redirect("/connector?id=" + saved.id() + "&saved=1");
    }

    /** Asks before a delete that came without confirmation; changes nothing. */
    private Page confirmDelete(HttpServletRequest request) {
        Optional<Connector> connector = FormValues.parseId(request.getParameter("id")).flatMap(connectors::get);
        if (connector.isEmpty()) {
            return notFound();
        }
        return confirmation("connector", "delete", connector.get().id().toString(), null,
                i18n().getText("awsc.admin.connector.delete.confirmTitle", connector.get().name()),
                i18n().getText("awsc.admin.connector.delete.confirm"), i18n().getText("awsc.admin.delete"));
    }

    private Page delete(HttpServletRequest request) {
        Optional<Connector> connector = FormValues.parseId(request.getParameter("id")).flatMap(connectors::get);
        if (connector.isEmpty()) {
            return notFound();
        }
        AdminChangeAudit.Change<Connector> change = audit.connectorChange(AdminChangeAudit.CONNECTOR_DELETED,
                userManager().getRemoteUser(request), connector.get());
        change.prepare(null);
        try {
            connectors.delete(connector.get().id());
        } catch (ConnectorNotFoundException e) {
            return notFound();
        }
        change.record();
        return Page.redirect("/connectors?deleted=connector&name="
                + URLEncoder.encode(connector.get().name(), StandardCharsets.UTF_8));
    }

    private Page test(HttpServletRequest request) {
        Optional<UUID> id = FormValues.parseId(request.getParameter("id"));
        if (id.isEmpty()) {
            return notFound();
        }
        // The test first, through the broker alone, so that it is audited as every credentials request is (an
        // unknown id included); the page then reads the connector it shows the form of.
        Map<String, String> identity = null;
        String error = null;
        String refusal = null;
        try {
            // The code of the connector's MFA device, typed beside "Test"; the tester checks it (six digits).
            ConnectorTestResult result = tester.test(id.get(), request.getParameter("mfaCode"), RequestOrigin.WEB);
            identity = new LinkedHashMap<>();
            identity.put("awsAccountId", result.awsAccountId());
            identity.put("arn", result.arn());
            identity.put("userId", result.userId());
            identity.put("expiration", result.expiration().toString());
        } catch (ConnectorNotFoundException e) {
            return notFound();
        } catch (AccountSecretUnavailableException e) {
            // Not AWS's refusal: nothing was sent; the key file needs the admin.
            error = e.getMessage();
        } catch (AwsConnectorException e) {
            // AWS's refusal, or the broker's (a limit, MFA), in a message written for the admin.
            refusal = AwsCallFailedException.message(e, i18n()::getText);
        }
        Optional<Connector> connector = connectors.get(id.get());
        if (connector.isEmpty()) {
            return notFound();
        }
        PageBuilder page = form.page(connector.get(), HttpServletResponse.SC_OK);
        if (identity != null) {
            page.put("testResult", identity).put("hasTestResult", true);
        }
        if (error != null) {
            page.error(error);
        }
        if (refusal != null) {
            page.awsRefusal(refusal);
        }
        return page.build();
    }

    private Page roles(HttpServletRequest request) {
        Map<String, String> values = ConnectorForm.posted(request);
        Connector stored = FormValues.parseId(request.getParameter("id")).flatMap(connectors::get).orElse(null);
        PageBuilder page = form.page(stored, values, List.of(), HttpServletResponse.SC_OK);
        Optional<UUID> accountId = FormValues.parseId(values.get("accountId"));
        if (accountId.isEmpty()) {
            return page.error(i18n().getText("awsc.admin.connector.roles.noAccount")).build();
        }
        try {
            List<Map<String, String>> roles = new ArrayList<>();
            for (RoleSummary role : checks.roles(accountId.get())) {
                Map<String, String> option = new HashMap<>();
                option.put("value", role.arn());
                option.put("label", i18n().getText("awsc.admin.connector.roles.option", role.name(), role.path(),
                        role.maxSessionDurationSeconds()));
                roles.add(option);
            }
            page.put("roles", roles).put("rolesLoaded", true);
        } catch (AwsRequestFailedException | dev.awsconnectors.api.InvalidCredentialsRequestException e) {
            page.awsRefusal(AwsCallFailedException.message(e, i18n()::getText));
        } catch (AccountSecretUnavailableException e) {
            page.error(e.getMessage());
        } catch (dev.awsconnectors.persistence.AccountNotFoundException e) {
            page.error(i18n().getText("awsc.admin.connector.roles.noAccount"));
        }
        return page.build();
    }

    private Page notFound() {
        return messagePage(HttpServletResponse.SC_NOT_FOUND, "awsc.admin.connector.notFound.title",
                "awsc.admin.connector.notFound.message");
    }
}
