package dev.awsconnectors.web.admin;

import com.atlassian.sal.api.message.I18nResolver;
import dev.awsconnectors.accounts.AccessKeyIds;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.EnteredText;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.admintasks.AccessKeyRotation;
import dev.awsconnectors.admintasks.RotationReport;
import dev.awsconnectors.oidc.IdentityTokens;
import dev.awsconnectors.oidc.KeyRotation;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConnectorRepository;
import dev.awsconnectors.persistence.KeyRotationState;
import dev.awsconnectors.validation.Excerpts;
import dev.awsconnectors.validation.Violation;
import dev.awsconnectors.web.FieldErrors;
import dev.awsconnectors.web.FormValues;
import dev.awsconnectors.web.PageBuilder;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The account form ({@code templates/admin/account.vm}): what a POST of it says, as the {@link Account} and secret
 * the repository takes, and the form page, shown again with each message beside its field. The secret access key
 * is write-only: the form never shows it, and a value typed in another field that looks like one is not shown
 * back either.
 */
final class AccountForm {
    static final String TEMPLATE = "templates/admin/account.vm";
    /** The form's fields, by their REST names, which are also the names the validator reports. */
    static final Set<String> FIELDS = Set.of("name", "description", "type", "accessKeyId", "secretAccessKey",
            "partition", "region", "endpointOverride", "iamEndpointOverride", "signinEndpointOverride", "audience",
            "issuerUrl");
    private static final List<String> TEXT_FIELDS = List.of("name", "description", "type", "accessKeyId",
            "partition", "region", "endpointOverride", "iamEndpointOverride", "signinEndpointOverride", "audience",
            "issuerUrl");

    private final I18nResolver i18n;
    private final AccountRepository accounts;
    private final ConnectorRepository connectors;
    private final AccessKeyRotation keyRotation;
    private final KeylessGuidance keyless;

    AccountForm(I18nResolver i18n, AccountRepository accounts, ConnectorRepository connectors,
                AccessKeyRotation keyRotation, IdentityTokens tokens) {
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.keyRotation = Objects.requireNonNull(keyRotation, "keyRotation");
        this.keyless = new KeylessGuidance(i18n, tokens, connectors);
    }

    /**
     * What a POST of the form entered.
     *
     * @param account the account as entered, for the repository (or the validator, when {@code unreadable})
     * @param secret the secret access key, when one was typed
     * @param shown the values to show if the form comes back: as typed, less anything shaped like a secret key
     * @param unreadable the fields the form itself could not read (a URL that is not one)
     */
    record Entered(Account account, Optional<String> secret, Map<String, String> shown, List<Violation> unreadable) {
        /** Never the secret, which a record would print: only whether one was typed. */
        @Override
        public String toString() {
            return "Entered[account=" + account + ", secret=" + (secret.isPresent() ? "(typed)" : "(none)")
                    + ", fields=" + shown.keySet() + ", unreadable=" + unreadable + "]";
        }
    }

    /** Reads a POST of the form, for the account {@code id} (null when creating). */
    Entered read(HttpServletRequest request, UUID id) {
        Map<String, String> form = new HashMap<>();
        for (String field : TEXT_FIELDS) {
            form.put(field, Objects.requireNonNullElse(request.getParameter(field), ""));
        }
        long version = FormValues.parseVersion(request.getParameter("version"));
        List<Violation> unreadable = new ArrayList<>();
        Account.Builder builder = id == null ? Account.builder() : Account.builder().id(id);
        Account entered = builder
                .name(form.get("name"))
                .description(form.get("description"))
                .type(FormValues.enumValue(AccountType.class, form.get("type")))
                .accessKeyId(form.get("accessKeyId"))
                .partition(partition(form.get("partition")))
                .region(form.get("region"))
                .endpointOverride(uri("endpointOverride", form.get("endpointOverride"), unreadable))
                .iamEndpointOverride(uri("iamEndpointOverride", form.get("iamEndpointOverride"), unreadable))
                .signinEndpointOverride(uri("signinEndpointOverride", form.get("signinEndpointOverride"),
                        unreadable))
                .audience(form.get("audience"))
                .issuerUrl(uri("issuerUrl", form.get("issuerUrl"), unreadable))
                .version(version)
                .build();
        form.put("version", Long.toString(version));
        // A refused form comes back with what was typed, except a secret key typed into the wrong field.
        form.replaceAll((field, value) -> Excerpts.secretShaped(value) ? "" : value);
        return new Entered(entered, EnteredText.optional(request.getParameter("secretAccessKey")), form,
                List.copyOf(unreadable));
    }

