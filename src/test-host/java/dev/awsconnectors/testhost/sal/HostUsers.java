package dev.awsconnectors.testhost.sal;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
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
 *
 * <p>The demo host reads its users from a file ({@link #fromFile}) that people may edit; one line per user:
 * <pre>
 * # name = password ; groups: group-a, group-b ; admin | sysadmin
 * admin = admin ; groups: jira-administrators ; admin
 * alice = alice ; groups: aws-developers
 * </pre>
 * The passwords are a demo's, in plain text: never put a real password in that file.
 */
public final class HostUsers implements UserManager {
    /** The file written on first start: admin (Jira administrator), alice (aws-developers), bob (no group). */
    public static final List<String> DEFAULT_FILE = List.of(
            "# The users of the demo host, one per line (edit, then restart the demo):",
            "#   name = password ; groups: group-a, group-b ; admin|sysadmin",
            "# 'admin' makes a Jira administrator, 'sysadmin' a system administrator (an administrator too).",
            "# Demo passwords in plain text: never put a real password here.",
            "admin = admin ; groups: jira-administrators ; admin",
            "alice = alice ; groups: aws-developers",
            "bob = bob");

    private final Map<String, User> byName = new ConcurrentHashMap<>();
    private final ThreadLocal<UserKey> current = new ThreadLocal<>();

    /**
     * The users of {@code file}, which is created with {@link #DEFAULT_FILE} when it does not exist.
     *
     * @throws IllegalArgumentException naming the line that cannot be read
     */
    public static HostUsers fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.write(file, DEFAULT_FILE, StandardCharsets.UTF_8);
            }
            HostUsers users = new HostUsers();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    users.addLine(line, file + ":" + (i + 1));
                }
            }
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the users file " + file, e);
        }
    }

    private void addLine(String line, String where) {
        int equals = line.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException(where + ": expected 'name = password ; groups: a, b ; admin'");
        }
        String name = line.substring(0, equals).strip();
        String[] parts = line.substring(equals + 1).split(";");
        String password = parts[0].strip();
        boolean admin = false;
        boolean sysadmin = false;
        String[] groups = new String[0];
        for (String part : Arrays.asList(parts).subList(1, parts.length)) {
            String item = part.strip();
            if (item.startsWith("groups:")) {
                groups = Arrays.stream(item.substring("groups:".length()).split(","))
                        .map(String::strip).filter(g -> !g.isEmpty()).toArray(String[]::new);
            } else if (item.equals("admin")) {
                admin = true;
            } else if (item.equals("sysadmin")) {
                sysadmin = true;
            } else if (!item.isEmpty()) {
                throw new IllegalArgumentException(where + ": unknown '" + item
                        + "' (expected 'groups: a, b', 'admin' or 'sysadmin')");
            }
        }
        if (name.isEmpty() || password.isEmpty()) {
            throw new IllegalArgumentException(where + ": a user needs a name and a password");
        }
        add(name, password, admin, sysadmin, groups);
    }

    /** Adds or replaces a user; {@code admin} means Jira administrator, {@code sysadmin} system administrator. */
    public HostUsers add(String userName, boolean admin, boolean sysadmin, String... groups) {
        return add(userName, null, admin, sysadmin, groups);
    }

    /** As {@link #add(String, boolean, boolean, String...)}, with a password to log in with ({@code null}: none). */
    public HostUsers add(String userName, String password, boolean admin, boolean sysadmin, String... groups) {
        Set<String> groupSet = new TreeSet<>(Set.of(groups));
        byName.put(userName.toLowerCase(Locale.ROOT), new User(new UserKey("key-" + userName), userName,
                userName, userName + "@example.com", groupSet, admin, sysadmin, password));
        return this;
    }

    /** The names of all users, sorted. */
    public List<String> userNames() {
        return byName.values().stream().map(u -> u.name).sorted().collect(Collectors.toList());
    }

    /** Every group some user is in, sorted: the demo's group directory has no empty groups. */
    public List<String> groupNames() {
        return byName.values().stream().flatMap(u -> u.groups.stream()).distinct().sorted()
                .collect(Collectors.toList());
    }

    /** The groups of a user (empty for an unknown user). */
    public Set<String> groupsOf(String userName) {
        User user = userName == null ? null : byName.get(userName.toLowerCase(Locale.ROOT));
        return user == null ? Set.of() : user.groups;
    }

    /**
     * Makes {@code userName} the user of this thread until the returned scope is closed, as Jira's authentication
     * filter does for a request; {@code null} for an anonymous request.
     */
    public Scope actAs(String userName) {
        UserKey previous = current.get();
        current.set(userName == null ? null : require(userName).key);
        return () -> current.set(previous);
    }

    /** The user of a request, for {@link #actAs}; closing restores the thread's previous user. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
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
        // Jira's groups live in Crowd, which matches group names without regard to case (as HostGroupManager does).
        return user != null && group != null
                && user.groups.stream().anyMatch(g -> g.equalsIgnoreCase(group));
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
        User user = username == null ? null : byName.get(username.toLowerCase(Locale.ROOT));
        if (user == null || user.password == null || password == null) {
            return false;
        }
        return MessageDigest.isEqual(user.password.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
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
        private final String password;

        User(UserKey key, String name, String fullName, String email, Set<String> groups, boolean admin,
             boolean sysadmin, String password) {
            this.password = password;
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
