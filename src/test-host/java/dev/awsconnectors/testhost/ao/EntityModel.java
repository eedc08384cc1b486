package dev.awsconnectors.testhost.ao;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.java.ao.Entity;
import net.java.ao.OneToMany;
import net.java.ao.RawEntity;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexes;

/**
 * Everything the test host knows about one entity interface: its table, its columns, its one-to-many getters and
 * its indexes. Built once per interface and cached by {@link JdbcActiveObjects}; building it is where AO's
 * refusals of an invalid entity happen (name too long, reserved word, unsupported type, bad string length).
 */
final class EntityModel {
    static final String ID = "ID";

    /** ID first, then the other columns alphabetically, so generated DDL is the same on every JVM. */
    private static final Comparator<String> ID_FIRST =
            Comparator.comparing((String name) -> !name.equals(ID)).thenComparing(Comparator.naturalOrder());

    final Class<? extends RawEntity<?>> type;
    final String table;
    /** By column name, ID first. */
    final Map<String, ColumnMapping> columns;
    /** Composite and single-column indexes: index name → column names. */
    final Map<String, List<String>> indexes;
    private final Map<Method, ColumnMapping> byMethod;
    private final Map<Method, OneToMany> oneToMany;

    private EntityModel(Class<? extends RawEntity<?>> type, String table, Map<String, ColumnMapping> columns,
            Map<Method, ColumnMapping> byMethod, Map<Method, OneToMany> oneToMany) {
        this.type = type;
        this.table = table;
        this.columns = Collections.unmodifiableMap(columns);
        this.byMethod = Map.copyOf(byMethod);
        this.oneToMany = Map.copyOf(oneToMany);
        this.indexes = Collections.unmodifiableMap(indexesOf(type, table, columns));
    }

    static EntityModel of(Class<? extends RawEntity<?>> type, TableNames tableNames) {
        if (!type.isInterface() || !Entity.class.isAssignableFrom(type)) {
            throw new ActiveObjectsConfigurationException("The test host supports entity interfaces extending "
                    + Entity.class.getName() + " (integer ID) only: " + type.getName());
        }
        String table = tableNames.tableName(type);
        Map<String, Method> getters = new HashMap<>();
        Map<String, Method> setters = new HashMap<>();
        Map<Method, OneToMany> oneToMany = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (Method method : type.getMethods()) {
            OneToMany relation = method.getAnnotation(OneToMany.class);
            if (relation != null) {
                oneToMany.put(method, checkedOneToMany(method, relation));
                continue;
            }
            Optional<String> column = ColumnMapping.columnName(method);
            if (column.isEmpty()) {
                continue;
            }
            String name = column.get();
            if (!order.contains(name)) {
                order.add(name);
            }
            (ColumnMapping.isGetter(method) ? getters : setters).putIfAbsent(name, method);
        }
        order.sort(ID_FIRST);
        Map<String, ColumnMapping> columns = new LinkedHashMap<>();
        Map<Method, ColumnMapping> byMethod = new HashMap<>();
        for (String name : order) {
            ColumnMapping column = ColumnMapping.of(name, getters.get(name), setters.get(name));
            columns.put(name, column);
            if (column.getter != null) {
                byMethod.put(column.getter, column);
            }
            if (column.setter != null) {
                byMethod.put(column.setter, column);
            }
        }
        return new EntityModel(type, table, columns, byMethod, oneToMany);
    }

    ColumnMapping column(Method method) {
        return byMethod.get(method);
    }

    OneToMany oneToMany(Method method) {
        return oneToMany.get(method);
    }

    Collection<ColumnMapping> referenceColumns() {
        return columns.values().stream().filter(ColumnMapping::isEntityReference).toList();
    }

    /** AO's unique-constraint name: {@code U_<table>_<column>}, shortened to 30 characters. */
    String uniqueName(ColumnMapping column) {
        return Identifiers.shorten("U_" + table + "_" + column.name, Identifiers.MAX_LENGTH);
    }

    /** AO's foreign-key name: {@code fk_<table>_<column>} in lower case, shortened to the database's limit. */
    String foreignKeyName(ColumnMapping column, int maxIdentifierLength) {
        return Identifiers.shorten("fk_" + lower(table) + "_" + lower(column.name), maxIdentifierLength);
    }

    String primaryKeyName() {
        return "pk_" + lower(table) + "_" + lower(ID);
    }

    private static Map<String, List<String>> indexesOf(Class<?> type, String table,
            Map<String, ColumnMapping> columns) {
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        for (ColumnMapping column : columns.values()) {
            if (column.indexed) {
                indexes.put(indexName(table, column.name), List.of(column.name));
            }
        }
        Indexes composite = type.getAnnotation(Indexes.class);
        if (composite != null) {
            for (Index index : composite.value()) {
                List<String> names = new ArrayList<>();
                for (String methodName : index.methodNames()) {
                    names.add(columnOfMethod(type, methodName, columns));
                }
                indexes.put(indexName(table, index.name()), List.copyOf(names));
            }
        }
        return indexes;
    }

    /** AO's index name: {@code index_<table>_<column>} in lower case, shortened to 30 characters. */
    private static String indexName(String table, String column) {
        return Identifiers.shorten("index_" + lower(table) + "_" + lower(column), Identifiers.MAX_LENGTH);
    }

    private static String columnOfMethod(Class<?> type, String methodName, Map<String, ColumnMapping> columns) {
        for (ColumnMapping column : columns.values()) {
            if (column.getter != null && column.getter.getName().equals(methodName)
                    || column.setter != null && column.setter.getName().equals(methodName)) {
                return column.name;
            }
        }
        throw new ActiveObjectsConfigurationException("@Index of " + type.getName() + " names method '"
                + methodName + "', which is not a column's getter or setter");
    }

    private static OneToMany checkedOneToMany(Method method, OneToMany relation) {
        Class<?> returned = method.getReturnType();
        if (!returned.isArray() || !RawEntity.class.isAssignableFrom(returned.getComponentType())) {
            throw new ActiveObjectsConfigurationException(method + " has a OneToMany annotation but does not "
                    + "return an array of entities");
        }
        if (!relation.reverse().isEmpty()) {
            try {
                returned.getComponentType().getMethod(relation.reverse());
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(method + " has a OneToMany annotation with an invalid reverse "
                        + "element value. It must be the name of the corresponding getter method on the related "
                        + "entity.", e);
            }
        }
        return relation;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ENGLISH);
    }
}
