package dev.awsconnectors.crypto;

import java.util.Objects;

/**
 * A stored secret cannot be encrypted or decrypted: the key file is missing, unsafe or damaged, the value needs a
 * key that is no longer there, or the value fails authentication. The message says what to restore or fix, naming
 * the file's full path, for the application log; {@link #problem()} says which it is, for what users are shown.
 * It never contains a plaintext, a ciphertext or key material.
 *
 * <p>It is an {@link IllegalStateException} because that is what
 * {@link dev.awsconnectors.accounts.AccountSecrets#secretAccessKey} promises its callers.
 */
public final class SecretUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Problem {
        /** There is no key file. */
        KEY_FILE_MISSING,
        /** Users other than its owner may read or write the key file. */
        KEY_FILE_UNSAFE,
        /** The key file is not in the expected format. */
        KEY_FILE_DAMAGED,
        /** The key file (or its folder) could not be read, or a missing one could not be created. */
        KEY_FILE_INACCESSIBLE,
        /** The value was encrypted with a key the key file does not have: another key file, or a retired key. */
        KEY_NOT_IN_FILE,
        /** The value fails authentication with the key of its id: altered, copied, or a different key. */
        NOT_AUTHENTIC,
        /** The value is not in a format this app writes. */
        UNKNOWN_FORMAT
    }

    private final Problem problem;

    SecretUnavailableException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    SecretUnavailableException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** What is wrong. */
    public Problem problem() {
        return problem;
    }
}
