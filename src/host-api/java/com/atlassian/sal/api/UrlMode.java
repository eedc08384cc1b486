// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.sal_sal-api-5.1.4/com/atlassian/sal/api/UrlMode.java (sal-api 5.1.4; no Platform 8 source found).
package com.atlassian.sal.api;

public enum UrlMode {
    CANONICAL,
    ABSOLUTE,
    RELATIVE,
    RELATIVE_CANONICAL,
    AUTO
}
