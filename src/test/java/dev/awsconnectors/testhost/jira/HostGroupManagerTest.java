package dev.awsconnectors.testhost.jira;

import dev.awsconnectors.testhost.sal.HostUsers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's GroupManager: the groups of its users, names matched without regard to case as Crowd does. */
class HostGroupManagerTest {
    private final HostUsers users = new HostUsers().add("admin", true, false, "jira-administrators")
            .add("alice", false, false, "aws-developers", "aws-ops").add("bob", false, false);
    private final HostGroupManager groups = new HostGroupManager(users);

    @Test
    void aGroupExistsWhileSomeUserIsInIt() {
        assertThat(groups.groupExists("aws-developers")).isTrue();
        assertThat(groups.groupExists("aws-ops")).isTrue();
        assertThat(groups.groupExists("aws-develpers")).isFalse();
        assertThat(groups.groupExists("")).isFalse();
        assertThat(groups.groupExists(null)).isFalse();
    }

    @Test
    void groupNamesMatchWithoutRegardToCaseForExistenceAndMembership() {
        assertThat(groups.groupExists("AWS-Developers")).isTrue();
        assertThat(users.isUserInGroup(users.getUserProfile("alice").getUserKey(), "AWS-Developers")).isTrue();
        assertThat(users.isUserInGroup(users.getUserProfile("bob").getUserKey(), "aws-developers")).isFalse();
    }

    @Test
    void everyGroupIsListedOnceSorted() {
        assertThat(users.groupNames()).containsExactly("aws-developers", "aws-ops", "jira-administrators");
    }
}
