package dev.awsconnectors.testhost.aws;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the double knows about accounts, users, keys and roles. Configuration (from tests) and requests (from
 * the HTTP threads) meet here, so every read and write goes through {@link #lock}: few requests, simple and correct.
 */
final class Directory {

    final Object lock = new Object();
    final String partition;
    final Clock clock;
    final Ids ids;

    private final Map<String, AwsAccount> accounts = new LinkedHashMap<>();
    private final Map<String, LongTermKey> keys = new LinkedHashMap<>();

    Directory(String partition, Clock clock, Ids ids) {
        this.partition = partition;
        this.clock = clock;
        this.ids = ids;
    }

    AwsAccount account(String accountId) {
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("An AWS account id is 12 digits, got " + accountId);
        }
        synchronized (lock) {
            return accounts.computeIfAbsent(accountId, id -> new AwsAccount(this, id, clock.instant()));
        }
    }

    Optional<AwsAccount> findAccount(String accountId) {
        synchronized (lock) {
            return Optional.ofNullable(accounts.get(accountId));
        }
    }

    void addKey(LongTermKey key) {
        synchronized (lock) {
            if (keys.containsKey(key.key.accessKeyId())) {
                throw new IllegalArgumentException("Access key " + key.key.accessKeyId() + " is already in use");
            }
            keys.put(key.key.accessKeyId(), key);
        }
    }

    Optional<LongTermKey> findKey(String accessKeyId) {
        synchronized (lock) {
            return Optional.ofNullable(keys.get(accessKeyId));
        }
    }

    void removeKey(String accessKeyId) {
        synchronized (lock) {
            keys.remove(accessKeyId);
        }
    }

    /** The keys of a user, or of the account's root user when {@code user} is null. */
    List<LongTermKey> keysOf(AwsAccount account, IamUser user) {
        synchronized (lock) {
            List<LongTermKey> owned = new ArrayList<>();
            for (LongTermKey key : keys.values()) {
                if (key.account == account && key.user == user) {
                    owned.add(key);
                }
            }
            return owned;
        }
    }

    /** Roles are found by their full ARN, in this double's partition only. */
    Optional<IamRole> findRole(String roleArn) {
        return findAccountOfIamArn(roleArn).flatMap(account -> account.findRoleByArn(roleArn));
    }

    /** The account an IAM ARN of this partition names, if the double knows it. */
    Optional<AwsAccount> findAccountOfIamArn(String arn) {
        String prefix = "arn:" + partition + ":iam::";
        if (arn == null || !arn.startsWith(prefix) || arn.length() < prefix.length() + 12) {
            return Optional.empty();
        }
        return findAccount(arn.substring(prefix.length(), prefix.length() + 12));
    }

    String arn(String service, String accountId, String resource) {
        return "arn:" + partition + ":" + service + "::" + accountId + ":" + resource;
    }
}
