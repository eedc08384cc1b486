// Signature checked against ngannk-fptu/Decompiled-Files/com.atlassian.activeobjects.activeobjects-plugin-5.2.1/net/java/ao/Query.java (activeobjects 5.2.1; same calls compiled by atlassian-slack-integration-server master on platform 8.0.0).
package net.java.ao;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public class Query implements Serializable {

    private final String fields;
    private boolean distinct;
    private String whereClause;
    private Object[] whereParams;
    private String orderClause;
    private int limit = -1;
    private int offset = -1;

    private Query(String fields) {
        if (fields != null && fields.contains("*")) {
            throw new IllegalArgumentException("fields must not contain '*': " + fields);
        }
        this.fields = fields;
    }

    public static Query select() {
        return new Query(null);
    }

    public static Query select(String fields) {
        return new Query(fields);
    }

    public Query distinct() {
        distinct = true;
        return this;
    }

    public Query where(String clause, Object... params) {
        whereClause = clause;
        whereParams = params;
        return this;
    }

    public Query order(String clause) {
        orderClause = clause;
        return this;
    }

    public Query limit(int limit) {
        this.limit = limit;
        return this;
    }

    public Query offset(int offset) {
        this.offset = offset;
        return this;
    }

    public Iterable<String> getFields() {
        if (fields == null) {
            return Collections.emptyList();
        }
        List<String> names = new ArrayList<>();
        for (String name : fields.split(",")) {
            names.add(name.trim());
        }
        return names;
    }

    public boolean isDistinct() {
        return distinct;
    }

    public String getWhereClause() {
        return whereClause;
    }

    public Object[] getWhereParams() {
        return whereParams;
    }

    public String getOrderClause() {
        return orderClause;
    }

    public int getLimit() {
        return limit;
    }

    public int getOffset() {
        return offset;
    }
}
