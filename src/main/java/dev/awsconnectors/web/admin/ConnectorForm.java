package dev.awsconnectors.web.admin;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.EnteredText;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.connectors.GroupDirectory;
import dev.awsconnectors.connectors.TypedField;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.validation.ConfigurationValidator;
import dev.awsconnectors.validation.Violation;
import dev.awsconnectors.web.FieldErrors;
import dev.awsconnectors.web.FormValues;
import dev.awsconnectors.web.PageBuilder;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
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
 * The connector editor ({@code templates/admin/connector.vm}): what a POST of it says, as the {@link Connector} the
 * repository takes, and the editor page, shown again with each message beside its field.
 *
 * <p>The editor has a section of fields per principal type ({@link TypedField}); a value in a field the chosen type
 * does not take is kept in the connector for the validator to refuse beside the field, never dropped in silence.
 * Groups are a multiple choice of Jira's groups (up to {@value #MAX_GROUPS_LISTED}, plus the connector's own); a
 * group the connector names that Jira no longer has is shown as such, and kept until an admin removes it.
 */
final class ConnectorForm {
    static final String TEMPLATE = "templates/admin/connector.vm";
    /** How many of Jira's groups the page lists; with more, a text field takes other names (without JavaScript). */
    static final int MAX_GROUPS_LISTED = 1_000;
    /** The form's fields, by their REST names, which are also the names the validator reports. */
    static final Set<String> FIELDS = Set.of("name", "description", "accountId", "principalType", "roleArn",
            "externalId", "policy", "policyArns", "maxDurationSeconds", "mfaSerialNumber", "sourceIdentityAndTags",
            "groups", "systemScope", "consoleDestination");
    /** The fields a connector may hold from before its account became keyless, which AssumeRoleWithWebIdentity lacks. */
    private static final Set<String> KEYLESS_LEFTOVERS = Set.of("mfaSerialNumber", "externalId");
    private static final List<String> TEXT_FIELDS = List.of("name", "description", "accountId", "principalType",
            "roleArn", "externalId", "policy", "policyArns", "maxDurationSeconds", "mfaSerialNumber",
            "consoleDestination", "groupsOther");

    /** The policy examples, in the order shown: i18n key of the title, resource with the JSON. */
    static final List<Map.Entry<String, String>> POLICY_EXAMPLES = List.of(
            Map.entry("awsc.admin.policyExample.readOnlyS3", "policy-examples/read-only-s3.json"),
            Map.entry("awsc.admin.policyExample.describeEc2", "policy-examples/describe-ec2.json"),
            Map.entry("awsc.admin.policyExample.oneBucket", "policy-examples/one-bucket.json"),
            Map.entry("awsc.admin.policyExample.oneRegion", "policy-examples/one-region.json"));

    private final I18nResolver i18n;
    private final UserManager userManager;
    private final AccountRepository accounts;
    private final ConfigurationValidator validator;
    private final GroupDirectory groupDirectory;

    ConnectorForm(I18nResolver i18n, UserManager userManager, AccountRepository accounts,
                  ConfigurationValidator validator, GroupDirectory groupDirectory) {
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.groupDirectory = Objects.requireNonNull(groupDirectory, "groupDirectory");
    }

