package dev.awsconnectors.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The app's i18n bundle as shipped, in English: the texts Jira translates, read from the plugin's own jar. */
public final class EnglishBundle {
    /** Where the bundle is, on the plugin's class path. */
    public static final String RESOURCE = "/i18n/aws-connectors.properties";

    private EnglishBundle() {
    }

    /** Every text of the bundle, by key. */
    public static Properties load() {
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
        return properties;
    }
}
