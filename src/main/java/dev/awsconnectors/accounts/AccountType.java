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
    HOST_ROLE,
    /**
     * No long-term key at all: for each request the app mints a short-lived OpenID Connect token naming the
     * connector and the Jira user, and AWS exchanges it through AssumeRoleWithWebIdentity against the IAM OIDC
     * identity provider registered for the account's issuer URL. Only IAM Role connectors can use it, since
     * GetFederationToken and GetSessionToken need an IAM user's long-term key. The role session it yields is not
     * role chaining, so it lasts up to the role's maximum.
     */
    WEB_IDENTITY
}