    /** The form as posted: every text field, the checked groups and check boxes. */
    static Map<String, String> posted(HttpServletRequest request) {
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
            groups.addAll(List.of(checked));
        }
        form.put("groups", String.join("\n", groups));
        form.put("sourceIdentityAndTags", Boolean.toString(request.getParameter("sourceIdentityAndTags") != null));
        form.put("systemScope", Boolean.toString(request.getParameter("systemScope") != null));
        form.put("version", Objects.requireNonNullElse(request.getParameter("version"), "0"));
        return form;
    }

    /** The values of a stored connector's form. */
    static Map<String, String> valuesOf(Connector connector) {
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

    /**
     * The connector the form describes, every field as posted: a value in a field its principal type does not take
     * is for the validator to refuse, beside the field. A field the form cannot even read is added to
     * {@code unreadable}.
     */
    Connector connectorOf(Map<String, String> form, UUID id, List<Violation> unreadable) {
        PrincipalType type = FormValues.enumValue(PrincipalType.class, form.get("principalType"));
        Connector.Builder builder = Connector.builder().id(id)
                .name(form.get("name"))
                .description(form.get("description"))
                .accountId(FormValues.parseId(form.get("accountId")).orElse(null))
                .principalType(type)
                .version(FormValues.parseVersion(form.get("version")))
                .groups(groupsOf(form))
                .systemScope(Boolean.parseBoolean(form.get("systemScope")));
        Optional<String> duration = EnteredText.optional(form.get("maxDurationSeconds"));
        if (duration.isPresent()) {
            try {
                builder.maxDurationSeconds(Integer.valueOf(duration.get()));
            } catch (NumberFormatException e) {
                unreadable.add(FieldErrors.formViolation("maxDurationSeconds", "awsc.admin.form.notANumber", i18n));
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
                unreadable.add(FieldErrors.formViolation("consoleDestination", "awsc.admin.form.notAUrl", i18n));
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

    /** The page of a stored connector, with its own values and no message. */
    PageBuilder page(Connector connector, int status) {
        return page(connector, valuesOf(connector), List.of(), status);
    }

    /**
     * The editor's values and choices, each violation beside its field; {@code connector} is the stored one, null
     * when creating.
     */
    PageBuilder page(Connector connector, Map<String, String> form, List<Violation> violations, int status) {
        PageBuilder page = new PageBuilder(TEMPLATE, status)
                .put("testResult", Map.of()).put("hasTestResult", false)
                .put("roles", List.of()).put("rolesLoaded", false);
        Map<String, String> values = new HashMap<>();
        for (String field : TEXT_FIELDS) {
            values.put(field, form.getOrDefault(field, ""));
        }
        values.put("id", connector == null ? "" : connector.id().toString());
        values.put("version", form.getOrDefault("version", "0"));
        page.put("form", values);
        page.put("creating", connector == null);
        Optional<Account> storedAccount = connector == null || connector.accountId() == null ? Optional.empty()
                : accounts.get(connector.accountId());
        boolean storedOnKeyless = storedAccount.map(Account::type).orElse(null) == AccountType.WEB_IDENTITY;
        // "Test" asks for a code only when the stored connector has an MFA device (not what the form now says), and
        // never on a keyless account: AssumeRoleWithWebIdentity takes none, and the test explains the leftover device.
        page.put("testTakesMfaCode", connector != null && connector.mfaSerialNumber().isPresent() && !storedOnKeyless);
        page.put("connectorName", connector == null ? "" : connector.name());
        page.put("sourceIdentityAndTags", Boolean.parseBoolean(form.get("sourceIdentityAndTags")));
        page.put("systemScope", Boolean.parseBoolean(form.get("systemScope")));

        List<Map<String, Object>> accountOptions = new ArrayList<>();
        boolean keylessChosen = false;
        for (Account account : accounts.all()) {
            Map<String, Object> option = FormValues.option(account.id().toString(), account.name(),
                    values.get("accountId"));
            boolean keyless = account.type() == AccountType.WEB_IDENTITY;
            option.put("keyless", keyless);
            keylessChosen |= keyless && Boolean.TRUE.equals(option.get("selected"));
            accountOptions.add(option);
        }
        page.put("accountOptions", accountOptions);
        page.put("hasAccounts", !accountOptions.isEmpty());
        // The info boxes describe the call for the chosen account; connector-editor.js switches them on a change.
        page.put("keylessAccountChosen", keylessChosen);

        principalTypes(page, values.get("principalType"));
        groupChoices(page, form, connector == null ? Set.of() : connector.groups());

        List<Map<String, String>> examples = new ArrayList<>();
        for (Map.Entry<String, String> example : POLICY_EXAMPLES) {
            Map<String, String> entry = new HashMap<>();
            entry.put("title", i18n.getText(example.getKey()));
            entry.put("json", policyExample(example.getValue()));
            examples.add(entry);
        }
        page.put("policyExamples", examples);

        List<String> warnings = new ArrayList<>();
        if (connector != null && violations.isEmpty()) {
            List<Violation> shown = new ArrayList<>(validator.warnings(connector));
            if (storedOnKeyless) {
                // Set before the account became keyless: the validator now refuses them, and the broker will not
                // use the connector until they are removed; the admin reads why before testing it.
                validator.validate(connector, storedAccount.get()).stream()
                        .filter(v -> KEYLESS_LEFTOVERS.contains(v.field()))
                        .forEach(shown::add);
            }
            for (Violation warning : shown) {
                warnings.add(new FieldErrors(List.of(warning), Set.of(), i18n).general().get(0));
            }
        }
        page.put("warnings", warnings);
        page.put("hasWarnings", !warnings.isEmpty());

        FieldErrors errors = new FieldErrors(violations, FIELDS, i18n);
        page.put("errors", errors.byField());
        page.put("generalErrors", errors.general());
        page.put("hasErrors", !violations.isEmpty());
        return page;
    }

    /** The principal type's choices, what each does, and which types take each typed field. */
    private void principalTypes(PageBuilder page, String selected) {
        List<Map<String, Object>> typeOptions = new ArrayList<>();
        List<Map<String, String>> typeInfos = new ArrayList<>();
        for (PrincipalType type : PrincipalType.values()) {
            typeOptions.add(FormValues.option(type.name(),
                    i18n.getText(AdminOverviewServlet.principalTypeKey(type)), selected));
            typeInfos.add(typeInfo(type));
        }
        page.put("typeOptions", typeOptions);
        page.put("typeInfos", typeInfos);
        Map<String, String> typesOf = new HashMap<>();
        Map<String, String> takenBy = new HashMap<>();
        for (TypedField field : TypedField.values()) {
            List<String> names = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            for (PrincipalType type : field.types()) {
                names.add(type.name());
                titles.add(i18n.getText(AdminOverviewServlet.principalTypeKey(type)));
            }
            typesOf.put(field.fieldName(), String.join(" ", names));
            takenBy.put(field.fieldName(), titles.size() == 1
                    ? i18n.getText("awsc.admin.connector.takenBy.one", titles.get(0))
                    : i18n.getText("awsc.admin.connector.takenBy.two", titles.get(0), titles.get(1)));
        }
        page.put("typesOf", typesOf);
        page.put("takenBy", takenBy);
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
        for (String group : userManager.findGroupNamesByPrefix("", 0, MAX_GROUPS_LISTED + 1)) {
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
            option.put("label", !missing ? group : i18n.getText(storedGroups.contains(group)
                    ? "awsc.admin.connector.groups.missing" : "awsc.admin.connector.groups.unknown", group));
            options.add(option);
        }
        page.put("groupOptions", options);
        page.put("moreGroupsThanListed", inJira > MAX_GROUPS_LISTED);
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
        info.put("title", i18n.getText(AdminOverviewServlet.principalTypeKey(type)));
        // Keys built from the type: awsc.admin.type.<prefix>.{call,policies,console,mfa,identity}.
        for (String aspect : List.of("call", "policies", "console", "mfa", "identity")) {
            info.put(aspect, i18n.getText("awsc.admin.type." + prefix + "." + aspect));
        }
        // On a keyless account a role is assumed with a token instead; the other types are refused there.
        boolean role = type == PrincipalType.IAM_ROLE;
        info.put("callKeyless", role ? i18n.getText("awsc.admin.type.iamRole.call.webIdentity") : "");
        info.put("mfaKeyless", role ? i18n.getText("awsc.admin.type.iamRole.mfa.webIdentity") : "");
        return info;
    }

    static String policyExample(String resource) {
        try (InputStream in = ConnectorForm.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The policy example " + resource + " is missing from the plugin.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
