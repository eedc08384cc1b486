package dev.awsconnectors.sts;

import java.util.regex.Pattern;

/**
 * The names AWS sees for a Jira user: the {@code Name} of GetFederationToken (2 to 32 characters) and the
 * {@code RoleSessionName} and {@code SourceIdentity} of AssumeRole (2 to 64 characters), all of {@code [\w+=,.@-]}.
 *
 * <p>A Jira user name that already fits is used as it is, so CloudTrail shows it unchanged. One that does not — a
 * space, an accent, a slash, too long or too short — keeps its allowed characters (others become {@code -}), is cut
 * to fit, and ends with {@code -} and 8 hex digits of its SHA-256, so an admin can still tell who it was. A name
 * that happens to end like that already is rewritten too, so a rewritten name can never equal another user's
 * unchanged one; two rewritten names would need the same start and a 32-bit hash collision.
 */
public final class PrincipalNames {
    /** GetFederationToken Name. */
    public static final int FEDERATED_USER_NAME_MAX = 32;
    /** AssumeRole RoleSessionName and SourceIdentity. */
    public static final int ROLE_SESSION_NAME_MAX = 64;
    /** Both: at least two characters. */
    public static final int NAME_MIN = 2;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_+=,.@-]*");
    private static final Pattern REWRITTEN_SUFFIX = Pattern.compile(".*-[0-9a-f]{" + HashedNames.HASH_HEX_DIGITS + "}");

    private PrincipalNames() {
    }

    /** The GetFederationToken {@code Name} for a Jira user. */
    public static String federatedUserName(String jiraUserName) {
        return fit(jiraUserName, FEDERATED_USER_NAME_MAX);
    }

    /** The AssumeRole {@code RoleSessionName} (and {@code SourceIdentity}) for a Jira user. */
    public static String roleSessionName(String jiraUserName) {
        return fit(jiraUserName, ROLE_SESSION_NAME_MAX);
    }

    /** Whether AWS accepts this as a GetFederationToken {@code Name}. */
    public static boolean isValidFederatedUserName(String name) {
        return isValid(name, FEDERATED_USER_NAME_MAX);
    }

    /** Whether AWS accepts this as an AssumeRole {@code RoleSessionName} or {@code SourceIdentity}. */
    public static boolean isValidRoleSessionName(String name) {
        return isValid(name, ROLE_SESSION_NAME_MAX);
    }

    private static boolean isValid(String name, int max) {
        return name != null && name.length() >= NAME_MIN && name.length() <= max && ALLOWED.matcher(name).matches();
    }

    private static String fit(String jiraUserName, int max) {
        if (jiraUserName == null) {
            throw new IllegalArgumentException("A Jira user name is required.");
        }
        if (isValid(jiraUserName, max) && !REWRITTEN_SUFFIX.matcher(jiraUserName).matches()) {
            return jiraUserName;
        }
        return HashedNames.shortened(jiraUserName, max, PrincipalNames::isAllowed, "-");
    }

    private static boolean isAllowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_+=,.@-".indexOf(c) >= 0;
    }
}
