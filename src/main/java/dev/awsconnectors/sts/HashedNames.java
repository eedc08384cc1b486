package dev.awsconnectors.sts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.IntPredicate;

/**
 * How a Jira user name that AWS would not take becomes one it takes, for every name AWS sees: each character AWS
 * refuses is replaced, the result is cut so that {@code -} and {@value #HASH_HEX_DIGITS} hex digits of the SHA-256 of
 * the whole name still fit, and those are added. So an admin can still tell who it was, and two Jira users get the
 * same result only by a 32-bit hash collision between names that start alike.
 */
final class HashedNames {
    static final int HASH_HEX_DIGITS = 8;

    private HashedNames() {
    }

    /**
     * @param name        the Jira user name
     * @param max         the most characters the result may have
     * @param allowed     which code points AWS takes
     * @param replacement what stands for a code point it does not
     */
    static String shortened(String name, int max, IntPredicate allowed, String replacement) {
        String suffix = "-" + hashOf(name);
        int room = max - suffix.length();
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            // A whole code point or none, so a cut never splits a surrogate pair.
            String next = allowed.test(c) ? new String(Character.toChars(c)) : replacement;
            if (kept.length() + next.length() > room) {
                break;
            }
            kept.append(next);
        }
        return kept + suffix;
    }

    private static String hashOf(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
