// Signature checked against ngannk-fptu/Decompiled-Files/com.atlassian.audit_atlassian-audit-api-1.16.2/com/atlassian/audit/entity/CoverageLevel.java (atlassian-audit-api 1.16.2).
package com.atlassian.audit.entity;

public enum CoverageLevel {
    BASE,
    ADVANCED,
    FULL
}
