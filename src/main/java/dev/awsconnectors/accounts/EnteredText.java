package dev.awsconnectors.accounts;

import java.util.Optional;

/**
 * The one place that decides what "absent" means for text coming from forms, REST bodies and the database, so that
 * an empty field, a blank field and a missing field can never mean three different things.
 */
public final class EnteredText {
    private EnteredText() {
    }

    /** The text without surrounding white space, or empty if nothing else is left. */
    public static Optional<String> optional(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }

    /** As {@link #optional(String)}, for a value that is already optional (and may itself be null). */
    public static Optional<String> optional(Optional<String> text) {
        return text == null ? Optional.empty() : text.flatMap(EnteredText::optional);
    }

    /** The text without surrounding white space; {@code ""} for null, for fields that are required. */
    public static String required(String text) {
        return optional(text).orElse("");
    }
}
