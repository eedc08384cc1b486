package dev.awsconnectors.testhost.plugin;

import com.atlassian.plugin.web.api.WebItem;
import com.atlassian.plugin.web.api.provider.WebItemProvider;
import com.atlassian.sal.api.user.UserManager;

import java.util.List;
import java.util.Map;

/**
 * A web-item provider for loader tests: its constructor argument proves constructor autowiring from the imports;
 * it provides two items named after the current user, at weights 10 and 20.
 */
public class FixtureItemProvider implements WebItemProvider {
    private final UserManager users;

    public FixtureItemProvider(UserManager users) {
        this.users = users;
    }

    @Override
    public Iterable<WebItem> getItems(Map<String, Object> context) {
        String user = users.getRemoteUser() == null ? "anonymous" : users.getRemoteUser().getUsername();
        return List.of(item("provided-1", user + " 1", 10), item("provided-2", user + " 2", 20));
    }

    private static WebItem item(String id, String label, int weight) {
        return new HostWebItem("fixture.plugin:" + id, label, null, id, weight, "fixture-top/first",
                "/jira/provided/" + id);
    }
}
