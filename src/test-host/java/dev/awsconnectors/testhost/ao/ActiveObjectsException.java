package dev.awsconnectors.testhost.ao;

/**
 * Named after {@code net.java.ao.ActiveObjectsException}, the unchecked exception Active Objects throws for invalid
 * entities and failed operations. The real class lives in {@code net.java.ao}, which the compile-only host API does
 * not carry, so the test host has its own with the same name and the same superclass ({@link RuntimeException}):
 * code that catches {@code RuntimeException} behaves the same against both.
 */
public class ActiveObjectsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ActiveObjectsException(String message) {
        super(message);
    }

    public ActiveObjectsException(String message, Throwable cause) {
        super(message, cause);
    }

    public ActiveObjectsException(Throwable cause) {
        super(cause);
    }
}
