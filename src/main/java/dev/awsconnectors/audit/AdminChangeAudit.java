package dev.awsconnectors.audit;

import com.atlassian.audit.api.AuditService;
import com.atlassian.audit.entity.AuditAttribute;
import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.AuditResource;
import com.atlassian.audit.entity.AuditType;
import com.atlassian.audit.entity.ChangedValue;
import com.atlassian.audit.entity.CoverageArea;
import com.atlassian.audit.entity.CoverageLevel;
import com.atlassian.sal.api.user.UserProfile;
import dev.awsconnectors.accounts.AccessKeyIds;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.connectors.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes every change of an account or connector, made in the admin pages or through the admin REST resources, to
 * Jira's audit log, in one shape whichever was used: who (the host records the author; the user name
 * is added as an attribute as well), what (the account or connector: name, type, id) and the fields that changed,
 * from and to. Secret access keys never appear: a changed secret is recorded as changed, without any value.
 *
 * <p>A change is never answered as failed once it is stored, and never stored with an event that cannot be built.
 * Jira's audit log is another app's store, written through its own queue, so it cannot take part in this app's
 * transaction: a {@link Change} builds its event inside the transaction that stores the change (a failure there
 * rolls the change back), and hands it to Jira once the change is committed. Should Jira refuse it then, the
 * change stands, the admin is answered as usual, and the application log says at WARN which change has no event.
 */
public final class AdminChangeAudit {

    public static final String CATEGORY = AuditNames.CATEGORY;
    public static final String ACCOUNT_CREATED = "awsc.audit.account.created";
    public static final String ACCOUNT_UPDATED = "awsc.audit.account.updated";
    public static final String ACCOUNT_DELETED = "awsc.audit.account.deleted";
    public static final String ACCOUNT_KEY_ROTATED = "awsc.audit.account.keyRotated";
    public static final String ACCOUNT_ROTATION_CLEANED_UP = "awsc.audit.account.rotationCleanedUp";
    public static final String SIGNING_KEY_ROTATED = "awsc.audit.oidc.signingKeyRotated";
    public static final String SIGNING_KEY_FIELD = "awsc.audit.field.nextSigningKeyId";
    public static final String CONNECTOR_CREATED = "awsc.audit.connector.created";
    public static final String CONNECTOR_UPDATED = "awsc.audit.connector.updated";
    public static final String CONNECTOR_DELETED = "awsc.audit.connector.deleted";
    public static final String USER_ATTRIBUTE = "awsc.audit.attribute.user";
    public static final String OUTCOME_ATTRIBUTE = "awsc.audit.attribute.outcome";
    public static final String SECRET_FIELD = "awsc.audit.field.secretAccessKey";
    /** What the log shows for a changed secret: that it changed, never a value. */
    public static final String SECRET_CHANGED = "changed";

    /** The i18n key of the attribute saying where a change was made, when it was not the admin pages. */
    public static final String SOURCE_ATTRIBUTE = "awsc.rest.audit.attribute.source";

    private final AuditService audit;
    private final String source;
    private final Logger log;

    /**
     * @param source where the changes are made, recorded with each event ("REST API"); {@code null} for the admin
     *               pages, the usual place
     */
    public AdminChangeAudit(AuditService audit, String source) {
        this(audit, source, LoggerFactory.getLogger(AdminChangeAudit.class));
    }

