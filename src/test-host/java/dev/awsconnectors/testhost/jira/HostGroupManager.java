package dev.awsconnectors.testhost.jira;

import com.atlassian.jira.security.groups.GroupManager;
import dev.awsconnectors.testhost.sal.HostUsers;

import java.util.Locale;
import java.util.Objects;

/**
 * Jira's {@link GroupManager} over the demo's user directory: a group exists while some user is in it. Jira keeps
 * groups in Crowd, whose names are matched without regard to case, so {@code AWS-Developers} exists when
 * {@code aws-developers} does; that is how Jira is understood to behave, not established from a public source of
 * Jira 11.
 */
public final class HostGroupManager implements GroupManager {
    private final HostUsers users;

    public HostGroupManager(HostUsers users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public boolean groupExists(String groupName) {
        if (groupName == null) {
            return false;
        }
        String wanted = groupName.toLowerCase(Locale.ROOT);
        return users.groupNames().stream().anyMatch(g -> g.toLowerCase(Locale.ROOT).equals(wanted));
    }
}
