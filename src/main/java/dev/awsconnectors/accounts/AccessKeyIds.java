package dev.awsconnectors.accounts;

/**
 * How an access key ID is shown to admins (pages, error messages, audit entries): its first and last four characters,
 * the rest as {@code *}, so that an admin can tell keys apart (and match one in the IAM console) without the whole ID
 * being shown.
 * {@code AKIAIOSFODNN7EXAMPLE} is shown as {@code AKIA************MPLE}.
 */
public final class AccessKeyIds {
    private static final int SHOWN_AT_EACH_END = 4;

    private AccessKeyIds() {
    }

    /**
     * @param accessKeyId an access key ID; {@code null} or blank for none
     * @return the masked ID, as many characters long as the ID; empty for none; only stars when the ID is too short
     *         to keep anything hidden between its ends
     */
    public static String masked(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            return "";
        }
        String id = accessKeyId.strip();
        if (id.length() <= 3 * SHOWN_AT_EACH_END) {
            return "*".repeat(id.length());
        }
        return id.substring(0, SHOWN_AT_EACH_END) + "*".repeat(id.length() - 2 * SHOWN_AT_EACH_END)
                + id.substring(id.length() - SHOWN_AT_EACH_END);
    }
}
