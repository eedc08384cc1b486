// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.sal_sal-api-5.1.4/com/atlassian/sal/api/user/UserProfile.java (sal-api 5.1.4, Platform 6; no Platform 8 source found).
package com.atlassian.sal.api.user;

public interface UserProfile {

    UserKey getUserKey();

    String getUsername();

    String getFullName();

    String getEmail();
}
