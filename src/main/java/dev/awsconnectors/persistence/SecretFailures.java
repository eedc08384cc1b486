package dev.awsconnectors.persistence;

import dev.awsconnectors.api.AccountSecretUnavailableException;
import dev.awsconnectors.api.AccountSecretUnavailableException.Reason;
import dev.awsconnectors.crypto.SecretUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Turns the cipher's failure, which names the key file's full path for the application log, into what users, other
 * apps and the audit log are told: the account, the reason, and the key file's place relative to Jira's home.
 */
final class SecretFailures {
    private static final Logger LOG = LoggerFactory.getLogger(SecretFailures.class);

    private SecretFailures() {
    }

    static AccountSecretUnavailableException unavailable(SecretUnavailableException failure, String accountName,
                                                         String keyFileLocation) {
        // The full path and the detail are for whoever reads Jira's log on the server; the exception says where the
        // file is relative to the home.
        LOG.warn("The secret access key of AWS account '{}' cannot be read: {}", accountName, failure.getMessage());
        return new AccountSecretUnavailableException(reason(failure.problem()), accountName, keyFileLocation,
                problem(failure.problem()).orElse(null));
    }

    static Reason reason(SecretUnavailableException.Problem problem) {
        switch (problem) {
            case KEY_FILE_MISSING:
                return Reason.KEY_FILE_MISSING;
            case KEY_FILE_UNSAFE:
            case KEY_FILE_DAMAGED:
            case KEY_FILE_INACCESSIBLE:
                return Reason.KEY_FILE_UNUSABLE;
            default:
                return Reason.CANNOT_DECRYPT;
        }
    }

    /** What is wrong with a key file that is there but cannot be used, and what fixes it. */
    static Optional<String> problem(SecretUnavailableException.Problem problem) {
        switch (problem) {
            case KEY_FILE_UNSAFE:
                return Optional.of("users other than its owner may read or write it; make it owner-only with chmod "
                        + "600, and rotate the key if others may have read it");
            case KEY_FILE_DAMAGED:
                return Optional.of("it is damaged; restore it from backup");
            case KEY_FILE_INACCESSIBLE:
                return Optional.of("Jira cannot read it, or cannot create it in its folder; make the user running "
                        + "Jira the owner of the folder and the file");
            default:
                return Optional.empty();
        }
    }
}
