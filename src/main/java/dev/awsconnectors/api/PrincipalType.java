package dev.awsconnectors.api;

/**
 * The kind of AWS principal a connector obtains credentials for, which decides the STS call that is made.
 *
 * @since 1.0
 */
public enum PrincipalType {
    /**
     * STS {@code GetFederationToken}: a federated user named after the Jira user, limited by the connector's policies.
     *
     * @since 1.0
     */
    FEDERATED_USER("Federated User"),
    /**
     * STS {@code GetSessionToken}: the account's IAM user itself, optionally with MFA.
     *
     * @since 1.0
     */
    IAM_USER("IAM User"),
    /**
     * STS {@code AssumeRole}: a role session named after the Jira user.
     *
     * @since 1.0
     */
    IAM_ROLE("IAM Role");

    private final String displayName;

    PrincipalType(String displayName) {
        this.displayName = displayName;
    }

    /**
     * @return the name AWS's documentation and this app's pages use, such as "Federated User"
     * @since 1.0
     */
    public String getDisplayName() {
        return displayName;
    }
}
