// Retention/targets checked against ngannk-fptu/Decompiled-Files:com.atlassian.plugins.rest.atlassian-rest-module-7.1.9/com/atlassian/plugins/rest/common/security/AdminOnly.java (REST v1 7.1.9, Platform 6; v2 source not found); v2 package listed for REST v2 in developer.atlassian.com/platform/marketplace/dc-apps-platform-7-preparing-for-secure-endpoints, no direct v2 import found.
package com.atlassian.plugins.rest.api.security.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AdminOnly {
}
