package dev.awsconnectors.testhost.aws;

import java.security.SecureRandom;
import java.util.Base64;

/** Identifiers in AWS's shapes: unique-id prefixes (AKIA, ASIA, AIDA, AROA), secrets, session tokens. */
final class Ids {

    private static final char[] UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final SecureRandom random = new SecureRandom();

    /** 20 characters: the four-letter type prefix and 16 more, like real key ids and unique ids. */
    String accessKeyId(String prefix) {
        return prefix + upper(16);
    }

    /** IAM user and role unique ids are 21 characters (AIDA/AROA and 17 more). */
    String uniqueId(String prefix) {
        return prefix + upper(17);
    }

    /** 40 characters of base64, the shape of a real secret access key. */
    String secretAccessKey() {
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Real session tokens are long opaque base64; their size is not fixed, and callers must not assume one. */
    String sessionToken() {
        byte[] bytes = new byte[270];
        random.nextBytes(bytes);
        return "IQoJb3JpZ2luX2VjE" + Base64.getEncoder().encodeToString(bytes);
    }

    String signinToken() {
        byte[] bytes = new byte[96];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String requestId() {
        return java.util.UUID.randomUUID().toString();
    }

    private String upper(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = UPPER_ALNUM[random.nextInt(UPPER_ALNUM.length)];
        }
        return new String(chars);
    }
}
