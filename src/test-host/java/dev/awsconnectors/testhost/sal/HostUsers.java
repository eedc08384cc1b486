package dev.awsconnectors.testhost.sal;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Jira's users and groups as SAL shows them to the plugin: a user directory held in memory, and the user of the
 * current request per thread, as Jira's request filters set it.
 */
public final class HostUsers implements UserManager {
    private final Map<String, User> byName = new ConcurrentHashMap<>();
    private final ThreadLocal<UserKey> current = new ThreadLocal<>();

    /** Adds or replaces a user; {@code admin} means Jira administrator, {@code sysadmin} system administrator. */
    public HostUsers add(String userName, boolean admin, boolean sysadmin, String... groups) {
        Set<String> groupSet = new TreeSet<>(Set.of(groups));
        byName.put(userName.toLowerCase(Locale.ROOT), new User(new UserKey("key-" + userName), userName,
                userName, userName + "@example.com", groupSet, admin, sysadmin));
        return this;
    }

    /** Runs {@code work} as if {@code userName} had made the request; {@code null} for an anonymous request. */
    public <T> T runAs(String userName, Supplier<T> work) {
        UserKey previous = current.get();
        current.set(userName == null ? null : require(userName).key);
        try {
            return work.get();
        } finally {
            current.set(previous);
        }
    }

    @Override
    public UserProfile getRemoteUser() {
        UserKey key = current.get();
        return key == null ? null : getUserProfile(key);
    }

    @Override
    public UserKey getRemoteUserKey() {
        return current.get();
    }

    @Override
    public UserProfile getRemoteUser(HttpServletRequest request) {
        return getRemoteUser();
    }

    @Override
    public UserProfile getUserProfile(String username) {
        return username == null ? null : byName.get(username.toLowerCase(Locale.ROOT));
    }

    @Override
    public UserProfile getUserProfile(UserKey userKey) {
        return find(userKey);
    }

    @Override
    public boolean isUserInGroup(UserKey userKey, String group) {
        User user = find(userKey);
        return user != null && user.groups.contains(group);
    }

    @Override
    public boolean isSystemAdmin(UserKey userKey) {
        User user = find(userKey);
        return user != null && user.sysadmin;
    }

    @Override
    public boolean isAdmin(UserKey userKey) {
        User user = find(userKey);
        // In Jira a system administrator is an administrator too.
        return user != null && (user.admin || user.sysadmin);
    }

    @Override
    public boolean authenticate(String username, String password) {
        return false;
    }

    @Override
    public Iterable<String> findGroupNamesByPrefix(String prefix, int startIndex, int maxResults) {
        return byName.values().stream().flatMap(u -> u.groups.stream()).distinct()
                .filter(g -> g.startsWith(prefix)).sorted().skip(startIndex).limit(maxResults)
                .collect(Collectors.toList());
    }

    private User require(String userName) {
        User user = byName.get(userName.toLowerCase(Locale.ROOT));
        if (user == null) {
            throw new IllegalArgumentException("No such user: " + userName);
        }
        return user;
    }

    private User find(UserKey key) {
        if (key == null) {
            return null;
        }
        return byName.values().stream().filter(u -> u.key.equals(key)).findFirst().orElse(null);
    }

    private static final class User implements UserProfile {
        private final UserKey key;
        private final String name;
        private final String fullName;
        private final String email;
        private final Set<String> groups;
        private final boolean admin;
        private final boolean sysadmin;

        User(UserKey key, String name, String fullName, String email, Set<String> groups, boolean admin,
             boolean sysadmin) {
            this.key = Objects.requireNonNull(key);
            this.name = name;
            this.fullName = fullName;
            this.email = email;
            this.groups = Set.copyOf(groups);
            this.admin = admin;
            this.sysadmin = sysadmin;
        }

        @Override
        public UserKey getUserKey() {
            return key;
        }

        @Override
        public String getUsername() {
            return name;
        }

        @Override
        public String getFullName() {
            return fullName;
        }

        @Override
        public String getEmail() {
            return email;
        }
    }
}
