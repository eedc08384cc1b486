package dev.awsconnectors.persistence;

/**
 * An edit was based on a version of an account or connector that someone else has changed since: nothing was
 * written, so their change is not lost. The admin reloads and makes the edit again.
 */
public final class ConcurrentEditException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** For a version checked outside this package too; {@code kind} is "account" or "connector". */
    public ConcurrentEditException(String kind, String name) {
        super("The " + kind + " '" + name + "' was changed by someone else since you opened it. Reload it to see "
                + "their changes, then make yours again.");
    }
}
