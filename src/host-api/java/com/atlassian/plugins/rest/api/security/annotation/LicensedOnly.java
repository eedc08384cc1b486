// Retention/targets checked against ngannk-fptu/Decompiled-Files:com.atlassian.plugins.rest.atlassian-rest-module-7.1.9/com/atlassian/plugins/rest/common/security/LicensedOnly.java (REST v1 7.1.9, Platform 6; v2 source not found); v2 package confirmed by an import found via find_string.
package com.atlassian.plugins.rest.api.security.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
@Retention(RetentionPolicy.RUNTIME)
public @interface LicensedOnly {
}
