package dev.awsconnectors.accounts;

import java.util.Optional;

/**
 * The one place that decides what "absent" means for text coming from forms, REST bodies and the database, so that
 * an empty field, a blank field and a missing field can never mean three different things.
 */
public final class Strings {
    private Strings() {
    }

    /** The text without surrounding white space, or empty if nothing else is left. */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }

    /** As {@link #normalise(String)}, for a value that is already optional (and may itself be null). */
    public static Optional<String> normalise(Optional<String> text) {
        return text == null ? Optional.empty() : text.flatMap(Strings::normalise);
    }

    /** The text without surrounding white space; {@code ""} for null, for fields that are required. */
    public static String required(String text) {
        return normalise(text).orElse("");
    }
}
