// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.sal_sal-api-5.1.4/com/atlassian/sal/api/message/I18nResolver.java (sal-api 5.1.4: no super-interface); getRawText(String) also used by atlassian-slack-integration-server master (Platform 8).
package com.atlassian.sal.api.message;

import java.io.Serializable;

public interface I18nResolver {

    String getRawText(String key);

    String getText(String key, Serializable... arguments);

    String getText(String key);
}
