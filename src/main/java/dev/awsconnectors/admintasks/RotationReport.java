package dev.awsconnectors.admintasks;

import dev.awsconnectors.i18n.Text;

import java.util.List;
import java.util.Objects;

/**
 * What "Rotate access key" did, step by step. Never contains a secret: key ids only.
 *
 * <p>A step's name is one of the constants below (the REST API's {@code name}, in English whatever the language);
 * {@link #nameText} is the same name as a key of the i18n bundle, and what happened is a {@link Text}, said in the
 * admin's language by the page and the REST API.
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
     * @param text    what happened, in words an admin can act on ({@code awsc.admin.rotate.report.*}); names key
     *                ids, never secrets
     */
    public record Step(String name, Outcome outcome, Text text) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(text, "text");
        }
    }

    /** A step's name as a key of the i18n bundle, for the admin's language. */
    public static Text nameText(String name) {
        switch (name) {
            case CREATE:
                return Text.of("awsc.admin.rotate.step.create");
            case CHECK:
                return Text.of("awsc.admin.rotate.step.check");
            case STORE:
                return Text.of("awsc.admin.rotate.step.store");
            case DELETE_NEW:
                return Text.of("awsc.admin.rotate.step.deleteNew");
            case DELETE_OLD:
                return Text.of("awsc.admin.rotate.step.deleteOld");
            case CLEAN_UP:
                return Text.of("awsc.admin.rotate.step.cleanUp");
            default:
                throw new IllegalArgumentException("Not a step of a rotation: " + name);
        }
    }

    /** The step with this name, if it is in the report. */
    public java.util.Optional<Step> step(String name) {
        return steps.stream().filter(step -> step.name().equals(name)).findFirst();
    }
}
