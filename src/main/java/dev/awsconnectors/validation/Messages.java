package dev.awsconnectors.validation;

import dev.awsconnectors.i18n.EnglishBundle;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The English texts of the validation messages, read from the same properties file Jira translates, so the
 * {@code message} of a violation and the text of its key cannot drift apart.
 */
final class Messages {
    static final String RESOURCE = EnglishBundle.RESOURCE;
    static final String PREFIX = "awsc.validation.";

    private final Map<String, String> patterns;

    Messages() {
        Properties properties = EnglishBundle.load();
        Map<String, String> validation = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PREFIX)) {
                validation.put(key, properties.getProperty(key));
            }
        }
        this.patterns = Map.copyOf(validation);
    }

    String format(String key, List<Object> arguments) {
        String pattern = patterns.get(key);
        if (pattern == null) {
            throw new IllegalStateException("No text for " + key + " in " + RESOURCE);
        }
        // English, so numbers are grouped as in "43,200", the way AWS documents its limits.
        return new MessageFormat(pattern, Locale.ENGLISH).format(arguments.toArray());
    }
}
