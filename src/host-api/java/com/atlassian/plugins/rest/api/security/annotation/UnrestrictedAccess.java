// Retention/targets checked against ngannk-fptu/Decompiled-Files:com.atlassian.plugins.rest.atlassian-rest-module-7.1.9/com/atlassian/plugins/rest/common/security/UnrestrictedAccess.java (REST v1 7.1.9, Platform 6; v2 source not found); v2 package confirmed by atlassian-slack-integration-server master imports (Platform 8).
package com.atlassian.plugins.rest.api.security.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
@Retention(RetentionPolicy.RUNTIME)
public @interface UnrestrictedAccess {
}
