package dev.awsconnectors.connectors;

/**
 * Jira's groups, as far as a connector's editor needs them: whether a name is one of them. Group names are Jira's,
 * which compares them without regard to case.
 */
public interface GroupDirectory {

    /** Whether Jira has a group of this name now. */
    boolean exists(String groupName);
}
