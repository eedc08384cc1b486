package dev.awsconnectors.validation;

import dev.awsconnectors.accounts.AccessKeyIds;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.connectors.Connector;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that knows every limit AWS puts on what accounts and connectors send to STS, so that a broken
 * limit is reported to the admin who typed it, naming the limit, instead of surfacing later as an AWS error in front
 * of a user. Every front end (admin pages, REST, the exported service) validates through this class.
 *
 * <p>Stateless and thread-safe: one instance can be shared. Results are immutable lists in the order the rules ran,
 * empty when everything is valid. No violation, message or exception ever contains a secret access key.
 */
@Component
public final class ConfigurationValidator {
    private final Messages messages;
    private final ConnectorRules connectorRules;

    public ConfigurationValidator() {
        this.messages = new Messages();
        this.connectorRules = new ConnectorRules();
    }

    /**
     * What is wrong with an account about to be saved.
     *
     * @param account            the account as the admin entered it
     * @param newSecretAccessKey the secret access key typed in with it, if any; on an edit, an empty or blank value
     *                           keeps the stored key
     * @param creating           whether the account is new, in which case an access-key account needs a secret
     */
    public List<Violation> validate(Account account, Optional<String> newSecretAccessKey, boolean creating) {
        Objects.requireNonNull(account, "account");
        Findings findings = new Findings(messages);
        AccountRules.check(account, newSecretAccessKey, creating, findings);
        return findings.toList();
    }

    /**
     * What is wrong with a connector about to be saved.
     *
     * @param connector the connector as the admin entered it
     * @param account   the account it refers to, which decides the partition of its ARNs and console host and
     *                  whether it can make the connector's STS call; null if no account has the connector's
     *                  {@code accountId}
     */
    public List<Violation> validate(Connector connector, Account account) {
        return validate(connector, account, List.of());
    }

    /**
     * As {@link #validate(Connector, Account)}, with the groups of the connector that Jira does not have (which
     * only the caller can ask Jira about), each refused by name.
     *
     * @param unknownGroups the connector's groups to refuse as unknown to Jira, in the order to name them
     */
    public List<Violation> validate(Connector connector, Account account, Collection<String> unknownGroups) {
        Objects.requireNonNull(connector, "connector");
        Findings findings = new Findings(messages);
        connectorRules.check(connector, account, List.copyOf(unknownGroups), findings);
        return findings.toList();
    }

    /** The most groups a connector may name; past it, nobody needs to ask Jira about each one. */
    public int maxGroups() {
        return Limits.GROUPS_MAX;
    }

    /**
     * What is allowed but probably not what the admin wants, such as a Federated User connector without session
     * policies, whose users could do nothing in AWS. Shown next to a successful save; never blocks it.
     */
    public List<Violation> warnings(Connector connector) {
        Objects.requireNonNull(connector, "connector");
        Findings findings = new Findings(messages);
        connectorRules.warn(connector, findings);
        return findings.toList();
    }

    /**
     * As {@link #validate(Account, Optional, boolean)}, for callers that can only fail.
     *
     * @throws ConfigurationException listing the violations, if there are any
     */
    public void requireValid(Account account, Optional<String> newSecretAccessKey, boolean creating) {
        throwIfAny(validate(account, newSecretAccessKey, creating));
    }

    /**
     * As {@link #validate(Connector, Account)}, for callers that can only fail.
     *
     * @throws ConfigurationException listing the violations, if there are any
     */
    public void requireValid(Connector connector, Account account) {
        throwIfAny(validate(connector, account));
    }

    /**
     * As {@link #validate(Connector, Account, Collection)}, for callers that can only fail.
     *
     * @throws ConfigurationException listing the violations, if there are any
     */
    public void requireValid(Connector connector, Account account, Collection<String> unknownGroups) {
        throwIfAny(validate(connector, account, unknownGroups));
    }

    /**
     * The refusal of a name that another account or connector already has (names are unique regardless of case),
     * in the same form as every other broken rule, so forms and REST report it beside the name field.
     *
     * @param kind "account" or "connector"
     * @param name the name that was taken
     */
    public ConfigurationException nameTaken(String kind, String name) {
        Findings findings = new Findings(messages);
        findings.add("name", Keys.NAME_TAKEN, kind, Excerpts.of(name));
        return new ConfigurationException(findings.toList());
    }

    /**
     * The refusal of an access key ID that another account already stores, beside the access key ID field. The
     * message names that account and shows the key ID masked, as the admin pages show key IDs.
     *
     * @param otherAccount the name of the account that stores the key ID
     * @param accessKeyId  the key ID, shown masked
     */
    public ConfigurationException accessKeyIdTaken(String otherAccount, String accessKeyId) {
        Findings findings = new Findings(messages);
        findings.add("accessKeyId", Keys.ACCESS_KEY_ID_TAKEN, otherAccount,
                AccessKeyIds.masked(accessKeyId));
        return new ConfigurationException(findings.toList());
    }

    /** The refusal of an access-key account saved without any secret access key stored or entered. */
    public ConfigurationException secretRequired() {
        Findings findings = new Findings(messages);
        findings.add("secretAccessKey", Keys.SECRET_REQUIRED);
        return new ConfigurationException(findings.toList());
    }

    /**
     * The refusal, beside the type field, of an account switched to a type without an IAM user's access key while
     * connectors use it that need one (Federated User and IAM User connectors, and connectors that ask for an MFA
     * code).
     *
     * @param connectorNames the names of those connectors, in the order to list them
     */
    public ConfigurationException typeUsedByKeyConnectors(List<String> connectorNames) {
        Findings findings = new Findings(messages);
        findings.add("type", Keys.TYPE_USED_BY_KEY_CONNECTORS,
                connectorNames.stream().map(Excerpts::of).collect(java.util.stream.Collectors.joining(", ")));
        return new ConfigurationException(findings.toList());
    }

    /** The refusal of a connector whose account no longer exists (deleted on another node meanwhile). */
    public ConfigurationException unknownAccount(Connector connector) {
        Findings findings = new Findings(messages);
        findings.add("accountId", Keys.ACCOUNT_ID_UNKNOWN, String.valueOf(connector.accountId()));
        return new ConfigurationException(findings.toList());
    }

    private static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ConfigurationException(violations);
        }
    }
}
