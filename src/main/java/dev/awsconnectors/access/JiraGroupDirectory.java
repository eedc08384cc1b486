package dev.awsconnectors.access;

import com.atlassian.jira.security.groups.GroupManager;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.awsconnectors.connectors.GroupDirectory;
import org.springframework.stereotype.Component;

import java.util.Objects;

/** {@link GroupDirectory} on Jira's own {@link GroupManager}, which asks every user directory Jira is connected to. */
@Component
public class JiraGroupDirectory implements GroupDirectory {
    private final GroupManager groupManager;

    public JiraGroupDirectory(@ComponentImport GroupManager groupManager) {
        this.groupManager = Objects.requireNonNull(groupManager, "groupManager");
    }

    @Override
    public boolean exists(String groupName) {
        return groupName != null && groupManager.groupExists(groupName);
    }
}
