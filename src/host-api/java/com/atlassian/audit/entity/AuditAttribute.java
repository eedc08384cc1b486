// Signature checked against ngannk-fptu/Decompiled-Files/com.atlassian.audit_atlassian-audit-api-1.16.2/com/atlassian/audit/entity/AuditAttribute.java (atlassian-audit-api 1.16.2; deprecated constructor left out).
package com.atlassian.audit.entity;

import java.util.Objects;

public class AuditAttribute {

    private final String nameI18nKey;
    private final String name;
    private final String value;

    private AuditAttribute(Builder b) {
        this.nameI18nKey = Objects.requireNonNull(b.nameI18nKey, "nameI18nKey");
        this.name = b.name;
        this.value = b.value;
    }

    public static Builder fromI18nKeys(String nameI18nKey, String value) {
        return new Builder(nameI18nKey, value);
    }

    public String getNameI18nKey() {
        return nameI18nKey;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditAttribute a && nameI18nKey.equals(a.nameI18nKey)
                && Objects.equals(name, a.name) && Objects.equals(value, a.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nameI18nKey, name, value);
    }

    @Override
    public String toString() {
        return "AuditAttribute[" + nameI18nKey + "=" + value + "]";
    }

    public static class Builder {

        private final String nameI18nKey;
        private final String value;
        private String name;

        public Builder(String nameI18nKey, String value) {
            this.nameI18nKey = Objects.requireNonNull(nameI18nKey, "nameI18nKey");
            this.value = value;
        }

        public Builder withNameTranslation(String name) {
            this.name = name;
            return this;
        }

        public AuditAttribute build() {
            return new AuditAttribute(this);
        }
    }
}
