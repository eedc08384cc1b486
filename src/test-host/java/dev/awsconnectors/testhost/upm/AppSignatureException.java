package dev.awsconnectors.testhost.upm;

/**
 * An app the demo host's signature check refuses to install, with the reason in words an admin can act on: the app
 * is unsigned, its signature does not verify against any trusted certificate (the jar changed, or its certificate is
 * not in the trust store), the certificate that verifies it has expired or is not valid yet, or the trust store is
 * empty. Nothing is installed when it is thrown.
 */
public final class AppSignatureException extends Exception {
    private static final long serialVersionUID = 1L;

    AppSignatureException(String message) {
        super(message);
    }
}
