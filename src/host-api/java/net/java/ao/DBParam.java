// Signature checked against ngannk-fptu/Decompiled-Files/com.atlassian.activeobjects.activeobjects-plugin-5.2.1/net/java/ao/DBParam.java (activeobjects 5.2.1).
package net.java.ao;

import java.util.Objects;

public class DBParam {

    private final String field;
    private final Object value;

    public DBParam(String field, Object value) {
        this.field = Objects.requireNonNull(field, "field");
        this.value = value;
    }

    public String getField() {
        return field;
    }

    public Object getValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DBParam other && field.equals(other.field) && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, value);
    }
}
