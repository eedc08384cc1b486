// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.sal_sal-api-5.1.4/com/atlassian/sal/api/websudo/WebSudoSessionException.java (sal-api 5.1.4: extends RuntimeException directly); String constructor used by atlassian-slack-integration-server master tests (Platform 8).
package com.atlassian.sal.api.websudo;

public class WebSudoSessionException extends RuntimeException {

    public WebSudoSessionException() {
        super();
    }

    public WebSudoSessionException(String message) {
        super(message);
    }

    public WebSudoSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
