package dev.awsconnectors.testhost.aws;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An IAM user: name, ARN {@code arn:<partition>:iam::<account>:user/<name>}, unique id {@code AIDA...}, up to two
 * access keys and any number of MFA devices, each with the one-time code the double currently accepts.
 */
public final class IamUser {

    /** IAM's quota: a user has at most two access keys. */
    static final int MAX_ACCESS_KEYS = 2;

    private final Directory directory;
    private final AwsAccount account;
    private final String name;
    private final String userId;
    private final Instant created;
    private final Map<String, String> mfaCodes = new LinkedHashMap<>();

    IamUser(Directory directory, AwsAccount account, String name, Instant created) {
        if (!name.matches("[\\w+=,.@-]{1,64}")) {
            throw new IllegalArgumentException("Not a valid IAM user name: " + name);
        }
        this.directory = directory;
        this.account = account;
        this.name = name;
        this.userId = directory.ids.uniqueId("AIDA");
        this.created = created;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return directory.arn("iam", account.id(), "user/" + name);
    }

    public String userId() {
        return userId;
    }

    public AwsAccount account() {
        return account;
    }

    /** A new random access key for this user. */
    public AccessKey addAccessKey() {
        return addAccessKey(directory.ids.accessKeyId("AKIA"), directory.ids.secretAccessKey());
    }

    /** A given access key for this user (for fixed keys in tests); IAM's two-key quota applies. */
    public AccessKey addAccessKey(String accessKeyId, String secretAccessKey) {
        if (!accessKeyId.matches("AKIA[A-Z0-9]{12,124}")) {
            throw new IllegalArgumentException("A long-term access key id starts with AKIA: " + accessKeyId);
        }
        if (secretAccessKey.length() != 40) {
            throw new IllegalArgumentException("A secret access key has 40 characters");
        }
        synchronized (directory.lock) {
            if (directory.keysOf(account, this).size() >= MAX_ACCESS_KEYS) {
                throw new IllegalStateException("IAM allows " + MAX_ACCESS_KEYS + " access keys per user");
            }
            AccessKey key = new AccessKey(accessKeyId, secretAccessKey);
            directory.addKey(new LongTermKey(key, account, this, directory.clock.instant()));
            return key;
        }
    }

    /** Marks a key Inactive: AWS then answers its requests with InvalidClientTokenId. */
    public IamUser deactivateAccessKey(String accessKeyId) {
        synchronized (directory.lock) {
            directory.findKey(accessKeyId).filter(key -> key.user == this)
                    .orElseThrow(() -> new IllegalArgumentException("No such key of " + name + ": " + accessKeyId))
                    .active = false;
            return this;
        }
    }

    /**
     * Adds (or updates) an MFA device by serial number (a virtual device's ARN or a hardware serial) with the
     * six-digit code it shows now.
     */
    public IamUser mfaDevice(String serialNumber, String currentCode) {
        if (!currentCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("An MFA code is six digits");
        }
        synchronized (directory.lock) {
            mfaCodes.put(serialNumber, currentCode);
            return this;
        }
    }

    /** Adds a virtual MFA device named after the user and returns its serial number, an ARN. */
    public String addVirtualMfaDevice(String currentCode) {
        String serial = directory.arn("iam", account.id(), "mfa/" + name);
        mfaDevice(serial, currentCode);
        return serial;
    }

    Instant created() {
        return created;
    }

    Optional<String> mfaCode(String serialNumber) {
        synchronized (directory.lock) {
            return Optional.ofNullable(mfaCodes.get(serialNumber));
        }
    }
}
