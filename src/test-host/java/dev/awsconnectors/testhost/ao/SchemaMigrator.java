package dev.awsconnectors.testhost.ao;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import net.java.ao.RawEntity;

/**
 * AO's non-destructive {@code migrate}: creates missing tables (referenced tables first), adds missing columns,
 * unique constraints, foreign keys and indexes, and leaves everything that is already there alone, so running it
 * twice changes nothing. What exists is read from {@link DatabaseMetaData}, as AO's {@code SchemaReader} does.
 * Unlike AO it never alters a column's type or nullability, and never drops anything.
 */
final class SchemaMigrator {
    private final Dialect dialect;
    private final Function<Class<? extends RawEntity<?>>, EntityModel> models;

    SchemaMigrator(Dialect dialect, Function<Class<? extends RawEntity<?>>, EntityModel> models) {
        this.dialect = dialect;
        this.models = models;
    }

    /** The entities and everything they reference, referenced ones first (AO's topological order). */
    List<EntityModel> withDependencies(Class<? extends RawEntity<?>>[] entities) {
        Set<Class<? extends RawEntity<?>>> ordered = new LinkedHashSet<>();
        for (Class<? extends RawEntity<?>> entity : entities) {
            visit(entity, ordered, new HashSet<>());
        }
        return ordered.stream().map(models).toList();
    }

