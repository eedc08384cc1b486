package dev.awsconnectors.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects the violations of one validation run, in the order the rules found them. */
final class Findings {
    private final Messages messages;
    private final List<Violation> violations = new ArrayList<>();

    Findings(Messages messages) {
        this.messages = messages;
    }

    void add(String field, String key, Object... arguments) {
        List<Object> values = List.of(arguments);
        violations.add(new Violation(field, key, values, messages.format(key, values)));
    }

    List<Violation> toList() {
        return List.copyOf(violations);
    }
}
