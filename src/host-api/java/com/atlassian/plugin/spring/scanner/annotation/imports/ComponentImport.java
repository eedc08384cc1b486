// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.plugin.atlassian-spring-scanner-annotation-3.0.4/com/atlassian/plugin/spring/scanner/annotation/imports/ComponentImport.java (spring-scanner 3.0.4, Platform 6; Platform 8 uses 6.0.0 per atlassian-slack-integration-server master, whose @ComponentImport("name") fields match this shape).
package com.atlassian.plugin.spring.scanner.annotation.imports;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ComponentImport {

    String value() default "";
}