    /** The values of a new account's form. */
    static Map<String, String> blank() {
        Map<String, String> form = new HashMap<>();
        form.put("type", AccountType.ACCESS_KEY.name());
        form.put("partition", Partition.AWS.id());
        form.put("region", "us-east-1");
        return form;
    }

    /** The values of a stored account's form. */
    static Map<String, String> valuesOf(Account account) {
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
        form.put("audience", account.audience().orElse(""));
        form.put("issuerUrl", account.issuerUrl().map(URI::toString).orElse(""));
        form.put("version", Long.toString(account.version()));
        return form;
    }

    /** The page of a stored account, with its own values and no message. */
    PageBuilder page(Account account, int status) {
        return page(account, valuesOf(account), List.of(), status);
    }

    /**
     * The form page: its values and choices, each violation beside its field; {@code account} is the stored
     * account, null when creating.
     */
    PageBuilder page(Account account, Map<String, String> form, List<Violation> violations, int status) {
        PageBuilder page = new PageBuilder(TEMPLATE, status)
                .put("hasValidation", false).put("validation", Map.of())
                .put("rotation", List.of()).put("hasRotation", false).put("rotationSucceeded", false)
                .put("rotationHeadline", "").put("activeAccessKeyId", "").put("signingKeyRotation", List.of());
        Map<String, String> values = new HashMap<>();
        for (String field : TEXT_FIELDS) {
            values.put(field, form.getOrDefault(field, ""));
        }
        values.put("id", account == null ? "" : account.id().toString());
        values.put("version", form.getOrDefault("version", account == null ? "0" : Long.toString(account.version())));
        page.put("form", values);
        page.put("creating", account == null);
        page.put("accountName", account == null ? "" : account.name());
        page.put("hasStoredSecret", account != null && account.type() == AccountType.ACCESS_KEY);
        page.put("isAccessKey", account != null && account.type() == AccountType.ACCESS_KEY);
        page.put("usedBy", account == null ? "" : String.join(", ", connectors.namesUsingAccount(account.id())));
        String masked = account == null ? "" : AccessKeyIds.masked(account.accessKeyId().orElse(""));
        List<String> sharing = account == null ? List.of() : accounts.namesSharingAccessKey(account);
        page.put("sharedKey", sharing.isEmpty() ? ""
                : i18n.getText("awsc.admin.account.sharedKey", String.join(", ", sharing), masked));
        rotationState(page, account);
        // What to set up in AWS follows the stored account, not a refused edit of it.
        page.put("hasKeylessGuidance", KeylessGuidance.shownFor(account));
        page.put("keyless", KeylessGuidance.shownFor(account) ? keyless.of(account) : Map.of());
        String name = account == null ? "" : account.name();
        page.put("confirmTitleDelete", i18n.getText("awsc.admin.account.delete.confirmTitle", name));
        page.put("confirmDelete", i18n.getText("awsc.admin.account.delete.confirm", masked));
        page.put("confirmTitleRotate", i18n.getText("awsc.admin.account.rotate.confirmTitle", name));
        page.put("confirmRotate", i18n.getText("awsc.admin.account.rotate.confirm", masked));
        page.put("confirmTitleCleanUp", i18n.getText("awsc.admin.account.cleanUp.confirmTitle", name));
        page.put("confirmCleanUp", i18n.getText("awsc.admin.account.cleanUp.confirm", masked));
        List<Map<String, Object>> types = new ArrayList<>();
        types.add(FormValues.option(AccountType.ACCESS_KEY.name(), i18n.getText("awsc.admin.accountType.accessKey"),
                values.get("type")));
        types.add(FormValues.option(AccountType.HOST_ROLE.name(), i18n.getText("awsc.admin.accountType.hostRole"),
                values.get("type")));
        types.add(FormValues.option(AccountType.WEB_IDENTITY.name(),
                i18n.getText("awsc.admin.accountType.webIdentity"), values.get("type")));
        page.put("typeOptions", types);
        List<Map<String, Object>> partitions = new ArrayList<>();
        for (Partition partition : Partition.values()) {
            partitions.add(FormValues.option(partition.id(), partition.id(), values.get("partition")));
        }
        page.put("partitionOptions", partitions);
        FieldErrors errors = new FieldErrors(violations, FIELDS, i18n);
        page.put("errors", errors.byField());
        page.put("generalErrors", errors.general());
        page.put("hasErrors", !violations.isEmpty());
        return page;
    }

