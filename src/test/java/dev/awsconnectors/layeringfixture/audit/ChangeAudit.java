package dev.awsconnectors.layeringfixture.audit;

import dev.awsconnectors.layeringfixture.accounts.KeyMasking;

/** Reaches down only. */
public final class ChangeAudit {
    public String keyAttribute(String id) {
        return KeyMasking.masked(id);
    }
}
