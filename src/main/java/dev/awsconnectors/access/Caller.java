package dev.awsconnectors.access;

import com.atlassian.sal.api.user.UserKey;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking for a connector: a logged-in Jira user, nobody (an anonymous request), or code running with no user
 * that came through the service's explicit system-scope entry. The access rules treat the three differently, so
 * the difference is a type, not a null.
 */
public final class Caller {
    private enum Kind { USER, ANONYMOUS, SYSTEM }

    private static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, null, null);
    private static final Caller SYSTEM = new Caller(Kind.SYSTEM, null, null);

    private final Kind kind;
    private final UserKey userKey;
    private final String userName;

    private Caller(Kind kind, UserKey userKey, String userName) {
        this.kind = kind;
        this.userKey = userKey;
        this.userName = userName;
    }

    public static Caller user(UserKey userKey, String userName) {
        return new Caller(Kind.USER, Objects.requireNonNull(userKey, "userKey"),
                Objects.requireNonNull(userName, "userName"));
    }

    public static Caller anonymous() {
        return ANONYMOUS;
    }

    public static Caller system() {
        return SYSTEM;
    }

    public boolean isUser() {
        return kind == Kind.USER;
    }

    public boolean isSystem() {
        return kind == Kind.SYSTEM;
    }

    /** The Jira user's key; empty unless {@link #isUser()}. */
    public Optional<UserKey> userKey() {
        return Optional.ofNullable(userKey);
    }

    /** The Jira user name; empty unless {@link #isUser()}. */
    public Optional<String> userName() {
        return Optional.ofNullable(userName);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Caller)) {
            return false;
        }
        Caller that = (Caller) o;
        return kind == that.kind && Objects.equals(userKey, that.userKey) && Objects.equals(userName, that.userName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, userKey, userName);
    }

    @Override
    public String toString() {
        return kind == Kind.USER ? "user " + userName : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
