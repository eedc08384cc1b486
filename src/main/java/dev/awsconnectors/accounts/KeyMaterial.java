package dev.awsconnectors.accounts;

import java.util.regex.Pattern;

/**
 * What AWS key material looks like, for every place that must not repeat it: a secret access key is 40 characters
 * of the base64 alphabet, a session token hundreds of them.
 *
 * <p>Two shapes, for two kinds of text. Text from AWS, the SDK or a failed call (messages, rotation steps) is
 * {@linkplain #redacted(String) redacted} broadly: any run of 40 or more base64 characters, padding included, since
 * ARNs, names and request ids are broken up by {@code :}, {@code -} or {@code .} long before that. What a person
 * typed is only {@linkplain #looksLikeSecretKey(String) recognised} as a key when the run also mixes upper- and
 * lower-case letters with a digit, {@code +} or {@code /}, as nearly every generated key does and few names or paths
 * do, so that a long ordinary value is still quoted back to its author.
 */
public final class KeyMaterial {
    /** What replaces key material in a text. */
    public static final String REDACTED = "[redacted]";

    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9/+=]{40,}");
    /**
     * A run of forty or more, also when something was typed or pasted right against it: quoting the first forty of
     * a longer run would show the key.
     */
    private static final Pattern TYPED_SECRET_KEY = Pattern.compile(
            "(?<![A-Za-z0-9+/])(?=[A-Za-z0-9+/]{0,39}[A-Z])(?=[A-Za-z0-9+/]{0,39}[a-z])"
                    + "(?=[A-Za-z0-9+/]{0,39}[0-9+/])[A-Za-z0-9+/]{40,}");

    private KeyMaterial() {
    }

    /** The text with every run of 40 or more base64 characters replaced by {@value #REDACTED}. */
    public static String redacted(String text) {
        return BASE64_RUN.matcher(text).replaceAll(REDACTED);
    }

    /** Whether a value someone typed holds something shaped like an AWS secret access key. */
    public static boolean looksLikeSecretKey(String value) {
        return value != null && TYPED_SECRET_KEY.matcher(value).find();
    }
}
