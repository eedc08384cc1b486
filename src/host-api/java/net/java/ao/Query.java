// Signature checked against ngannk-fptu/Decompiled-Files/com.atlassian.activeobjects.activeobjects-plugin-5.2.1/net/java/ao/Query.java (activeobjects 5.2.1; same calls compiled by atlassian-slack-integration-server master on platform 8.0.0).
// alias, getAlias, join and getJoins as there: "public Query alias(Class<? extends RawEntity<?>> table, String alias)",
// "public String getAlias(Class<? extends RawEntity<?>> table)", "public Query join(Class<? extends RawEntity<?>> join,
// String on)", "public Map<Class<? extends RawEntity<?>>, String> getJoins()" (joins kept in insertion order).
package net.java.ao;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class Query implements Serializable {

    private final String fields;
    private boolean distinct;
    private String whereClause;
    private Object[] whereParams;
    private String orderClause;
    private int limit = -1;
    private int offset = -1;
    private final Map<Class<? extends RawEntity<?>>, String> joins = new LinkedHashMap<>();
    private final Map<Class<? extends RawEntity<?>>, String> aliases = new HashMap<>();

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

    /** AO refuses an alias given twice with its {@code ActiveObjectsException}; this copy with the same text. */
    public Query alias(Class<? extends RawEntity<?>> table, String alias) {
        if (aliases.containsValue(alias)) {
            throw new IllegalStateException("There is already a table aliased '" + alias + "' for this query!");
        }
        aliases.put(table, alias);
        return this;
    }

    public String getAlias(Class<? extends RawEntity<?>> table) {
        return aliases.get(table);
    }

    public Query join(Class<? extends RawEntity<?>> join, String on) {
        joins.put(join, on);
        return this;
    }

    public Map<Class<? extends RawEntity<?>>, String> getJoins() {
        return Collections.unmodifiableMap(joins);
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
