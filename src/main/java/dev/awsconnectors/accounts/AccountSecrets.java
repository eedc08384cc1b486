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
     * @throws dev.awsconnectors.api.AccountSecretUnavailableException if it cannot be decrypted (the key file is
     *                               missing, unusable or not the one it was encrypted with); the message says what
     *                               to do and never contains key material
     * @throws IllegalStateException if the account has no stored secret
     */
    String secretAccessKey(Account account);
}