    /** Adds what a rotation or clean-up did, step by step, to the account's page. */
    PageBuilder withRotationReport(PageBuilder page, RotationReport report, String headlineKey) {
        List<Map<String, String>> steps = new ArrayList<>();
        for (RotationReport.Step step : report.steps()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("name", RotationReport.nameText(step.name()).in(i18n::getText));
            row.put("outcome", step.outcome().name().toLowerCase(Locale.ROOT));
            row.put("outcomeText", i18n.getText(switch (step.outcome()) {
                case SUCCEEDED -> "awsc.admin.rotate.outcome.succeeded";
                case FAILED -> "awsc.admin.rotate.outcome.failed";
                default -> "awsc.admin.rotate.outcome.skipped";
            }));
            row.put("message", step.text().in(i18n::getText));
            steps.add(row);
        }
        return page.put("rotation", steps).put("hasRotation", true).put("rotationSucceeded", report.succeeded())
                .put("rotationHeadline", i18n.getText(headlineKey))
                .put("activeAccessKeyId", AccessKeyIds.masked(report.activeAccessKeyId()));
    }

    /** What the admin confirms before rotating the signing key from the page of the keyless {@code account}. */
    String signingKeyRotationQuestion(Account account) {
        return keyless.rotationQuestion(account);
    }

    /** Adds what a rotation of the signing key did to the page of the keyless {@code account} it came from. */
    PageBuilder withSigningKeyRotation(PageBuilder page, Account account, KeyRotation rotation) {
        return page.put("signingKeyRotation", keyless.rotationMessages(account, rotation));
    }

    /** A rotation of the account's key that has not finished: running, or interrupted and to be cleaned up. */
    private void rotationState(PageBuilder page, Account account) {
        Optional<KeyRotationState> unfinished = account == null ? Optional.empty()
                : keyRotation.unfinishedRotation(account.id());
        page.put("rotationState", unfinished.map(state -> state.interrupted()
                ? i18n.getText("awsc.admin.rotate.state.interrupted", state.started().toString(),
                        state.newKeyId().map(AccessKeyIds::masked)
                                .orElseGet(() -> i18n.getText("awsc.admin.rotate.state.noNewKey")))
                : i18n.getText("awsc.admin.rotate.state.running", state.started().toString())).orElse(""));
        page.put("canCleanUp", unfinished.filter(KeyRotationState::interrupted).isPresent());
    }

    private URI uri(String field, String text, List<Violation> unreadable) {
        Optional<String> entered = EnteredText.optional(text);
        if (entered.isEmpty()) {
            return null;
        }
        try {
            return new URI(entered.get());
        } catch (URISyntaxException e) {
            unreadable.add(FieldErrors.formViolation(field, "awsc.admin.form.notAUrl", i18n));
            return null;
        }
    }

    private static Partition partition(String id) {
        try {
            return id == null || id.isBlank() ? null : Partition.fromId(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
