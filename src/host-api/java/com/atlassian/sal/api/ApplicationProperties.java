// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.sal_sal-api-5.1.4/com/atlassian/sal/api/ApplicationProperties.java (sal-api 5.1.4); deprecated getHomeDirectory() left out (no Platform 8 evidence it survives). getBaseUrl(UrlMode)/getDisplayName() used by atlassian-slack-integration-server master (Platform 8).
package com.atlassian.sal.api;

import java.nio.file.Path;
import java.util.Optional;

public interface ApplicationProperties {

    String getBaseUrl(UrlMode urlMode);

    String getDisplayName();

    Optional<Path> getLocalHomeDirectory();

    Optional<Path> getSharedHomeDirectory();
}
