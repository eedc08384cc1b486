package dev.awsconnectors.validation;

import dev.awsconnectors.accounts.KeyMaterial;

/**
 * What an error message may repeat of a value someone sent: a short excerpt, never the whole of a long value (a
 * megabyte typed into a field would come back in the answer, the page and the log) and nothing shaped like an AWS
 * secret access key (pasted into the wrong field, it must not be shown again). Used wherever a refusal quotes input.
 */
public final class Excerpts {
    /** App's own: enough to recognise what was typed. */
    public static final int MAX_CHARACTERS = 40;
    /** App's own: ARNs are quoted further, since the part that is wrong is often at their end. */
    public static final int MAX_ARN_CHARACTERS = 100;
    /** Shown instead of a value that looks like a secret access key. */
    public static final String HIDDEN = "(hidden: it looks like a secret key)";

    private Excerpts() {
    }

    /** Whether a value holds something shaped like an AWS secret access key. */
    public static boolean secretShaped(String value) {
        return KeyMaterial.looksLikeSecretKey(value);
    }

    /**
     * The value as an error may quote it: at most {@value #MAX_CHARACTERS} characters followed by an ellipsis,
     * without control characters, or {@link #HIDDEN} when it looks like a secret key.
     */
    public static String of(String value) {
        return of(value, MAX_CHARACTERS);
    }

    /** An ARN as an error may quote it: as {@link #of(String)}, up to {@value #MAX_ARN_CHARACTERS} characters. */
    public static String ofArn(String arn) {
        return of(arn, MAX_ARN_CHARACTERS);
    }

    private static String of(String value, int maxCharacters) {
        if (value == null) {
            return "";
        }
        if (secretShaped(value)) {
            return HIDDEN;
        }
        StringBuilder excerpt = new StringBuilder();
        int count = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            i += Character.charCount(codePoint);
            if (count == maxCharacters) {
                return excerpt.append('…').toString();
            }
            boolean printable = !Character.isISOControl(codePoint) && !Character.isSurrogate((char) codePoint);
            excerpt.appendCodePoint(printable ? codePoint : '?');
            count++;
        }
        return excerpt.toString();
    }
}
