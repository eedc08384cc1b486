package dev.awsconnectors.web.admin;

import dev.awsconnectors.audit.AdminChangeAudit;
import dev.awsconnectors.audit.RequestOrigin;

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
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.EnteredText;
import dev.awsconnectors.api.AccountSecretUnavailableException;
import dev.awsconnectors.api.AwsConnectorException;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConnectorNotFoundException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.connectors.GroupDirectory;
import dev.awsconnectors.connectors.TypedField;
import dev.awsconnectors.iam.AccountChecks;
import dev.awsconnectors.iam.ConnectorTestResult;
import dev.awsconnectors.iam.ConnectorTester;
import dev.awsconnectors.iam.RoleSummary;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConcurrentEditException;
import dev.awsconnectors.persistence.ConnectorRepository;
import dev.awsconnectors.sts.AwsCallFailedException;
import dev.awsconnectors.validation.ConfigurationException;
import dev.awsconnectors.validation.ConfigurationValidator;
import dev.awsconnectors.validation.Violation;
import dev.awsconnectors.web.admin.AccountAdminServlet.PageBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.TreeSet;
import java.util.UUID;

/**
 * Creates, edits, duplicates, deletes and tests one connector ({@code /plugins/servlet/aws-connectors/admin/connector},
 * {@code ?id=} to edit, {@code ?copyOf=} to duplicate).
 *
 * <p>The editor has a section of fields per principal type ({@link TypedField}); a few lines of JavaScript show only
 * the chosen type's fields (and disable the others, so they are not sent), and without JavaScript every section
 * shows with a note naming the types that take it. A value in a field the chosen type does not take is refused
 * beside the field, like any other broken rule, never dropped in silence.
 *
 * <p>Groups are a multiple choice of Jira's groups (up to {@value #MAX_GROUPS_LISTED}, plus the connector's own),
 * which the script turns into a search of all of Jira's groups; a group the connector names that Jira no longer has
 * is shown as such, and kept until an admin removes it.
 * POST {@code action}: {@code save}, {@code delete}, {@code test} (credentials as the admin, showing who AWS
 * sees) or {@code roles} (the form again, with the roles of the chosen account to pick from).
 */
public class ConnectorAdminServlet extends AdminPageServlet {
    private static final long serialVersionUID = 1L;

    static final String TEMPLATE = "templates/admin/connector.vm";
    /** How many of Jira's groups the page lists; with more, a text field takes other names (without JavaScript). */
    static final int MAX_GROUPS_LISTED = 1_000;
    /** The form's fields, by their REST names, which are also the names the validator reports. */
    static final Set<String> FIELDS = Set.of("name", "description", "accountId", "principalType", "roleArn",
            "externalId", "policy", "policyArns", "maxDurationSeconds", "mfaSerialNumber", "sourceIdentityAndTags",
            "groups", "systemScope", "consoleDestination");
    private static final List<String> TEXT_FIELDS = List.of("name", "description", "accountId", "principalType",
            "roleArn", "externalId", "policy", "policyArns", "maxDurationSeconds", "mfaSerialNumber",
            "consoleDestination", "groupsOther");

    /** The policy examples: i18n key of the title, resource with the JSON. */
    static final Map<String, String> POLICY_EXAMPLES = new LinkedHashMap<>();

    static {
        POLICY_EXAMPLES.put("awsc.admin.policyExample.readOnlyS3", "policy-examples/read-only-s3.json");
        POLICY_EXAMPLES.put("awsc.admin.policyExample.describeEc2", "policy-examples/describe-ec2.json");
        POLICY_EXAMPLES.put("awsc.admin.policyExample.oneBucket", "policy-examples/one-bucket.json");
        POLICY_EXAMPLES.put("awsc.admin.policyExample.oneRegion", "policy-examples/one-region.json");
    }

    private final transient AccountRepository accounts;
    private final transient ConnectorRepository connectors;
    private final transient ConfigurationValidator validator;
    private final transient AccountChecks checks;
    private final transient ConnectorTester tester;
    private final transient AdminChangeAudit audit;
    private final transient GroupDirectory groupDirectory;

