// Signature checked against ngannk-fptu/Decompiled-Files/com.atlassian.audit_atlassian-audit-api-1.16.2/com/atlassian/audit/entity/AuditResource.java (atlassian-audit-api 1.16.2).
package com.atlassian.audit.entity;

import java.util.Objects;

public class AuditResource {

    private final String name;
    private final String type;
    private final String uri;
    private final String id;

    private AuditResource(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.uri = b.uri;
        this.id = b.id;
    }

    public static Builder builder(String name, String type) {
        return new Builder(name, type);
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public String getUri() {
        return uri;
    }

    public String getId() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditResource r && name.equals(r.name) && type.equals(r.type)
                && Objects.equals(uri, r.uri) && Objects.equals(id, r.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, uri, id);
    }

    @Override
    public String toString() {
        return "AuditResource[" + type + " " + name + " id=" + id + "]";
    }

    public static class Builder {

        private String name;
        private String type;
        private String uri;
        private String id;

        private Builder(String name, String type) {
            this.name = name;
            this.type = type;
        }

        public Builder(AuditResource resource) {
            this.name = resource.name;
            this.type = resource.type;
            this.uri = resource.uri;
            this.id = resource.id;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder uri(String uri) {
            this.uri = uri;
            return this;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public AuditResource build() {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            return new AuditResource(this);
        }
    }
}
