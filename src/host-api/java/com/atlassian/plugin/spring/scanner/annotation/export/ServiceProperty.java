// Signature checked against ngannk-fptu/Decompiled-Files:com.atlassian.plugin.atlassian-spring-scanner-annotation-3.0.4/com/atlassian/plugin/spring/scanner/annotation/export/ServiceProperty.java (spring-scanner 3.0.4: no @Retention/@Target in the decompiled class; no 6.x source found).
package com.atlassian.plugin.spring.scanner.annotation.export;

public @interface ServiceProperty {

    String key();

    String value();
}
