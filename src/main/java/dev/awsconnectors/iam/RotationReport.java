package dev.awsconnectors.iam;

import java.util.List;
import java.util.Objects;

/**
 * What "Rotate access key" did, step by step. Never contains a secret: key ids only.
 *
 * <p>The steps, in order: {@value #CREATE}, {@value #CHECK}, {@value #STORE}, {@value #DELETE_OLD}; when checking or
 * storing the new key fails, {@value #DELETE_NEW} follows the failed step. Steps after a failure are listed as
 * {@link Outcome#SKIPPED}.
 *
 * @param steps             every step, in order, each saying what happened
 * @param succeeded         whether the new key is stored and works <em>and</em> the old key was deleted
 * @param activeAccessKeyId the access key id the account holds and works with afterwards: the new one once it was
 *                          stored, otherwise the old one
 */
public record RotationReport(List<Step> steps, boolean succeeded, String activeAccessKeyId) {

    public static final String CREATE = "Create a new access key";
    public static final String CHECK = "Check that the new key works";
    public static final String STORE = "Store the new key in the account";
    public static final String DELETE_NEW = "Delete the new key again";
    public static final String DELETE_OLD = "Delete the old key";
    /** The clean-up of an interrupted rotation that never learnt its new key's ID. */
    public static final String CLEAN_UP = "Clean up the interrupted rotation";

    public RotationReport {
        steps = List.copyOf(steps);
        Objects.requireNonNull(activeAccessKeyId, "activeAccessKeyId");
    }

    /** How a step ended. */
    public enum Outcome {
        SUCCEEDED,
        FAILED,
        /** Not attempted, because an earlier step failed. */
        SKIPPED
    }

    /**
     * @param name    which step (one of the constants of {@link RotationReport})
     * @param outcome how it ended
     * @param message what happened, in words an admin can act on; names key ids, never secrets
     */
    public record Step(String name, Outcome outcome, String message) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The step with this name, if it is in the report. */
    public java.util.Optional<Step> step(String name) {
        return steps.stream().filter(step -> step.name().equals(name)).findFirst();
    }
}
