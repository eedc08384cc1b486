package dev.awsconnectors.accounts;

/** How an account obtains the AWS credentials its connectors call STS with. */
public enum AccountType {
    /**
     * A long-term access key of an IAM user, stored encrypted. The only kind that can call GetFederationToken and
     * GetSessionToken, which AWS accepts only from an IAM user's long-term credentials.
     */
    ACCESS_KEY,
    /**
     * The role of the machine Jira runs on (instance profile, task role), chosen explicitly by an admin rather
     * than reached by a silent fallback. Its credentials are a role session, so it can only assume further roles,
     * and AWS treats that as role chaining.
     */
    HOST_ROLE
}
