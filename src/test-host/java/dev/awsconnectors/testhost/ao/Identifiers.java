package dev.awsconnectors.testhost.ao;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identifier rules of Active Objects 5.x (checked against activeobjects 5.2.1: {@code UnderScoreUtils},
 * {@code ConverterUtils}, {@code Common.shorten}, {@code NamesLengthAndOracleReservedWordsEntitiesValidator}).
 */
final class Identifiers {
    /** AO's limit for table, column, index and unique-constraint names (Oracle's old 30-character limit). */
    static final int MAX_LENGTH = 30;

    /** Words AO refuses as table or column names because Oracle does. */
    static final Set<String> RESERVED_WORDS = Set.of("BLOB", "CLOB", "NUMBER", "ROWID", "TIMESTAMP", "VARCHAR2");

    /** AO inserts an underscore between a lower-case letter or digit and the upper-case letter after it. */
    private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z\\d])([A-Z])");

    private Identifiers() {
    }

    /** {@code accountId} → {@code ACCOUNT_ID}, {@code URL} → {@code URL}, {@code s3Bucket} → {@code S3_BUCKET}. */
    static String upperSnake(String camelCase) {
        return WORD_BOUNDARY.matcher(camelCase).replaceAll("$1_$2").toUpperCase(Locale.ENGLISH);
    }

    static boolean isReservedWord(String name) {
        return RESERVED_WORDS.contains(name.toUpperCase(Locale.ENGLISH));
    }

    /**
     * AO's way to fit a generated name (an index or constraint name) into a limit: keep the start and replace the
     * end by a hash of the whole name, so two long names that share a start still differ.
     */
    static String shorten(String name, int maxLength) {
        if (name.length() <= maxLength) {
            return name;
        }
        int tailLength = maxLength / 3;
        long hash = Math.abs((long) name.hashCode() % (long) Math.pow(10, tailLength));
        return name.substring(0, maxLength - tailLength - 1) + hash;
    }
}
