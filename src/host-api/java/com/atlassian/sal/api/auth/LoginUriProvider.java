// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.sal_sal-api-5.1.4/com/atlassian/sal/api/auth/LoginUriProvider.java (sal-api 5.1.4, Platform 6); getLoginUri(URI) is also called by atlassian-labs/atlassian-slack-integration-server master (Platform 8) LoginRedirectionManager.
package com.atlassian.sal.api.auth;

import java.net.URI;

public interface LoginUriProvider {

    URI getLoginUri(URI returnUri);
}
