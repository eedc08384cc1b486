package dev.awsconnectors.persistence;

import java.time.Instant;
import java.util.Objects;

/**
 * The refusal of a rotation (or an edit or delete) of an account whose key another rotation holds: one under way
 * on some node, or an interrupted one that must be cleaned up first. Nothing was changed.
 */
public class RotationUnderWayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String accountName;
    private final Instant started;
    private final boolean interrupted;

    public RotationUnderWayException(String accountName, Instant started, boolean interrupted) {
        super(interrupted
                ? "An earlier rotation of the access key of account '" + accountName + "', started at " + started
                        + ", did not finish. Clean it up on the account's page first. Nothing was changed."
                : "Another rotation of the access key of account '" + accountName + "' is under way (started at "
                        + started + "). Nothing was changed; open the account again in a moment to see its key.",
                null, false, false);
        this.accountName = Objects.requireNonNull(accountName, "accountName");
        this.started = Objects.requireNonNull(started, "started");
        this.interrupted = interrupted;
    }

    public String accountName() {
        return accountName;
    }

    public Instant started() {
        return started;
    }

    /** Whether the rotation that holds the key was interrupted (and needs a clean-up), not still running. */
    public boolean interrupted() {
        return interrupted;
    }
}
