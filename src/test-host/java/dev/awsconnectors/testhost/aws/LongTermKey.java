package dev.awsconnectors.testhost.aws;

import java.time.Instant;

/** A long-term access key as IAM stores it: owner (a user, or none for the root user), status and creation date. */
final class LongTermKey {

    final AccessKey key;
    final AwsAccount account;
    final IamUser user;
    final Instant created;
    boolean active = true;

    LongTermKey(AccessKey key, AwsAccount account, IamUser user, Instant created) {
        this.key = key;
        this.account = account;
        this.user = user;
        this.created = created;
    }
}
