// Signature checked against ngannk-fptu/Decompiled-Files/com.atlassian.audit_atlassian-audit-api-1.16.2/com/atlassian/audit/entity/AuditType.java (atlassian-audit-api 1.16.2; deprecated members left out).
package com.atlassian.audit.entity;

import java.util.Objects;

public class AuditType {

    private final CoverageArea area;
    private final CoverageLevel level;
    private final String categoryI18nKey;
    private final String actionI18nKey;
    private final String category;
    private final String action;

    private AuditType(Builder b) {
        this.area = Objects.requireNonNull(b.area, "area");
        this.level = Objects.requireNonNull(b.level, "level");
        this.categoryI18nKey = Objects.requireNonNull(b.categoryI18nKey, "categoryI18nKey");
        this.actionI18nKey = Objects.requireNonNull(b.actionI18nKey, "actionI18nKey");
        this.category = b.category;
        this.action = b.action;
    }

    public static Builder fromI18nKeys(CoverageArea area, CoverageLevel level, String categoryI18nKey, String actionI18nKey) {
        return new Builder(area, level, categoryI18nKey, actionI18nKey);
    }

    public static Builder builder(AuditType auditType) {
        return new Builder(auditType.area, auditType.level, auditType.categoryI18nKey, auditType.actionI18nKey)
                .withCategoryTranslation(auditType.category)
                .withActionTranslation(auditType.action);
    }

    public CoverageArea getArea() {
        return area;
    }

    public CoverageLevel getLevel() {
        return level;
    }

    public String getCategoryI18nKey() {
        return categoryI18nKey;
    }

    public String getCategory() {
        return category;
    }

    public String getActionI18nKey() {
        return actionI18nKey;
    }

    public String getAction() {
        return action;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditType t && area == t.area && level == t.level
                && categoryI18nKey.equals(t.categoryI18nKey) && actionI18nKey.equals(t.actionI18nKey)
                && Objects.equals(category, t.category) && Objects.equals(action, t.action);
    }

    @Override
    public int hashCode() {
        return Objects.hash(area, level, categoryI18nKey, actionI18nKey, category, action);
    }

    @Override
    public String toString() {
        return "AuditType[" + area + "/" + level + ", " + categoryI18nKey + ", " + actionI18nKey + "]";
    }

    public static class Builder {

        private final CoverageArea area;
        private final CoverageLevel level;
        private final String categoryI18nKey;
        private final String actionI18nKey;
        private String category;
        private String action;

        private Builder(CoverageArea area, CoverageLevel level, String categoryI18nKey, String actionI18nKey) {
            this.area = Objects.requireNonNull(area, "area");
            this.level = Objects.requireNonNull(level, "level");
            this.categoryI18nKey = Objects.requireNonNull(categoryI18nKey, "categoryI18nKey");
            this.actionI18nKey = Objects.requireNonNull(actionI18nKey, "actionI18nKey");
        }

        public Builder withCategoryTranslation(String category) {
            this.category = category;
            return this;
        }

        public Builder withActionTranslation(String action) {
            this.action = action;
            return this;
        }

        public AuditType build() {
            return new AuditType(this);
        }
    }
}
