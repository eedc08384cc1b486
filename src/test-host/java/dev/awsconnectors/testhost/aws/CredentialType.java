package dev.awsconnectors.testhost.aws;

/** Where a set of credentials came from, which decides what AWS lets them do. */
enum CredentialType {
    /** An IAM user's or the root user's access key. */
    LONG_TERM,
    /** GetSessionToken: the user's own identity, no console sign-in, no IAM calls without MFA. */
    SESSION_TOKEN,
    /** AssumeRole: an assumed-role session; may chain into other roles and sign in to the console. */
    ROLE_SESSION,
    /** GetFederationToken: a federated user; may sign in to the console, may call no STS action but GetCallerIdentity. */
    FEDERATION_TOKEN
}
