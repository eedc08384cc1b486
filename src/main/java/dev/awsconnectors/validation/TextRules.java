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
        } else if (!storable(name, false)) {
            findings.add("name", Keys.NAME_CHARACTERS);
        }
    }

    static void description(Optional<String> description, Findings findings) {
        description.ifPresent(text -> {
            if (length(text) > Limits.DESCRIPTION_MAX) {
                findings.add("description", Keys.DESCRIPTION_TOO_LONG, Limits.DESCRIPTION_MAX, length(text));
            } else if (!storable(text, true)) {
                findings.add("description", Keys.DESCRIPTION_CHARACTERS);
            }
        });
    }

    /**
     * Whether a text can be stored and shown as it was typed: no half of a surrogate pair without its other half
     * (no character at all: databases refuse or mangle it, and an AWS call that carries it fails), and no control
     * character (invisible, and able to break a log line), except line breaks and tabs where several lines are
     * allowed.
     */
    static boolean storable(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            } else if (Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
                return false;
            }
        }
        return true;
    }

    /** Characters as people count them, so an emoji is one character, not two UTF-16 units. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
