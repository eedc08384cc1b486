package dev.awsconnectors.crypto;

/**
 * A stored secret cannot be encrypted or decrypted: the key file is missing, unsafe or damaged, the value needs a
 * key that is no longer there, or the value fails authentication. The message says what to restore or fix; it
 * never contains a plaintext, a ciphertext or key material.
 *
 * <p>It is an {@link IllegalStateException} because that is what
 * {@link dev.awsconnectors.accounts.AccountSecrets#secretAccessKey} promises its callers.
 */
public final class SecretUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    SecretUnavailableException(String message) {
        super(message);
    }

    SecretUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
