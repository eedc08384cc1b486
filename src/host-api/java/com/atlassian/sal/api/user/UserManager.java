// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.sal_sal-api-5.1.4/com/atlassian/sal/api/user/UserManager.java (sal-api 5.1.4, Platform 6); servlet type moved to jakarta for Platform 8 (atlassian-labs/atlassian-slack-integration-server master, platform 8.0.0, passes jakarta requests to SAL).
package com.atlassian.sal.api.user;

import jakarta.servlet.http.HttpServletRequest;

public interface UserManager {

    UserProfile getRemoteUser();

    UserKey getRemoteUserKey();

    UserProfile getRemoteUser(HttpServletRequest request);

    UserProfile getUserProfile(String username);

    UserProfile getUserProfile(UserKey userKey);

    boolean isUserInGroup(UserKey userKey, String group);

    boolean isSystemAdmin(UserKey userKey);

    boolean isAdmin(UserKey userKey);

    boolean authenticate(String username, String password);

    Iterable<String> findGroupNamesByPrefix(String prefix, int startIndex, int maxResults);
}
