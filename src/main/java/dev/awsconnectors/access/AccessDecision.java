package dev.awsconnectors.access;

import dev.awsconnectors.api.ConnectorAccessDeniedException;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of the access rules for one caller and one connector, with the rule that decided it, so that the
 * decision can be explained to the caller and written to the audit log.
 */
public final class AccessDecision {
    /** Why access was granted. */
    public enum Grant {
        /** A Jira administrator or system administrator: every connector. */
        ADMINISTRATOR,
        /** A member of one of the connector's groups. */
        GROUP_MEMBER,
        /** Code with no user, on a system-scope connector. */
        SYSTEM_SCOPE
    }

    private final Grant grant;
    private final String group;
    private final ConnectorAccessDeniedException.Reason denial;

    private AccessDecision(Grant grant, String group, ConnectorAccessDeniedException.Reason denial) {
        this.grant = grant;
        this.group = group;
        this.denial = denial;
    }

    static AccessDecision granted(Grant grant) {
        return new AccessDecision(Objects.requireNonNull(grant, "grant"), null, null);
    }

    static AccessDecision grantedThroughGroup(String group) {
        return new AccessDecision(Grant.GROUP_MEMBER, Objects.requireNonNull(group, "group"), null);
    }

    static AccessDecision denied(ConnectorAccessDeniedException.Reason reason) {
        return new AccessDecision(null, null, Objects.requireNonNull(reason, "reason"));
    }

    public boolean isAllowed() {
        return grant != null;
    }

    /** The rule that allowed access; empty when denied. */
    public Optional<Grant> grant() {
        return Optional.ofNullable(grant);
    }

    /** The connector group through which a member was allowed; empty otherwise. */
    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    /** The rule that refused; empty when allowed. */
    public Optional<ConnectorAccessDeniedException.Reason> denial() {
        return Optional.ofNullable(denial);
    }

    /** Throws the API's exception for a denial, naming the rule; does nothing when allowed. */
    public void enforce() {
        if (denial != null) {
            throw new ConnectorAccessDeniedException(denial);
        }
    }

    /**
     * Whether a refusal means that the connector is simply not one of the user's — they are logged in but neither an
     * administrator nor in its groups. The REST API and the pages then answer exactly as for an id that names no
     * connector (404), so a user learns nothing about connectors they cannot use; the audit log still records the
     * rule that refused.
     */
    public static boolean hidesConnector(ConnectorAccessDeniedException refusal) {
        ConnectorAccessDeniedException.Reason reason = refusal.getReason();
        return reason == ConnectorAccessDeniedException.Reason.ADMINS_ONLY
                || reason == ConnectorAccessDeniedException.Reason.NOT_IN_CONNECTOR_GROUPS;
    }

    @Override
    public String toString() {
        return isAllowed() ? "allowed (" + grant + (group == null ? "" : " " + group) + ")" : "denied (" + denial + ")";
    }
}
