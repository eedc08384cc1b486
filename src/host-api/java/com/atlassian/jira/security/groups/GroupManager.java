// Signature checked against Atlassian's Jira Java API reference, docs.atlassian.com/software/jira/docs/api/10.3.1,
// com.atlassian.jira.security.groups.GroupManager: "boolean groupExists(String groupName)", since v3.13 (the same
// method is in the 4.4 and 7.x references); no public Jira 11 copy of this interface was found. Only the method the
// app uses is kept.
package com.atlassian.jira.security.groups;

public interface GroupManager {

    boolean groupExists(String groupName);
}
