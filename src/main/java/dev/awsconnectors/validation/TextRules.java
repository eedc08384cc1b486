package dev.awsconnectors.validation;

import java.util.Optional;

/** The rules shared by accounts and connectors. */
final class TextRules {
    private TextRules() {
    }

    static void name(String name, Findings findings) {
        if (name.isEmpty()) {
            findings.add("name", Keys.NAME_REQUIRED);
        } else if (length(name) > Limits.NAME_MAX) {
            findings.add("name", Keys.NAME_TOO_LONG, Limits.NAME_MAX, length(name));
        }
    }

    static void description(Optional<String> description, Findings findings) {
        description.filter(text -> length(text) > Limits.DESCRIPTION_MAX).ifPresent(text ->
                findings.add("description", Keys.DESCRIPTION_TOO_LONG, Limits.DESCRIPTION_MAX, length(text)));
    }

    /** Characters as people count them, so an emoji is one character, not two UTF-16 units. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