    public ConnectorAdminServlet(@ComponentImport UserManager userManager,
                                 @ComponentImport LoginUriProvider loginUriProvider,
                                 @ComponentImport WebSudoManager webSudoManager,
                                 @ComponentImport TemplateRenderer templateRenderer,
                                 @ComponentImport I18nResolver i18n,
                                 @ComponentImport XsrfTokenValidator xsrfValidator,
                                 @ComponentImport XsrfTokenAccessor xsrfAccessor,
                                 @ComponentImport PageBuilderService pageBuilderService,
                                 @ComponentImport AuditService auditService,
                                 AccountRepository accounts, ConnectorRepository connectors,
                                 ConfigurationValidator validator, AccountChecks checks, ConnectorTester tester,
                                 GroupDirectory groupDirectory) {
        super(userManager, loginUriProvider, webSudoManager, templateRenderer, i18n, xsrfValidator, xsrfAccessor,
                pageBuilderService);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.tester = Objects.requireNonNull(tester, "tester");
        this.audit = new AdminChangeAudit(Objects.requireNonNull(auditService, "auditService"), null);
        this.groupDirectory = Objects.requireNonNull(groupDirectory, "groupDirectory");
    }

    @Override
    protected Page get(HttpServletRequest request) {
        String id = request.getParameter("id");
        if (id != null && !id.isBlank()) {
            Optional<Connector> connector = AccountAdminServlet.parseId(id).flatMap(connectors::get);
            if (connector.isEmpty()) {
                return notFound();
            }
            PageBuilder page = form(connector.get(), formOf(connector.get()), List.of(), HttpServletResponse.SC_OK);
            if ("1".equals(request.getParameter("saved"))) {
                page.notice("awsc.admin.connector.saved");
            }
            return page.build();
        }
        Map<String, String> form;
        String copyOf = request.getParameter("copyOf");
        if (copyOf != null && !copyOf.isBlank()) {
            Optional<Connector> original = AccountAdminServlet.parseId(copyOf).flatMap(connectors::get);
            if (original.isEmpty()) {
                return notFound();
            }
            form = formOf(original.get());
            form.put("name", i18n().getText("awsc.admin.connector.copyName", original.get().name()));
            form.put("version", "0");
        } else {
            form = new HashMap<>();
            List<Account> all = accounts.all();
            form.put("accountId", all.size() == 1 ? all.get(0).id().toString() : "");
            PrincipalType type = AccountAdminServlet.enumValue(PrincipalType.class,
                    request.getParameter("principalType"));
            form.put("principalType", (type == null ? PrincipalType.FEDERATED_USER : type).name());
        }
        return form(null, form, List.of(), HttpServletResponse.SC_OK).build();
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

    /** The form as posted: every text field, the checked groups and check boxes. */
    private static Map<String, String> posted(HttpServletRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String field : TEXT_FIELDS) {
            form.put(field, Objects.requireNonNullElse(request.getParameter(field), ""));
        }
        String roleChoice = Objects.requireNonNullElse(request.getParameter("roleChoice"), "");
        if (form.get("roleArn").isBlank() && !roleChoice.isBlank()) {
            // Without JavaScript the role picker cannot fill the ARN field; a picked role stands for it.
            form.put("roleArn", roleChoice);
        }
        TreeSet<String> groups = new TreeSet<>();
        String[] checked = request.getParameterValues("groups");
        if (checked != null) {
            for (String group : checked) {
                groups.add(group);
            }
        }
        form.put("groups", String.join("\n", groups));
        form.put("sourceIdentityAndTags", Boolean.toString(request.getParameter("sourceIdentityAndTags") != null));
        form.put("systemScope", Boolean.toString(request.getParameter("systemScope") != null));
        form.put("version", Objects.requireNonNullElse(request.getParameter("version"), "0"));
        return form;
    }

