package dev.awsconnectors.testhost.aws;

/**
 * An authenticated request's caller: the identity, the kind of credentials it signed with, and the IAM user or role
 * behind them where there is one.
 */
record Caller(Principal principal, CredentialType credentials, String accessKeyId, IamUser user, IamRole role,
              boolean mfaAuthenticated) {

    AwsAccount account(Directory directory) {
        return directory.findAccount(principal.accountId()).orElseThrow();
    }

    boolean isRoot() {
        return principal.kind() == Principal.Kind.ROOT;
    }
}
