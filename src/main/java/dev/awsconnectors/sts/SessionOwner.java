package dev.awsconnectors.sts;

import dev.awsconnectors.api.AwsConnectorService;

import java.util.Objects;
import java.util.Optional;

/**
 * Who credentials are obtained for: a Jira user, or code running with no user through the system-scope entry.
 * Decides the names AWS records in CloudTrail.
 */
public final class SessionOwner {
    private static final SessionOwner SYSTEM = new SessionOwner(null);

    private final String jiraUserName;

    private SessionOwner(String jiraUserName) {
        this.jiraUserName = jiraUserName;
    }

    /** A Jira user, by user name (not user key: the name is what people recognise in CloudTrail). */
    public static SessionOwner jiraUser(String userName) {
        return new SessionOwner(Objects.requireNonNull(userName, "userName"));
    }

    /** Code with no user, through {@link AwsConnectorService#getSystemCredentials}. */
    public static SessionOwner system() {
        return SYSTEM;
    }

    /** The Jira user name; empty for system scope. */
    public Optional<String> jiraUserName() {
        return Optional.ofNullable(jiraUserName);
    }

    public boolean isSystem() {
        return jiraUserName == null;
    }

    /** GetFederationToken's {@code Name}. */
    public String federatedUserName() {
        return isSystem() ? AwsConnectorService.SYSTEM_SESSION_NAME : PrincipalNames.federatedUserName(jiraUserName);
    }

    /** AssumeRole's {@code RoleSessionName} and {@code SourceIdentity}. */
    public String roleSessionName() {
        return isSystem() ? AwsConnectorService.SYSTEM_SESSION_NAME : PrincipalNames.roleSessionName(jiraUserName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionOwner && Objects.equals(jiraUserName, ((SessionOwner) o).jiraUserName);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(jiraUserName);
    }

    @Override
    public String toString() {
        return isSystem() ? "system" : "user " + jiraUserName;
    }
}
