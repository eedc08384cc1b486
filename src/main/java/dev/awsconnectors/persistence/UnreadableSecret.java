package dev.awsconnectors.persistence;

import dev.awsconnectors.api.AccountSecretUnavailableException;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An account whose stored secret access key cannot be decrypted now, for the admin page's warning.
 *
 * @param accountId   the account
 * @param accountName its name
 * @param reason      why not
 * @param problem     for {@link AccountSecretUnavailableException.Reason#KEY_FILE_UNUSABLE}, what is wrong with the
 *                    key file and how to fix it, in English; otherwise empty
 * @param keyFileLocation where the key file is expected, relative to Jira's home
 */
public record UnreadableSecret(UUID accountId, String accountName, AccountSecretUnavailableException.Reason reason,
                               Optional<String> problem, String keyFileLocation) {

    public UnreadableSecret {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(keyFileLocation, "keyFileLocation");
    }
}