    private Page save(HttpServletRequest request) {
        Map<String, String> form = posted(request);
        Optional<UUID> id = AccountAdminServlet.parseId(request.getParameter("id"));
        if (id.isEmpty() && AccountAdminServlet.namesAnId(request.getParameter("id"))) {
            // A tampered id names nothing: it must not become a new connector.
            return notFound();
        }
        Connector before = null;
        if (id.isPresent()) {
            before = connectors.get(id.get()).orElse(null);
            if (before == null) {
                return notFound();
            }
        }
        boolean creating = before == null;
        List<Violation> unreadable = new ArrayList<>();
        Connector entered = connectorOf(form, creating ? UUID.randomUUID() : id.get(), unreadable);
        if (!unreadable.isEmpty()) {
            Account account = entered.accountId() == null ? null : accounts.get(entered.accountId()).orElse(null);
            return form(before, form, AccountAdminServlet.withValidatorFindings(unreadable,
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
            return form(before, form, e.violations(), HttpServletResponse.SC_BAD_REQUEST).build();
        } catch (ConcurrentEditException e) {
            return form(before, form, List.of(), HttpServletResponse.SC_CONFLICT)
                    .error(i18n().getText("awsc.admin.concurrentEdit", entered.name())).build();
        } catch (ConnectorNotFoundException e) {
            return notFound();
        }
        change.record();
        return Page.redirect("/connector?id=" + saved.id() + "&saved=1");
    }

    /**
     * The connector the form describes, every field as posted: a value in a field its principal type does not take
     * is for the validator to refuse, beside the field.
     */
    private Connector connectorOf(Map<String, String> form, UUID id, List<Violation> unreadable) {
        PrincipalType type = AccountAdminServlet.enumValue(PrincipalType.class, form.get("principalType"));
        Connector.Builder builder = Connector.builder().id(id)
                .name(form.get("name"))
                .description(form.get("description"))
                .accountId(AccountAdminServlet.parseId(form.get("accountId")).orElse(null))
                .principalType(type)
                .version(AccountAdminServlet.parseVersion(form.get("version")))
                .groups(groupsOf(form))
                .systemScope(Boolean.parseBoolean(form.get("systemScope")));
        Optional<String> duration = EnteredText.optional(form.get("maxDurationSeconds"));
        if (duration.isPresent()) {
            try {
                builder.maxDurationSeconds(Integer.valueOf(duration.get()));
            } catch (NumberFormatException e) {
                unreadable.add(FieldErrors.formViolation("maxDurationSeconds", "awsc.admin.form.notANumber",
                        i18n()));
            }
        }
        builder.roleArn(form.get("roleArn"));
        builder.externalId(form.get("externalId"));
        builder.policy(form.get("policy"));
        List<String> arns = new ArrayList<>();
        for (String line : form.get("policyArns").split("[\\r\\n]+")) {
            if (!line.isBlank()) {
                arns.add(line.strip());
            }
        }
        builder.policyArns(arns);
        builder.mfaSerialNumber(form.get("mfaSerialNumber"));
        builder.sourceIdentityAndTags(Boolean.parseBoolean(form.get("sourceIdentityAndTags")));
        Optional<String> destination = EnteredText.optional(form.get("consoleDestination"));
        if (destination.isPresent()) {
            try {
                builder.consoleDestination(new URI(destination.get()));
            } catch (URISyntaxException e) {
                unreadable.add(FieldErrors.formViolation("consoleDestination", "awsc.admin.form.notAUrl",
                        i18n()));
            }
        }
        return builder.build();
    }

    private static List<String> groupsOf(Map<String, String> form) {
        TreeSet<String> groups = new TreeSet<>();
        for (String group : form.get("groups").split("\n")) {
            if (!group.isEmpty()) {
                groups.add(group);
            }
        }
        for (String group : form.get("groupsOther").split("[,\\r\\n]+")) {
            if (!group.isBlank()) {
                groups.add(group.strip());
            }
        }
        return new ArrayList<>(groups);
    }

    /** Asks before a delete that came without confirmation; changes nothing. */
    private Page confirmDelete(HttpServletRequest request) {
        Optional<Connector> connector = AccountAdminServlet.parseId(request.getParameter("id"))
                .flatMap(connectors::get);
        if (connector.isEmpty()) {
            return notFound();
        }
        return confirmation("connector", "delete", connector.get().id().toString(), null,
                i18n().getText("awsc.admin.connector.delete.confirmTitle", connector.get().name()),
                i18n().getText("awsc.admin.connector.delete.confirm"), i18n().getText("awsc.admin.delete"));
    }

    private Page delete(HttpServletRequest request) {
        Optional<Connector> connector = AccountAdminServlet.parseId(request.getParameter("id"))
                .flatMap(connectors::get);
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
        Optional<UUID> id = AccountAdminServlet.parseId(request.getParameter("id"));
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
        PageBuilder page = form(connector.get(), formOf(connector.get()), List.of(), HttpServletResponse.SC_OK);
        if (identity != null) {
            page.context.put("testResult", identity);
            page.context.put("hasTestResult", true);
        }
        if (error != null) {
            page.error(error);
        }
        if (refusal != null) {
            page.context.put("awsRefusal", refusal);
        }
        return page.build();
    }

    private Page roles(HttpServletRequest request) {
        Map<String, String> form = posted(request);
        Optional<UUID> id = AccountAdminServlet.parseId(request.getParameter("id"));
        Connector stored = id.flatMap(connectors::get).orElse(null);
        PageBuilder page = form(stored, form, List.of(), HttpServletResponse.SC_OK);
        Optional<UUID> accountId = AccountAdminServlet.parseId(form.get("accountId"));
        if (accountId.isEmpty()) {
            page.error(i18n().getText("awsc.admin.connector.roles.noAccount"));
            return page.build();
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
            page.context.put("roles", roles);
            page.context.put("rolesLoaded", true);
        } catch (AwsRequestFailedException e) {
            page.context.put("awsRefusal", AwsCallFailedException.message(e, i18n()::getText));
        } catch (AccountSecretUnavailableException e) {
            page.error(e.getMessage());
        } catch (dev.awsconnectors.persistence.AccountNotFoundException e) {
            page.error(i18n().getText("awsc.admin.connector.roles.noAccount"));
        }
        return page.build();
    }

    /** The editor's values and choices; {@code connector} is the stored one, null when creating. */
    private PageBuilder form(Connector connector, Map<String, String> form, List<Violation> violations, int status) {
        PageBuilder page = new PageBuilder(TEMPLATE, status);
        page.context.put("testResult", Map.of());
        page.context.put("hasTestResult", false);
        page.context.put("roles", List.of());
        page.context.put("rolesLoaded", false);
        Map<String, String> values = new HashMap<>();
        for (String field : TEXT_FIELDS) {
            values.put(field, form.getOrDefault(field, ""));
        }
        values.put("id", connector == null ? "" : connector.id().toString());
        values.put("version", form.getOrDefault("version", "0"));
        page.context.put("form", values);
        page.context.put("creating", connector == null);
        // "Test" asks for a code only when the stored connector has an MFA device (not what the form now says).
        page.context.put("testTakesMfaCode", connector != null && connector.mfaSerialNumber().isPresent());
        page.context.put("connectorName", connector == null ? "" : connector.name());
        page.context.put("sourceIdentityAndTags", Boolean.parseBoolean(form.get("sourceIdentityAndTags")));
        page.context.put("systemScope", Boolean.parseBoolean(form.get("systemScope")));

        List<Map<String, Object>> accountOptions = new ArrayList<>();
        for (Account account : accounts.all()) {
            accountOptions.add(AccountAdminServlet.option(account.id().toString(), account.name(),
                    values.get("accountId")));
        }
        page.context.put("accountOptions", accountOptions);
        page.context.put("hasAccounts", !accountOptions.isEmpty());

        List<Map<String, Object>> typeOptions = new ArrayList<>();
        List<Map<String, String>> typeInfos = new ArrayList<>();
        for (PrincipalType type : PrincipalType.values()) {
            typeOptions.add(AccountAdminServlet.option(type.name(),
                    i18n().getText(AdminOverviewServlet.principalTypeKey(type)), values.get("principalType")));
            typeInfos.add(typeInfo(type));
        }
        page.context.put("typeOptions", typeOptions);
        page.context.put("typeInfos", typeInfos);
        Map<String, String> typesOf = new HashMap<>();
        Map<String, String> takenBy = new HashMap<>();
        for (TypedField field : TypedField.values()) {
            List<String> names = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            for (PrincipalType type : field.types()) {
                names.add(type.name());
                titles.add(i18n().getText(AdminOverviewServlet.principalTypeKey(type)));
            }
            typesOf.put(field.fieldName(), String.join(" ", names));
            takenBy.put(field.fieldName(), titles.size() == 1
                    ? i18n().getText("awsc.admin.connector.takenBy.one", titles.get(0))
                    : i18n().getText("awsc.admin.connector.takenBy.two", titles.get(0), titles.get(1)));
        }
        page.context.put("typesOf", typesOf);
        page.context.put("takenBy", takenBy);

        groupChoices(page, form, connector == null ? Set.of() : connector.groups());

        List<Map<String, String>> examples = new ArrayList<>();
        for (Map.Entry<String, String> example : POLICY_EXAMPLES.entrySet()) {
            Map<String, String> entry = new HashMap<>();
            entry.put("title", i18n().getText(example.getKey()));
            entry.put("json", policyExample(example.getValue()));
            examples.add(entry);
        }
        page.context.put("policyExamples", examples);

        List<String> warnings = new ArrayList<>();
        if (connector != null && violations.isEmpty()) {
            for (Violation warning : validator.warnings(connector)) {
                warnings.add(new FieldErrors(List.of(warning), Set.of(), i18n()).general().get(0));
            }
        }
        page.context.put("warnings", warnings);
        page.context.put("hasWarnings", !warnings.isEmpty());

        FieldErrors errors = new FieldErrors(violations, FIELDS, i18n());
        page.context.put("errors", errors.byField());
        page.context.put("generalErrors", errors.general());
        page.context.put("hasErrors", !violations.isEmpty());
        return page;
    }

    /**
     * The group picker's options: the chosen groups (marked when Jira does not have one: "no longer" for one the
     * stored connector names, else "not in Jira"), then Jira's other groups up to {@value #MAX_GROUPS_LISTED}. With
     * more, the page also offers a text field for other names.
     */
    private void groupChoices(PageBuilder page, Map<String, String> form, Set<String> storedGroups) {
        Set<String> selected = new TreeSet<>(List.of(form.getOrDefault("groups", "").split("\n")));
        selected.remove("");
        Set<String> listed = new TreeSet<>(selected);
        int inJira = 0;
        for (String group : userManager().findGroupNamesByPrefix("", 0, MAX_GROUPS_LISTED + 1)) {
            if (++inJira <= MAX_GROUPS_LISTED) {
                listed.add(group);
            }
        }
        List<Map<String, Object>> options = new ArrayList<>();
        for (String group : listed) {
            Map<String, Object> option = new HashMap<>();
            boolean chosen = selected.contains(group);
            boolean missing = chosen && !groupDirectory.exists(group);
            option.put("name", group);
            option.put("selected", chosen);
            option.put("missing", missing);
            option.put("label", !missing ? group : i18n().getText(storedGroups.contains(group)
                    ? "awsc.admin.connector.groups.missing" : "awsc.admin.connector.groups.unknown", group));
            options.add(option);
        }
        page.context.put("groupOptions", options);
        page.context.put("moreGroupsThanListed", inJira > MAX_GROUPS_LISTED);
    }

    private Map<String, String> typeInfo(PrincipalType type) {
        String prefix;
        switch (type) {
            case FEDERATED_USER:
                prefix = "federatedUser";
                break;
            case IAM_USER:
                prefix = "iamUser";
                break;
            default:
                prefix = "iamRole";
                break;
        }
        Map<String, String> info = new HashMap<>();
        info.put("type", type.name());
        info.put("title", i18n().getText(AdminOverviewServlet.principalTypeKey(type)));
        // Keys built from the type: awsc.admin.type.<prefix>.{call,policies,console,mfa,identity}.
        for (String aspect : List.of("call", "policies", "console", "mfa", "identity")) {
            info.put(aspect, i18n().getText("awsc.admin.type." + prefix + "." + aspect));
        }
        return info;
    }

    static String policyExample(String resource) {
        try (InputStream in = ConnectorAdminServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The policy example " + resource + " is missing from the plugin.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> formOf(Connector connector) {
        Map<String, String> form = new HashMap<>();
        form.put("name", connector.name());
        form.put("description", connector.description().orElse(""));
        form.put("accountId", connector.accountId() == null ? "" : connector.accountId().toString());
        form.put("principalType", connector.principalType() == null ? "" : connector.principalType().name());
        form.put("roleArn", connector.roleArn().orElse(""));
        form.put("externalId", connector.externalId().orElse(""));
        form.put("policy", connector.policy().orElse(""));
        form.put("policyArns", String.join("\n", connector.policyArns()));
        form.put("maxDurationSeconds", connector.maxDurationSeconds().isPresent()
                ? Integer.toString(connector.maxDurationSeconds().getAsInt()) : "");
        form.put("mfaSerialNumber", connector.mfaSerialNumber().orElse(""));
        form.put("sourceIdentityAndTags", Boolean.toString(connector.sourceIdentityAndTags()));
        form.put("groups", String.join("\n", connector.groups()));
        form.put("groupsOther", "");
        form.put("systemScope", Boolean.toString(connector.systemScope()));
        form.put("consoleDestination", connector.consoleDestination().map(URI::toString).orElse(""));
        form.put("version", Long.toString(connector.version()));
        return form;
    }

    private Page notFound() {
        return messagePage(HttpServletResponse.SC_NOT_FOUND, "awsc.admin.connector.notFound.title",
                "awsc.admin.connector.notFound.message");
    }
}
