// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.sal_sal-api-5.1.4/com/atlassian/sal/api/xsrf/XsrfTokenValidator.java (sal-api 5.1.4); servlet type moved to jakarta for Platform 8 (no Platform 8 source of this type found).
package com.atlassian.sal.api.xsrf;

import jakarta.servlet.http.HttpServletRequest;

public interface XsrfTokenValidator {

    boolean validateFormEncodedToken(HttpServletRequest request);

    String getXsrfParameterName();
}
