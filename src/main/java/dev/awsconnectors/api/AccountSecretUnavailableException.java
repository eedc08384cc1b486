package dev.awsconnectors.api;

import java.util.Objects;

/**
 * The stored secret access key of the connector's AWS account cannot be read, so no AWS call can be signed: the
 * key file that encrypts the stored secrets is missing or unusable, or the secret cannot be decrypted with the key
 * file there now (a key file restored from another backup, or a new one). Nothing was sent to AWS. Only a Jira
 * administrator can repair it, and trying again will not help until they have; the message says where the key file
 * is expected, relative to Jira's home, and what to do. It never contains a secret or key material.
 *
 * @since 1.0
 */
public class AccountSecretUnavailableException extends AwsConnectorException {
    private static final long serialVersionUID = 1L;

    /**
     * Why the secret cannot be read.
     *
     * @since 1.0
     */
    public enum Reason {
        /**
         * The key file is not where it is expected.
         *
         * @since 1.0
         */
        KEY_FILE_MISSING,
        /**
         * The key file is there but cannot be used: it is readable or writable by other users, damaged, or cannot
         * be read.
         *
         * @since 1.0
         */
        KEY_FILE_UNUSABLE,
        /**
         * The key file is there, but the secret was not encrypted with it (a key file from another backup, or one
         * created since), or the stored value was altered.
         *
         * @since 1.0
         */
        CANNOT_DECRYPT
    }

    private final Reason reason;
    private final String accountName;
    private final String keyFileLocation;

    /**
     * @param reason          why the secret cannot be read
     * @param accountName     the AWS account whose secret it is
     * @param keyFileLocation where the key file is expected, relative to Jira's home, such as
     *                        {@code <shared home>/aws-connectors/secret-keys}
     * @param problem         for {@link Reason#KEY_FILE_UNUSABLE}, what is wrong with the file and how to fix it;
     *                        otherwise {@code null}
     * @since 1.0
     */
    public AccountSecretUnavailableException(Reason reason, String accountName, String keyFileLocation,
                                             String problem) {
        super(message(reason, accountName, keyFileLocation, problem));
        this.reason = reason;
        this.accountName = accountName;
        this.keyFileLocation = keyFileLocation;
    }

    /**
     * @return why the secret cannot be read
     * @since 1.0
     */
    public Reason getReason() {
        return reason;
    }

    /**
     * @return the name of the AWS account whose secret cannot be read
     * @since 1.0
     */
    public String getAccountName() {
        return accountName;
    }

    /**
     * @return where the key file is expected, relative to Jira's home, such as
     *         {@code <shared home>/aws-connectors/secret-keys}
     * @since 1.0
     */
    public String getKeyFileLocation() {
        return keyFileLocation;
    }

    private static String message(Reason reason, String accountName, String location, String problem) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(location, "keyFileLocation");
        String account = "The secret access key of the AWS account '" + accountName + "' cannot be read";
        switch (reason) {
            case KEY_FILE_MISSING:
                return account + ": the key file " + location + " is missing. A Jira administrator can restore it "
                        + "from the backup taken with the database, or enter the account's secret access key again "
                        + "on the AWS Connectors admin page, which creates a new key file.";
            case KEY_FILE_UNUSABLE:
                return account + ": the key file " + location + " cannot be used"
                        + (problem == null || problem.isBlank() ? "" : " (" + problem + ")")
                        + ". A Jira administrator must repair or restore it.";
            default:
                return account + ": it cannot be decrypted with the current key file " + location + ". A Jira "
                        + "administrator can restore the key file it was encrypted with from backup, or enter the "
                        + "account's secret access key again on the AWS Connectors admin page.";
        }
    }
}
