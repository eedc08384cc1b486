// Signature checked against ngannk-fptu/Decompiled-Files/com.atlassian.audit_atlassian-audit-api-1.16.2/com/atlassian/audit/entity/AuditEvent.java (atlassian-audit-api 1.16.2; deprecated members left out).
package com.atlassian.audit.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

public class AuditEvent {

    private final String categoryI18nKey;
    private final String actionI18nKey;
    private final CoverageLevel level;
    private final CoverageArea area;
    private final List<AuditResource> affectedObjects;
    private final List<ChangedValue> changedValues;
    private final Set<AuditAttribute> extraAttributes;

    private AuditEvent(Builder b) {
        this.categoryI18nKey = Objects.requireNonNull(b.categoryI18nKey, "categoryI18nKey");
        this.actionI18nKey = Objects.requireNonNull(b.actionI18nKey, "actionI18nKey");
        this.level = Objects.requireNonNull(b.level, "level");
        this.area = b.area;
        this.affectedObjects = Collections.unmodifiableList(new ArrayList<>(b.affectedObjects));
        this.changedValues = Collections.unmodifiableList(new ArrayList<>(b.changedValues));
        this.extraAttributes = Collections.unmodifiableSet(new LinkedHashSet<>(b.extraAttributes));
    }

    public static Builder builder(AuditType type) {
        return new Builder(type);
    }

    public static Builder fromI18nKeys(String categoryI18nKey, String actionI18nKey, CoverageLevel level, CoverageArea area) {
        return new Builder(categoryI18nKey, actionI18nKey, level, area);
    }

    public static Builder fromI18nKeys(String categoryI18nKey, String actionI18nKey, CoverageLevel level) {
        return new Builder(categoryI18nKey, actionI18nKey, level, null);
    }

    public String getCategoryI18nKey() {
        return categoryI18nKey;
    }

    public String getActionI18nKey() {
        return actionI18nKey;
    }

    public CoverageLevel getLevel() {
        return level;
    }

    public CoverageArea getArea() {
        return area;
    }

    public List<AuditResource> getAffectedObjects() {
        return affectedObjects;
    }

    public List<ChangedValue> getChangedValues() {
        return changedValues;
    }

    public Collection<AuditAttribute> getExtraAttributes() {
        return extraAttributes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditEvent e && categoryI18nKey.equals(e.categoryI18nKey)
                && actionI18nKey.equals(e.actionI18nKey) && level == e.level && area == e.area
                && affectedObjects.equals(e.affectedObjects) && changedValues.equals(e.changedValues)
                && extraAttributes.equals(e.extraAttributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(categoryI18nKey, actionI18nKey, level, area, affectedObjects, changedValues, extraAttributes);
    }

    @Override
    public String toString() {
        return "AuditEvent[" + categoryI18nKey + ", " + actionI18nKey + ", " + level + ", " + area
                + ", affected=" + affectedObjects + ", changed=" + changedValues + ", extra=" + extraAttributes + "]";
    }

    public static class Builder {

        private String categoryI18nKey;
        private String actionI18nKey;
        private CoverageLevel level;
        private CoverageArea area;
        private List<AuditResource> affectedObjects = new ArrayList<>();
        private List<ChangedValue> changedValues = new ArrayList<>();
        private Set<AuditAttribute> extraAttributes = new LinkedHashSet<>();

        public Builder(AuditType type) {
            this(type.getCategoryI18nKey(), type.getActionI18nKey(), type.getLevel(), type.getArea());
        }

        public Builder(AuditEvent event) {
            this(event.categoryI18nKey, event.actionI18nKey, event.level, event.area);
            affectedObjects.addAll(event.affectedObjects);
            changedValues.addAll(event.changedValues);
            extraAttributes.addAll(event.extraAttributes);
        }

        private Builder(String categoryI18nKey, String actionI18nKey, CoverageLevel level, CoverageArea area) {
            this.categoryI18nKey = Objects.requireNonNull(categoryI18nKey, "categoryI18nKey");
            this.actionI18nKey = Objects.requireNonNull(actionI18nKey, "actionI18nKey");
            this.level = Objects.requireNonNull(level, "level");
            this.area = area;
        }

        public Builder categoryI18nKey(String categoryI18nKey) {
            this.categoryI18nKey = Objects.requireNonNull(categoryI18nKey);
            return this;
        }

        public Builder actionI18nKey(String actionI18nKey) {
            this.actionI18nKey = Objects.requireNonNull(actionI18nKey);
            return this;
        }

        public Builder level(CoverageLevel level) {
            this.level = Objects.requireNonNull(level);
            return this;
        }

        public Builder area(CoverageArea area) {
            this.area = Objects.requireNonNull(area);
            return this;
        }

        public Builder affectedObject(AuditResource affectedObject) {
            affectedObjects.add(Objects.requireNonNull(affectedObject));
            return this;
        }

        public Builder affectedObjects(List<AuditResource> affectedObjects) {
            this.affectedObjects = new ArrayList<>(Objects.requireNonNull(affectedObjects));
            return this;
        }

        public Builder appendAffectedObjects(List<AuditResource> affectedObjects) {
            this.affectedObjects.addAll(Objects.requireNonNull(affectedObjects));
            return this;
        }

        public Builder changedValue(ChangedValue changedValue) {
            changedValues.add(Objects.requireNonNull(changedValue));
            return this;
        }

        public Builder changedValues(List<ChangedValue> changedValues) {
            this.changedValues = new ArrayList<>(Objects.requireNonNull(changedValues));
            return this;
        }

        public Builder appendChangedValues(Collection<ChangedValue> changedValues) {
            this.changedValues.addAll(Objects.requireNonNull(changedValues));
            return this;
        }

        public Builder addChangedValueIfDifferent(ChangedValue changedValue) {
            if (!Objects.equals(changedValue.getFrom(), changedValue.getTo())) {
                changedValue(changedValue);
            }
            return this;
        }

        public Builder extraAttribute(AuditAttribute extraAttribute) {
            extraAttributes.add(Objects.requireNonNull(extraAttribute));
            return this;
        }

        public Builder extraAttributes(Collection<AuditAttribute> extraAttributes) {
            this.extraAttributes = new LinkedHashSet<>(Objects.requireNonNull(extraAttributes));
            return this;
        }

        public Builder appendExtraAttributes(Collection<AuditAttribute> extraAttributes) {
            this.extraAttributes.addAll(Objects.requireNonNull(extraAttributes));
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(this);
        }
    }
}
