package dev.awsconnectors.accounts;

/**
 * Where an account's secret access key is kept. Implementations store it encrypted and decrypt it only when this
 * is called, which is only when an AWS client for the account is built; callers hand the value to the SDK and keep
 * no copy of it.
 */
public interface AccountSecrets {

    /**
     * The secret access key of an {@link AccountType#ACCESS_KEY} account.
     *
     * @throws IllegalStateException if the account has no stored secret or it cannot be decrypted; the message
     *                               says what to restore and never contains key material
     */
    String secretAccessKey(Account account);
}
