package dev.awsconnectors.access;

import dev.awsconnectors.api.ConnectorAccessDeniedException.Reason;
import dev.awsconnectors.connectors.Connector;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The access rules of {@link ConnectorAccess} for one caller, for one request: whether they administer Jira is asked
 * once, when this is made, and whether they are in a group once per group name, however many connectors are then
 * decided. Not to be kept beyond the request: Jira's answers may change with the next one.
 */
public final class CallerAccess {
    private final Caller caller;
    private final boolean administrator;
    private final Predicate<String> inGroup;
    private final Map<String, Boolean> memberships = new ConcurrentHashMap<>();

    CallerAccess(Caller caller, boolean administrator, Predicate<String> inGroup) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.administrator = administrator;
        this.inGroup = Objects.requireNonNull(inGroup, "inGroup");
    }

    public Caller caller() {
        return caller;
    }

    /** Whether the caller is a logged-in Jira administrator or system administrator. */
    public boolean isAdministrator() {
        return administrator;
    }

    /** Whether the caller is a logged-in user in this Jira group (compared as Jira compares group names). */
    public boolean isMemberOf(String group) {
        return caller.isUser() && memberships.computeIfAbsent(group, inGroup::test);
    }

    /** The rules, in their order, for this caller and {@code connector}. */
    public AccessDecision decide(Connector connector) {
        if (caller.isSystem()) {
            return connector.systemScope() ? AccessDecision.granted(AccessDecision.Grant.SYSTEM_SCOPE)
                    : AccessDecision.denied(Reason.NOT_SYSTEM_SCOPE);
        }
        if (!caller.isUser()) {
            return AccessDecision.denied(Reason.NOT_LOGGED_IN);
        }
        if (administrator) {
            return AccessDecision.granted(AccessDecision.Grant.ADMINISTRATOR);
        }
        if (connector.groups().isEmpty()) {
            return AccessDecision.denied(Reason.ADMINS_ONLY);
        }
        for (String group : connector.groups()) {
            if (isMemberOf(group)) {
                return AccessDecision.grantedThroughGroup(group);
            }
        }
        return AccessDecision.denied(Reason.NOT_IN_CONNECTOR_GROUPS);
    }

    @Override
    public String toString() {
        return caller + (administrator ? " (administrator)" : "");
    }
}
