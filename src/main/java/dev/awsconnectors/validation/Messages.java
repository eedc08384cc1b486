package dev.awsconnectors.validation;

import dev.awsconnectors.i18n.EnglishBundle;

import java.util.List;

/**
 * The English texts of the validation messages, read from the same properties file Jira translates, so the
 * {@code message} of a violation and the text of its key cannot drift apart.
 */
final class Messages {
    static final String RESOURCE = EnglishBundle.RESOURCE;
    static final String PREFIX = "awsc.validation.";

    String format(String key, List<Object> arguments) {
        if (!key.startsWith(PREFIX)) {
            throw new IllegalStateException("No text for " + key + " among the validation messages of " + RESOURCE);
        }
        return EnglishBundle.format(key, arguments.toArray());
    }
}
