package dev.awsconnectors.layeringfixture.web.admin;

import dev.awsconnectors.layeringfixture.audit.ChangeAudit;

/** Reaches down only. */
public final class AdminPage {
    private AdminPage() {
    }

    public static String shown(String id) {
        return new ChangeAudit().keyAttribute(id);
    }
}