    AdminChangeAudit(AuditService audit, String source, Logger log) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.source = source;
        this.log = Objects.requireNonNull(log, "log");
    }

    /** The fields of an account the log shows, by i18n key; the access key ID masked as the pages show it. */
    private static final Map<String, Function<Account, String>> ACCOUNT_FIELDS = new LinkedHashMap<>();
    /** The fields of a connector the log shows, by i18n key. */
    private static final Map<String, Function<Connector, String>> CONNECTOR_FIELDS = new LinkedHashMap<>();

    static {
        ACCOUNT_FIELDS.put("awsc.audit.field.name", Account::name);
        ACCOUNT_FIELDS.put("awsc.audit.field.description", account -> account.description().orElse(null));
        ACCOUNT_FIELDS.put("awsc.audit.field.accountType", account -> name(account.type()));
        ACCOUNT_FIELDS.put("awsc.audit.field.accessKeyId",
                account -> account.accessKeyId().map(AccessKeyIds::masked).orElse(null));
        ACCOUNT_FIELDS.put("awsc.audit.field.partition",
                account -> account.partition() == null ? null : account.partition().id());
        ACCOUNT_FIELDS.put("awsc.audit.field.region", Account::region);
        ACCOUNT_FIELDS.put("awsc.audit.field.endpointOverride",
                account -> account.endpointOverride().map(Object::toString).orElse(null));
        ACCOUNT_FIELDS.put("awsc.audit.field.iamEndpointOverride",
                account -> account.iamEndpointOverride().map(Object::toString).orElse(null));
        ACCOUNT_FIELDS.put("awsc.audit.field.signinEndpointOverride",
                account -> account.signinEndpointOverride().map(Object::toString).orElse(null));
        ACCOUNT_FIELDS.put("awsc.audit.field.audience", account -> account.audience().orElse(null));
        ACCOUNT_FIELDS.put("awsc.audit.field.issuerUrl",
                account -> account.issuerUrl().map(Object::toString).orElse(null));

        CONNECTOR_FIELDS.put("awsc.audit.field.name", Connector::name);
        CONNECTOR_FIELDS.put("awsc.audit.field.description", connector -> connector.description().orElse(null));
        CONNECTOR_FIELDS.put("awsc.audit.field.accountId", connector -> String.valueOf(connector.accountId()));
        CONNECTOR_FIELDS.put("awsc.audit.field.principalType", connector -> name(connector.principalType()));
        CONNECTOR_FIELDS.put("awsc.audit.field.roleArn", connector -> connector.roleArn().orElse(null));
        CONNECTOR_FIELDS.put("awsc.audit.field.externalId", connector -> connector.externalId().orElse(null));
        CONNECTOR_FIELDS.put("awsc.audit.field.policy", connector -> connector.policy().orElse(null));
        CONNECTOR_FIELDS.put("awsc.audit.field.policyArns",
                connector -> connector.policyArns().isEmpty() ? null : String.join(", ", connector.policyArns()));
        CONNECTOR_FIELDS.put("awsc.audit.field.maxDurationSeconds", connector -> connector.maxDurationSeconds()
                .isPresent() ? Integer.toString(connector.maxDurationSeconds().getAsInt()) : null);
        CONNECTOR_FIELDS.put("awsc.audit.field.mfaSerialNumber",
                connector -> connector.mfaSerialNumber().orElse(null));
        CONNECTOR_FIELDS.put("awsc.audit.field.sourceIdentityAndTags",
                connector -> Boolean.toString(connector.sourceIdentityAndTags()));
        CONNECTOR_FIELDS.put("awsc.audit.field.groups",
                connector -> connector.groups().isEmpty() ? null : String.join(", ", connector.groups()));
        CONNECTOR_FIELDS.put("awsc.audit.field.systemScope", connector -> Boolean.toString(connector.systemScope()));
        CONNECTOR_FIELDS.put("awsc.audit.field.consoleDestination",
                connector -> connector.consoleDestination().map(Object::toString).orElse(null));
    }

    /**
     * An account change about to be stored: {@link Change#prepare} it with the stored account inside the storing
     * transaction (or before a deletion), {@link Change#record} it once committed.
     *
     * @param before        the account before the change; null when it is created
     * @param secretEntered whether a new secret access key was entered (recorded as changed for access-key accounts)
     */
    public Change<Account> accountChange(String action, UserProfile user, Account before, boolean secretEntered) {
        return new Change<>(after -> accountEvent(action, user, before, after,
                secretEntered && after != null && after.type() == dev.awsconnectors.accounts.AccountType.ACCESS_KEY));
    }

    /** A connector change about to be stored; see {@link #accountChange}. */
    public Change<Connector> connectorChange(String action, UserProfile user, Connector before) {
        return new Change<>(after -> connectorEvent(action, user, before, after));
    }

    /**
     * One admin change's audit event: built by {@link #prepare} while the change is being stored, written by
     * {@link #record} after the commit.
     *
     * @param <T> what changed: an account or a connector
     */
    public final class Change<T> {
        private final Function<T, AuditEvent> builder;
        private AuditEvent event;

        private Change(Function<T, AuditEvent> builder) {
            this.builder = builder;
        }

        /**
         * Builds the event; called before the change is committed, so that whatever fails here stores nothing.
         *
         * @param after the stored value; null for a deletion
         */
        public void prepare(T after) {
            event = builder.apply(after);
        }

        /** Writes the prepared event to Jira's audit log; called after the commit, it never throws. */
        public void record() {
            if (event == null) {
                log.warn("AWS Connectors: an admin change was saved without its audit event being prepared");
                return;
            }
            send(event);
        }
    }

    /**
     * @param before        the account before the change; null when it was created
     * @param after         the account after it; null when it was deleted
     * @param secretChanged whether a new secret access key was stored
     */
    public void account(String action, UserProfile user, Account before, Account after, boolean secretChanged) {
        sendBuilt(() -> accountEvent(action, user, before, after, secretChanged), action);
    }

    /** A connector created, edited (both given) or deleted. */
    public void connector(String action, UserProfile user, Connector before, Connector after) {
        sendBuilt(() -> connectorEvent(action, user, before, after), action);
    }

    /**
     * A key rotation, whatever its outcome; the access key IDs masked, the secrets never. Called once the rotation
     * is over, so it never throws.
     */
    public void rotation(UserProfile user, Account account, boolean succeeded, String oldKeyId, String newKeyId) {
        sendBuilt(() -> rotationEvent(user, account, succeeded, oldKeyId, newKeyId), ACCOUNT_KEY_ROTATED);
    }

    private AuditEvent accountEvent(String action, UserProfile user, Account before, Account after,
                                    boolean secretChanged) {
        Account subject = after != null ? after : before;
        AuditEvent.Builder event = event(action, user, AuditNames.account(subject));
        changes(event, ACCOUNT_FIELDS, before, after);
        if (secretChanged) {
            event.changedValue(ChangedValue.fromI18nKeys(SECRET_FIELD).to(SECRET_CHANGED).build());
        }
        return event.build();
    }

    private AuditEvent connectorEvent(String action, UserProfile user, Connector before, Connector after) {
        Connector subject = after != null ? after : before;
        AuditEvent.Builder event = event(action, user, AuditNames.connector(subject));
        changes(event, CONNECTOR_FIELDS, before, after);
        return event.build();
    }

    private AuditEvent rotationEvent(UserProfile user, Account account, boolean succeeded, String oldKeyId,
                                     String newKeyId) {
        AuditEvent.Builder event = AuditEvent.builder(AuditType.fromI18nKeys(CoverageArea.SECURITY,
                        CoverageLevel.BASE, CATEGORY, ACCOUNT_KEY_ROTATED).build())
                .affectedObject(AuditNames.account(account))
                .extraAttribute(AuditAttribute.fromI18nKeys(OUTCOME_ATTRIBUTE,
                        succeeded ? "succeeded" : "failed").build());
        user(event, user);
        event.addChangedValueIfDifferent(ChangedValue.fromI18nKeys("awsc.audit.field.accessKeyId")
                .from(masked(oldKeyId)).to(masked(newKeyId)).build());
        if (!Optional.ofNullable(oldKeyId).equals(Optional.ofNullable(newKeyId))) {
            event.changedValue(ChangedValue.fromI18nKeys(SECRET_FIELD).to(SECRET_CHANGED).build());
        }
        return event.build();
    }

    /**
     * The clean-up of an interrupted key rotation: it deletes a key in AWS, never the one the account stores. Called
     * once the clean-up is over, so it never throws.
     */
    public void rotationCleanUp(UserProfile user, Account account, boolean succeeded) {
        sendBuilt(() -> rotationCleanUpEvent(user, account, succeeded), ACCOUNT_ROTATION_CLEANED_UP);
    }

    private AuditEvent rotationCleanUpEvent(UserProfile user, Account account, boolean succeeded) {
        AuditEvent.Builder event = AuditEvent.builder(AuditType.fromI18nKeys(CoverageArea.SECURITY,
                        CoverageLevel.BASE, CATEGORY, ACCOUNT_ROTATION_CLEANED_UP).build())
                .affectedObject(AuditNames.account(account))
                .extraAttribute(AuditAttribute.fromI18nKeys(OUTCOME_ATTRIBUTE,
                        succeeded ? "succeeded" : "failed").build());
        user(event, user);
        return event.build();
    }

    /**
     * A rotation of the key the app signs its identity tokens with: the next key's id (public, it is in the JWKS).
     * Called once the next key is published, so it never throws.
     */
    public void signingKeyRotation(UserProfile user, String issuerUrl, String nextKeyId) {
        sendBuilt(() -> {
            AuditEvent.Builder event = AuditEvent.builder(AuditType.fromI18nKeys(CoverageArea.SECURITY,
                            CoverageLevel.BASE, CATEGORY, SIGNING_KEY_ROTATED).build())
                    .affectedObject(AuditResource.builder(issuerUrl, AuditNames.ISSUER_TYPE).build());
            user(event, user);
            event.changedValue(ChangedValue.fromI18nKeys(SIGNING_KEY_FIELD).to(nextKeyId).build());
            return event.build();
        }, SIGNING_KEY_ROTATED);
    }

    private AuditEvent.Builder event(String action, UserProfile user, AuditResource resource) {
        AuditEvent.Builder event = AuditEvent.builder(AuditType.fromI18nKeys(
                CoverageArea.GLOBAL_CONFIG_AND_ADMINISTRATION, CoverageLevel.BASE, CATEGORY, action).build())
                .affectedObject(resource);
        user(event, user);
        return event;
    }

    private void user(AuditEvent.Builder event, UserProfile user) {
        if (user != null) {
            event.extraAttribute(AuditAttribute.fromI18nKeys(USER_ATTRIBUTE, user.getUsername()).build());
        }
        if (source != null) {
            event.extraAttribute(AuditAttribute.fromI18nKeys(SOURCE_ATTRIBUTE, source).build());
        }
    }

    private static <T> void changes(AuditEvent.Builder event, Map<String, Function<T, String>> fields, T before,
                                    T after) {
        for (Map.Entry<String, Function<T, String>> field : fields.entrySet()) {
            String from = before == null ? null : field.getValue().apply(before);
            String to = after == null ? null : field.getValue().apply(after);
            event.addChangedValueIfDifferent(ChangedValue.fromI18nKeys(field.getKey()).from(from).to(to).build());
        }
    }

    private static String masked(String accessKeyId) {
        return accessKeyId == null ? null : AccessKeyIds.masked(accessKeyId);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** Builds and sends an event for a change already made: neither step may turn it into a failure. */
    private void sendBuilt(java.util.function.Supplier<AuditEvent> builder, String action) {
        AuditEvent event;
        try {
            event = builder.get();
        } catch (RuntimeException e) {
            log.warn("AWS Connectors: {} was made, but its audit event could not be built ({})", action,
                    failure(e));
            return;
        }
        send(event);
    }

    /**
     * To Jira's audit log, and one line at INFO for the application log: the action, the object and who, never a
     * value of a field (the audit log holds those, secrets excepted). The change is already stored: a refusal by
     * the audit log is logged at WARN, naming the change, and not thrown.
     */
    private void send(AuditEvent event) {
        try {
            audit.audit(event);
        } catch (RuntimeException e) {
            log.warn("AWS Connectors: {} {} by {}{} was saved, but Jira's audit log did not take its event ({})",
                    event.getActionI18nKey(), what(event), who(event), through(), failure(e));
            return;
        }
        if (log.isInfoEnabled()) {
            log.info("AWS Connectors: {} {} by {}{}", event.getActionI18nKey(), what(event), who(event), through());
        }
    }

    private static String who(AuditEvent event) {
        return oneLine(event.getExtraAttributes().stream()
                .filter(attribute -> USER_ATTRIBUTE.equals(attribute.getNameI18nKey()))
                .map(AuditAttribute::getValue).findFirst().orElse("unknown"));
    }

    private static String what(AuditEvent event) {
        return oneLine(event.getAffectedObjects().stream()
                .map(resource -> resource.getType() + " '" + resource.getName() + "' (" + resource.getId() + ")")
                .findFirst().orElse(""));
    }

    private String through() {
        return source == null ? "" : " through " + source;
    }

    /** The failure's type and first words: the events hold no secret, and neither does what refused them. */
    private static String failure(RuntimeException e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return oneLine(e.getClass().getName() + (message.length() > 200 ? message.substring(0, 200) + "…" : message));
    }

    /** Names are admins' text: control characters would let one forge a second log line. */
    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
