// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.plugin.atlassian-spring-scanner-annotation-3.0.4/com/atlassian/plugin/spring/scanner/annotation/export/ExportAsService.java (spring-scanner 3.0.4, Platform 6; no 6.x source found).
package com.atlassian.plugin.spring.scanner.annotation.export;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target({ElementType.TYPE, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ExportAsService {

    Class<?>[] value() default {};

    ServiceProperty[] properties() default {};
}
