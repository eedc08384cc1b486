package dev.awsconnectors.validation;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown when an account or connector breaks a rule, so that no invalid configuration reaches the database or AWS.
 * Unchecked because callers either show the violations to the admin or let the request fail; there is nothing to
 * recover. The message lists each field and its English message, and so, like the violations, never a secret.
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public ConfigurationException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** What was wrong, in the order the validator found it; never empty. */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        Objects.requireNonNull(violations, "violations");
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("A ConfigurationException needs at least one violation.");
        }
        return "Invalid configuration: " + violations.stream()
                .map(violation -> violation.field() + ": " + violation.message())
                .collect(Collectors.joining(" "));
    }
}
