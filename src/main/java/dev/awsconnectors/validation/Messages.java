package dev.awsconnectors.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
    static final String RESOURCE = "/i18n/aws-connectors.properties";
    static final String PREFIX = "awsc.validation.";

    private final Map<String, String> patterns;

    Messages() {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the plugin.");
            }
            // Properties files are ISO-8859-1, as Jira's i18n reads them.
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
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
