// Signature checked against ngannk-fptu/Decompiled-Files/com.atlassian.audit_atlassian-audit-api-1.16.2/com/atlassian/audit/entity/ChangedValue.java (atlassian-audit-api 1.16.2; deprecated constructors left out).
package com.atlassian.audit.entity;

import java.util.Objects;

public class ChangedValue {

    private final String i18nKey;
    private final String key;
    private final String from;
    private final String to;

    public ChangedValue(Builder builder) {
        this.i18nKey = Objects.requireNonNull(builder.i18nKey, "i18nKey");
        this.key = builder.keyTranslation;
        this.from = builder.from;
        this.to = builder.to;
    }

    public static Builder fromI18nKeys(String i18nKey) {
        return new Builder(i18nKey);
    }

    public String getI18nKey() {
        return i18nKey;
    }

    public String getKey() {
        return key;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangedValue c && i18nKey.equals(c.i18nKey) && Objects.equals(key, c.key)
                && Objects.equals(from, c.from) && Objects.equals(to, c.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(i18nKey, key, from, to);
    }

    @Override
    public String toString() {
        return "ChangedValue[" + i18nKey + ": " + from + " -> " + to + "]";
    }

    public static class Builder {

        private final String i18nKey;
        private String keyTranslation;
        private String from;
        private String to;

        public Builder(String i18nKey) {
            this.i18nKey = Objects.requireNonNull(i18nKey, "i18nKey");
        }

        public Builder withKeyTranslation(String keyTranslation) {
            this.keyTranslation = keyTranslation;
            return this;
        }

        public Builder from(String from) {
            this.from = from;
            return this;
        }

        public Builder to(String to) {
            this.to = to;
            return this;
        }

        public ChangedValue build() {
            return new ChangedValue(this);
        }
    }
}
