package dev.awsconnectors.testhost.aws;

/**
 * Who AWS sees behind a request: the ARN, the unique id ({@code aws:userid}) and the account, as
 * GetCallerIdentity reports them.
 */
record Principal(Kind kind, String accountId, String arn, String userId) {

    enum Kind { ROOT, IAM_USER, ASSUMED_ROLE, FEDERATED_USER }
}
