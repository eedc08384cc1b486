package dev.awsconnectors.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The app's i18n bundle as shipped, in English: the texts Jira translates, read once from the plugin's own jar, and
 * the one place that says a key of it in English.
 */
public final class EnglishBundle {
    /** Where the bundle is, on the plugin's class path. */
    public static final String RESOURCE = "/i18n/aws-connectors.properties";

    private EnglishBundle() {
    }

    /** Every text of the bundle, by key; unmodifiable. */
    public static Map<String, String> texts() {
        return Texts.ALL;
    }

    /**
     * The text of {@code key} in English with its arguments, as {@link MessageFormat} says it.
     *
     * @throws IllegalStateException if the bundle has no text for {@code key}
     */
    public static String format(String key, Object... arguments) {
        String pattern = Texts.ALL.get(key);
        if (pattern == null) {
            throw new IllegalStateException("No text for " + key + " in " + RESOURCE);
        }
        // English, so numbers are grouped as in "43,200", the way AWS documents its limits.
        return new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
    }

    /** Read when first asked for, so that a class that never says a text does not read the file. */
    private static final class Texts {
        static final Map<String, String> ALL = load();

        private static Map<String, String> load() {
            Properties properties = new Properties();
            try (InputStream in = EnglishBundle.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the plugin.");
                }
                // ISO-8859-1, as Jira reads its i18n files.
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + RESOURCE, e);
            }
            Map<String, String> texts = new HashMap<>();
            for (String key : properties.stringPropertyNames()) {
                texts.put(key, properties.getProperty(key));
            }
            return Map.copyOf(texts);
        }
    }
}
