// Signature checked against ngannk-fptu/Decompiled-Files/com.atlassian.audit_atlassian-audit-api-1.16.2/com/atlassian/audit/api/AuditService.java (atlassian-audit-api 1.16.2).
package com.atlassian.audit.api;

import com.atlassian.audit.entity.AuditEvent;

public interface AuditService {

    void audit(AuditEvent event);
}