    void migrate(Connection connection, List<EntityModel> entities) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String schema = connection.getSchema();
        try (Statement statement = connection.createStatement()) {
            for (EntityModel entity : entities) {
                ExistingTable existing = ExistingTable.read(metaData, schema, entity.table);
                for (String sql : existing == null ? createTable(entity) : alterTable(entity, existing)) {
                    statement.executeUpdate(sql);
                }
            }
        }
    }

    private void visit(Class<? extends RawEntity<?>> entity, Set<Class<? extends RawEntity<?>>> ordered,
            Set<Class<? extends RawEntity<?>>> path) {
        if (ordered.contains(entity)) {
            return;
        }
        if (!path.add(entity)) {
            throw new ActiveObjectsException("Circular dependency detected");
        }
        for (ColumnMapping reference : models.apply(entity).referenceColumns()) {
            if (!reference.referencedType().equals(entity)) {
                visit(reference.referencedType(), ordered, path);
            }
        }
        path.remove(entity);
        ordered.add(entity);
    }

    private List<String> createTable(EntityModel entity) {
        StringJoiner parts = new StringJoiner(",\n    ", "CREATE TABLE " + dialect.quote(entity.table) + " (\n    ",
                "\n)");
        for (ColumnMapping column : entity.columns.values()) {
            parts.add(columnDefinition(column));
        }
        for (ColumnMapping column : entity.columns.values()) {
            if (column.unique) {
                parts.add(uniqueConstraint(entity, column));
            }
        }
        for (ColumnMapping column : entity.referenceColumns()) {
            parts.add(foreignKeyConstraint(entity, column));
        }
        parts.add("CONSTRAINT " + dialect.quote(entity.primaryKeyName()) + " PRIMARY KEY ("
                + dialect.quote(EntityModel.ID) + ")");
        List<String> statements = new ArrayList<>();
        statements.add(parts.toString());
        entity.indexes.forEach((name, columns) -> statements.add(createIndex(entity, name, columns)));
        return statements;
    }

    private List<String> alterTable(EntityModel entity, ExistingTable existing) {
        List<String> statements = new ArrayList<>();
        String table = dialect.quote(entity.table);
        for (ColumnMapping column : entity.columns.values()) {
            if (!existing.columns.contains(column.name)) {
                statements.add("ALTER TABLE " + table + " ADD COLUMN " + columnDefinition(column));
            }
        }
        for (ColumnMapping column : entity.columns.values()) {
            if (column.unique && !existing.uniqueColumns.contains(column.name)) {
                statements.add("ALTER TABLE " + table + " ADD " + uniqueConstraint(entity, column));
            }
        }
        for (ColumnMapping column : entity.referenceColumns()) {
            if (!existing.foreignKeyColumns.contains(column.name)) {
                statements.add("ALTER TABLE " + table + " ADD " + foreignKeyConstraint(entity, column));
            }
        }
        entity.indexes.forEach((name, columns) -> {
            if (!existing.indexes.contains(name)) {
                statements.add(createIndex(entity, name, columns));
            }
        });
        return statements;
    }

    private String columnDefinition(ColumnMapping column) {
        StringBuilder sql = new StringBuilder(dialect.quote(column.name)).append(' ').append(dialect.sqlType(column));
        if (column.defaultValue != null) {
            sql.append(" DEFAULT ").append(dialect.literal(column.defaultValue));
        }
        if (column.notNull) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    private String uniqueConstraint(EntityModel entity, ColumnMapping column) {
        return "CONSTRAINT " + dialect.quote(entity.uniqueName(column)) + " UNIQUE (" + dialect.quote(column.name)
                + ")";
    }

    private String foreignKeyConstraint(EntityModel entity, ColumnMapping column) {
        EntityModel referenced = models.apply(column.referencedType());
        return "CONSTRAINT " + dialect.quote(entity.foreignKeyName(column, dialect.maxIdentifierLength()))
                + " FOREIGN KEY (" + dialect.quote(column.name) + ") REFERENCES " + dialect.quote(referenced.table)
                + " (" + dialect.quote(EntityModel.ID) + ")";
    }

    private String createIndex(EntityModel entity, String name, List<String> columns) {
        StringJoiner quoted = new StringJoiner(", ");
        columns.forEach(column -> quoted.add(dialect.quote(column)));
        return "CREATE INDEX " + dialect.quote(name) + " ON " + dialect.quote(entity.table) + " (" + quoted + ")";
    }

    /** What the database already has of a table. */
    private record ExistingTable(Set<String> columns, Set<String> uniqueColumns, Set<String> foreignKeyColumns,
            Set<String> indexes) {

        static ExistingTable read(DatabaseMetaData metaData, String schema, String table) throws SQLException {
            if (!exists(metaData, schema, table)) {
                return null;
            }
            Set<String> columns = new HashSet<>();
            try (ResultSet rows = metaData.getColumns(null, schema, table, null)) {
                while (rows.next()) {
                    if (table.equals(rows.getString("TABLE_NAME"))) {
                        columns.add(rows.getString("COLUMN_NAME"));
                    }
                }
            }
            Set<String> foreignKeys = new HashSet<>();
            try (ResultSet rows = metaData.getImportedKeys(null, schema, table)) {
                while (rows.next()) {
                    foreignKeys.add(rows.getString("FKCOLUMN_NAME"));
                }
            }
            Set<String> indexes = new HashSet<>();
            Map<String, List<String>> uniqueIndexColumns = new HashMap<>();
            try (ResultSet rows = metaData.getIndexInfo(null, schema, table, false, false)) {
                while (rows.next()) {
                    String name = rows.getString("INDEX_NAME");
                    String column = rows.getString("COLUMN_NAME");
                    if (name == null || column == null) {
                        continue;
                    }
                    indexes.add(name);
                    if (!rows.getBoolean("NON_UNIQUE")) {
                        uniqueIndexColumns.computeIfAbsent(name, key -> new ArrayList<>()).add(column);
                    }
                }
            }
            Set<String> uniqueColumns = new HashSet<>();
            uniqueIndexColumns.values().stream().filter(list -> list.size() == 1)
                    .forEach(list -> uniqueColumns.add(list.get(0)));
            return new ExistingTable(columns, uniqueColumns, foreignKeys, indexes);
        }

        private static boolean exists(DatabaseMetaData metaData, String schema, String table) throws SQLException {
            try (ResultSet rows = metaData.getTables(null, schema, table, new String[] {"TABLE"})) {
                while (rows.next()) {
                    if (table.equals(rows.getString("TABLE_NAME"))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
