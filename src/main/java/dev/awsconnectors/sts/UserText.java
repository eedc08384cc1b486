package dev.awsconnectors.sts;

import dev.awsconnectors.i18n.Text;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

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
        return text().english();
    }

    /** The same key and arguments as a {@link Text}. */
    public Text text() {
        return new Text(key, List.copyOf(arguments), false);
    }

    /** The arguments as the {@code I18nResolver} takes them. */
    public Serializable[] serializableArguments() {
        return arguments.toArray(new Serializable[0]);
    }
}
