package dev.awsconnectors.sts;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * What a person who uses a connector is told about a failure, as an i18n key with its arguments, so that the pages
 * can say it in the user's language; {@link #english()} is the same text from the bundle, for the exported API's
 * exception messages and the REST API. Never carries an account, an ARN or AWS's own words: those are for
 * administrators (the audit log, the admin screens).
 *
 * @param key       the i18n key, e.g. {@code awsc.aws.user.mfaRejected}
 * @param arguments the {@code {0}}, {@code {1}}, … values, in order
 */
public record UserText(String key, List<Serializable> arguments) implements Serializable {
    static final String RESOURCE = "/i18n/aws-connectors.properties";
    /** The keys of this kind all start so. */
    static final String PREFIX = "awsc.aws.user.";

    public UserText {
        Objects.requireNonNull(key, "key");
        if (!key.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a user text key: " + key);
        }
        arguments = List.copyOf(arguments);
    }

    /** The text of {@code key} with no or some arguments. */
    public static UserText of(String key, Serializable... arguments) {
        return new UserText(key, List.of(arguments));
    }

    /** The English text, from the bundle Jira translates, so the two cannot drift apart. */
    public String english() {
        String pattern = Bundle.PATTERNS.getProperty(key);
        if (pattern == null) {
            throw new IllegalStateException("No text for " + key + " in " + RESOURCE);
        }
        return new MessageFormat(pattern, Locale.ENGLISH).format(arguments.toArray());
    }

    /** The arguments as the {@code I18nResolver} takes them. */
    public Serializable[] serializableArguments() {
        return arguments.toArray(new Serializable[0]);
    }

    /** The bundle, read once when a text is first needed. */
    private static final class Bundle {
        static final Properties PATTERNS = load();

        private static Properties load() {
            Properties properties = new Properties();
            try (InputStream in = UserText.class.getResourceAsStream(RESOURCE)) {
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
}
