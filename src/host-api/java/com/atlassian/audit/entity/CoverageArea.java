// Signature checked against ngannk-fptu/Decompiled-Files/com.atlassian.audit_atlassian-audit-api-1.16.2/com/atlassian/audit/entity/CoverageArea.java (atlassian-audit-api 1.16.2).
package com.atlassian.audit.entity;

public enum CoverageArea {
    AUDIT_LOG,
    GLOBAL_CONFIG_AND_ADMINISTRATION,
    USER_MANAGEMENT,
    PERMISSIONS,
    LOCAL_CONFIG_AND_ADMINISTRATION,
    SECURITY,
    END_USER_ACTIVITY,
    ECOSYSTEM
}
