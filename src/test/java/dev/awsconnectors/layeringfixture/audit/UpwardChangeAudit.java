package dev.awsconnectors.layeringfixture.audit;

import dev.awsconnectors.layeringfixture.web.admin.AdminPage;

/** Reaches up into a page, as the audit once did for key masking: an upward reach and a cycle. */
public final class UpwardChangeAudit {
    public String keyAttribute(String id) {
        return AdminPage.shown(id);
    }
}
