package dev.awsconnectors.sts;

import java.util.regex.Pattern;

/**
 * The session tag that carries the Jira user to AWS, so CloudTrail and policies ({@code aws:PrincipalTag/jira-user})
 * can tell who used the credentials.
 *
 * <p>AWS's limits for a session tag value (STS API model, {@code tagValueType}): 0 to 256 characters of
 * {@code [\p{L}\p{Z}\p{N}_.:/=+\-@]}. A Jira user name that fits is used unchanged. One that does not keeps its
 * allowed characters (others become {@code _}), is cut to fit, and ends with {@code -} and 8 hex digits of the
 * SHA-256 of the whole name, so that two Jira users never get the same value — which matters when a policy grants
 * access by this tag.
 */
final class SessionTags {
    /** The tag key; keys are 1 to 128 characters of the same set as values. */
    static final String JIRA_USER_TAG_KEY = "jira-user";
    /** AWS's maximum length of a session tag value. */
    static final int TAG_VALUE_MAX = 256;

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private SessionTags() {
    }

    /** Whether AWS accepts this as a session tag value. */
    static boolean isValidTagValue(String value) {
        return value != null && value.length() <= TAG_VALUE_MAX && ALLOWED.matcher(value).matches();
    }

    /** The {@value #JIRA_USER_TAG_KEY} tag value for a Jira user name. */
    static String jiraUserTagValue(String jiraUserName) {
        if (jiraUserName == null) {
            throw new IllegalArgumentException("A Jira user name is required.");
        }
        if (isValidTagValue(jiraUserName)) {
            return jiraUserName;
        }
        return HashedNames.shortened(jiraUserName, TAG_VALUE_MAX,
                c -> ALLOWED.matcher(new String(Character.toChars(c))).matches(), "_");
    }
}
