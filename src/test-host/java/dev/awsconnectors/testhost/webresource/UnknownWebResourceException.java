package dev.awsconnectors.testhost.webresource;

/** A page required, directly or through a {@code <dependency>}, a web resource no plugin or host provides. */
public final class UnknownWebResourceException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    UnknownWebResourceException(String message) {
        super(message);
    }
}
