package dev.awsconnectors.persistence;

import dev.awsconnectors.accounts.AccessKeyIds;

import java.util.List;
import java.util.Objects;

/**
 * The refusal of a rotation of a key that other accounts store as well (saved before key IDs were kept unique):
 * deleting the old key would break them. Nothing was changed.
 */
public class AccessKeySharedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String accountName;
    private final List<String> otherAccounts;
    private final String maskedKeyId;

    public AccessKeySharedException(String accountName, List<String> otherAccounts, String accessKeyId) {
        super("The access key " + AccessKeyIds.masked(accessKeyId) + " of account '" + accountName + "' is also "
                + "stored in account(s) '" + String.join("', '", otherAccounts) + "', which rotating it would break. "
                + "Enter a key of its own in one of them first. Nothing was changed.", null, false, false);
        this.accountName = Objects.requireNonNull(accountName, "accountName");
        this.otherAccounts = List.copyOf(otherAccounts);
        this.maskedKeyId = AccessKeyIds.masked(accessKeyId);
    }

    public String accountName() {
        return accountName;
    }

    public List<String> otherAccounts() {
        return otherAccounts;
    }

    /** The key ID as the pages show it. */
    public String maskedKeyId() {
        return maskedKeyId;
    }
}
