package dev.awsconnectors.testhost.ao;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.sal.api.transaction.TransactionCallback;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.java.ao.DBParam;
import net.java.ao.OneToMany;
import net.java.ao.Query;
import net.java.ao.RawEntity;

/**
 * A JDBC implementation of the part of Active Objects the app uses, so the app's real entities and repositories
 * run against real databases (H2 2.x, PostgreSQL) in tests and in the demo host, with AO's table and column names,
 * types, constraints and refusals. Built from a {@link DataSource} (the caller owns and closes it; no pool is
 * needed, a connection is taken per statement outside transactions and per transaction inside) and the AO
 * namespace, which inside Jira is the plugin key unless {@code <ao namespace>} says otherwise.
 *
 * <p>Supported: entities extending {@code net.java.ao.Entity}; String, int/Integer, long/Long, boolean/Boolean,
 * double/Double, java.util.Date, enums and references to other entities; {@code @OneToMany}. Not supported (an
 * exception says so): {@code @ManyToMany}, {@code migrateDestructively}, custom primary keys.
 */
public final class JdbcActiveObjects implements ActiveObjects {
    /** AO refuses a plugin with more entities than this. */
    public static final int MAX_ENTITIES = 200;

    private final Dialect dialect;
    private final TableNames tableNames;
    private final ThreadTransactions transactions;
    private final String databaseDescription;
    private final ConcurrentMap<Class<?>, EntityModel> models = new ConcurrentHashMap<>();

    /**
     * @param dataSource where the tables live; its default schema is used
     * @param namespace  the AO namespace: the plugin key, {@code dev.awsconnectors.aws-connectors-jira} for the app
     */
    public JdbcActiveObjects(DataSource dataSource, String namespace) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.tableNames = new TableNames(namespace);
        this.transactions = new ThreadTransactions(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            this.dialect = Dialect.of(connection);
            this.databaseDescription = describe(connection.getMetaData());
        } catch (SQLException e) {
            throw new ActiveObjectsSqlException("Database: (not reachable)", e);
        }
    }

    /** The table AO uses for an entity, e.g. {@code AO_9F5A2B_ACCOUNT}. */
    public String tableName(Class<? extends RawEntity<?>> type) {
        return model(type).table;
    }

    /** The column AO uses for a getter or setter of an entity, e.g. {@code ACCOUNT_ID} for {@code getAccount()}. */
    public String columnName(Method getterOrSetter) {
        return ColumnMapping.columnName(getterOrSetter).orElseThrow(() -> new IllegalArgumentException(
                "Not a column's getter or setter: " + getterOrSetter));
    }

    /** {@code AO_} + six hex digits + {@code _}: the prefix of every table of this namespace. */
    public String tablePrefix() {
        return tableNames.prefix();
    }

    @Override
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read, never stored or exposed
    public final void migrate(Class<? extends RawEntity<?>>... entities) {
        Set<Class<? extends RawEntity<?>>> distinct = new LinkedHashSet<>(Arrays.asList(entities));
        if (distinct.size() > MAX_ENTITIES) {
            // AO's NamesLengthAndOracleReservedWordsEntitiesValidator refuses the plugin with this message.
            throw new ActiveObjectsConfigurationException("Plugins are allowed no more than " + MAX_ENTITIES
                    + " entities!");
        }
        SchemaMigrator migrator = new SchemaMigrator(dialect, this::model);
        List<EntityModel> ordered = migrator.withDependencies(entities);
        sql(connection -> {
            migrator.migrate(connection, ordered);
            return null;
        });
    }

    @Override
    @SafeVarargs
    public final void migrateDestructively(Class<? extends RawEntity<?>>... entities) {
        throw new UnsupportedOperationException("migrateDestructively is not implemented by the test host's "
                + "Active Objects; the app never drops tables or columns");
    }

    /** A no-op, as in AO 5, which has no entity cache to flush. */
    @Override
    public void flushAll() {
    }

    @Override
    @SafeVarargs
    public final <T extends RawEntity<K>, K> T[] get(Class<T> type, K... keys) {
        T[] entities = newArray(type, keys.length);
        for (int i = 0; i < keys.length; i++) {
            entities[i] = get(type, keys[i]);
        }
        return entities;
    }

    /** The entity with this ID, or null when there is none (AO 5 answers {@code get} with a query). */
    @Override
    public <T extends RawEntity<K>, K> T get(Class<T> type, K key) {
        if (key == null) {
            return null;
        }
        EntityModel model = model(type);
        T[] found = select(type, model, dialect.quote(EntityModel.ID) + " = ?", new Object[] {key}, null, -1, -1,
                false);
        return found.length == 0 ? null : found[0];
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, DBParam... params) {
        EntityModel model = model(type);
        Map<String, Object> values = checkedValues(type, model, params);
        return sql(connection -> {
            int id = insert(connection, model, values);
            return type.cast(EntityProxy.create(this, model, id, readRow(connection, model, id)));
        });
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> params) {
        DBParam[] asParams = params.entrySet().stream().map(entry -> new DBParam(entry.getKey(), entry.getValue()))
                .toArray(DBParam[]::new);
        return create(type, asParams);
    }

    @Override
    public void delete(RawEntity<?>... entities) {
        Map<EntityModel, List<Integer>> byTable = new LinkedHashMap<>();
        for (RawEntity<?> entity : entities) {
            EntityModel model = EntityProxy.modelOf(entity);
            if (model == null) {
                model = model(entityType(entity));
            }
            byTable.computeIfAbsent(model, key -> new ArrayList<>()).add(EntityProxy.idOf(entity));
        }
        sql(connection -> {
            for (Map.Entry<EntityModel, List<Integer>> entry : byTable.entrySet()) {
                String placeholders = entry.getValue().stream().map(id -> "?").collect(Collectors.joining(","));
                String sql = "DELETE FROM " + dialect.quote(entry.getKey().table) + " WHERE "
                        + dialect.quote(EntityModel.ID) + " IN (" + placeholders + ")";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bindAll(statement, entry.getValue().toArray(), 1);
                    statement.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public <K> int deleteWithSQL(Class<? extends RawEntity<K>> type, String criteria, Object... parameters) {
        EntityModel model = model(type);
        String sql = "DELETE FROM " + dialect.quote(model.table) + where(model, criteria);
        return sql(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bindAll(statement, parameters, 1);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type) {
        return find(type, Query.select());
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, String criteria, Object... parameters) {
        return find(type, Query.select().where(criteria, parameters));
    }

    /**
     * With {@link Query#join}, as AO's {@code DatabaseProvider.renderQuery} renders it: the entity's columns prefixed
     * by its alias (or its table), {@code JOIN table alias ON a.COLUMN = b.COLUMN} (the one form AO's
     * {@code SqlUtils.ON_CLAUSE} accepts), and the column names of every table involved quoted in the clauses.
     * Rows come back once per matching joined row, as in SQL; AO does not remove duplicates either.
     */
    private <T extends RawEntity<K>, K> T[] selectJoined(Class<T> type, EntityModel model, Query query) {
        Set<String> names = new LinkedHashSet<>(model.columns.keySet());
        String alias = query.getAlias(type);
        String prefix = (alias != null ? alias : dialect.quote(model.table)) + ".";
        StringJoiner columns = new StringJoiner(", ");
        model.columns.keySet().forEach(name -> columns.add(prefix + dialect.quote(name)));
        StringBuilder from = new StringBuilder(dialect.quote(model.table));
        if (alias != null) {
            from.append(' ').append(alias);
        }
        for (Map.Entry<Class<? extends RawEntity<?>>, String> join : query.getJoins().entrySet()) {
            EntityModel joined = model(join.getKey());
            names.addAll(joined.columns.keySet());
            from.append(" JOIN ").append(dialect.quote(joined.table));
            String joinedAlias = query.getAlias(join.getKey());
            if (joinedAlias != null) {
                from.append(' ').append(joinedAlias);
            }
            if (join.getValue() != null) {
                if (!ON_CLAUSE.matcher(join.getValue()).matches()) {
                    // AO's SqlUtils.processOnClause: Validate.validState(matcher.matches()).
                    throw new IllegalStateException("The validated state is false");
                }
                from.append(" ON ").append(quotedColumns(names, join.getValue()));
            }
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(query.isDistinct() ? "DISTINCT " : "")
                .append(columns).append(" FROM ").append(from);
        if (query.getWhereClause() != null && !query.getWhereClause().isBlank()) {
            sql.append(" WHERE ").append(quotedColumns(names, query.getWhereClause()));
        }
        if (query.getOrderClause() != null && !query.getOrderClause().isBlank()) {
            sql.append(" ORDER BY ").append(quotedColumns(names, query.getOrderClause()));
        }
        if (query.getOffset() > 0) {
            sql.append(" OFFSET ").append(query.getOffset()).append(" ROWS");
        }
        if (query.getLimit() >= 0) {
            sql.append(" FETCH FIRST ").append(query.getLimit()).append(" ROWS ONLY");
        }
        return rows(type, model, sql.toString(), query.getWhereParams());
    }

    /** AO's {@code SqlUtils.ON_CLAUSE}: {@code [alias.][table.]COLUMN = [alias.][table.]COLUMN}. */
    private static final java.util.regex.Pattern ON_CLAUSE = java.util.regex.Pattern.compile(
            "(?:(\\w+)\\.)?(?:(\\w+)\\.)?(\\w+)(\\s*=\\s*)(?:(\\w+)\\.)?(?:(\\w+)\\.)?(\\w+)");

    /**
     * The where and order clauses are SQL in which callers write column names bare ({@code NAME = ?}); as AO's
     * {@code processWhereClause} does, the column names of the entity are quoted for the database, so the same
     * clause works on H2 and PostgreSQL (where unquoted names would fold to lower case). Every column is loaded
     * whatever {@code select(…)} names, as AO loads every column when an entity has no {@code @Preload}.
     */
    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query) {
        if (query.getJoins().isEmpty()) {
            return select(type, model(type), query.getWhereClause(), query.getWhereParams(),
                    query.getOrderClause(), query.getLimit(), query.getOffset(), query.isDistinct());
        }
        return selectJoined(type, model(type), query);
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type) {
        return count(type, Query.select());
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, String criteria, Object... parameters) {
        return count(type, Query.select().where(criteria, parameters));
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, Query query) {
        EntityModel model = model(type);
        String sql = "SELECT COUNT(*) FROM " + dialect.quote(model.table) + where(model, query.getWhereClause());
        return sql(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bindAll(statement, query.getWhereParams(), 1);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    /**
     * Runs the callback in one JDBC transaction bound to this thread; nested calls join it. Any exception rolls
     * it back and is rethrown unchanged.
     */
    @Override
    public <T> T executeInTransaction(TransactionCallback<T> callback) {
        try {
            return transactions.inTransaction(callback::doInTransaction);
        } catch (SQLException e) {
            throw new ActiveObjectsSqlException(databaseDescription, e);
        }
    }

    // ---- used by EntityProxy ----

    void update(EntityModel model, int id, Map<String, Object> changes) {
        StringJoiner assignments = new StringJoiner(", ");
        changes.keySet().forEach(name -> assignments.add(dialect.quote(name) + " = ?"));
        String sql = "UPDATE " + dialect.quote(model.table) + " SET " + assignments + " WHERE "
                + dialect.quote(EntityModel.ID) + " = ?";
        sql(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                for (Map.Entry<String, Object> change : changes.entrySet()) {
                    model.columns.get(change.getKey()).storageType().bind(statement, index++, change.getValue());
                }
                statement.setInt(index, id);
                return statement.executeUpdate();
            }
        });
    }

    /**
     * The rows of the other entity whose foreign key points at this one: through the {@code reverse} getter when
     * given, else through every column of the other entity that references this type (AO's legacy lookup).
     */
    Object oneToMany(EntityModel model, int id, Method method, OneToMany relation) {
        @SuppressWarnings("unchecked")
        Class<RawEntity<Object>> remoteType = (Class<RawEntity<Object>>) method.getReturnType().getComponentType();
        EntityModel remote = model(remoteType);
        List<String> columns = new ArrayList<>();
        for (ColumnMapping column : remote.referenceColumns()) {
            boolean named = relation.reverse().isEmpty()
                    ? column.referencedType().isAssignableFrom(model.type)
                    : column.getter != null && column.getter.getName().equals(relation.reverse());
            if (named) {
                columns.add(column.name);
            }
        }
        if (columns.isEmpty()) {
            throw new ActiveObjectsConfigurationException(method + ": " + remoteType.getName()
                    + " has no column referencing " + model.type.getName());
        }
        String where = columns.stream().map(name -> dialect.quote(name) + " = ?")
                .collect(Collectors.joining(" OR ", "(", ")"));
        if (!relation.where().isBlank()) {
            where += " AND (" + relation.where() + ")";
        }
        Object[] params = columns.stream().map(name -> (Object) id).toArray();
        // Ordered by ID so results are stable; AO leaves the order to the database.
        return select(remoteType, remote, where, params, dialect.quote(EntityModel.ID), -1, -1, false);
    }

    /**
     * One column of one row, for a peer that does not hold it (AO's {@code invokeGetter} runs
     * {@code SELECT COLUMN FROM table WHERE ID = ?}); null when the row is gone.
     */
    Object readColumn(EntityModel model, int id, ColumnMapping column) {
        String sql = "SELECT " + dialect.quote(column.name) + " FROM " + dialect.quote(model.table) + " WHERE "
                + dialect.quote(EntityModel.ID) + " = ?";
        return sql(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setInt(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? column.storageType().read(rows, column.name, column.javaType) : null;
                }
            }
        });
    }

    // ---- internals ----

    EntityModel model(Class<?> type) {
        EntityModel known = models.get(type);
        if (known != null) {
            return known;
        }
        @SuppressWarnings("unchecked")
        EntityModel built = EntityModel.of((Class<? extends RawEntity<?>>) type, tableNames);
        EntityModel raced = models.putIfAbsent(type, built);
        return raced != null ? raced : built;
    }

    private <T> T sql(ThreadTransactions.SqlWork<T> work) {
        try {
            return transactions.withConnection(work);
        } catch (SQLException e) {
            throw new ActiveObjectsSqlException(databaseDescription, e);
        }
    }

    private <T extends RawEntity<K>, K> T[] select(Class<T> type, EntityModel model, String criteria,
            Object[] params, String order, int limit, int offset, boolean distinct) {
        StringJoiner columns = new StringJoiner(", ");
        model.columns.keySet().forEach(name -> columns.add(dialect.quote(name)));
        StringBuilder sql = new StringBuilder("SELECT ").append(distinct ? "DISTINCT " : "").append(columns)
                .append(" FROM ").append(dialect.quote(model.table)).append(where(model, criteria));
        if (order != null && !order.isBlank()) {
            sql.append(" ORDER BY ").append(quotedColumns(model, order));
        }
        if (offset > 0) {
            sql.append(" OFFSET ").append(offset).append(" ROWS");
        }
        if (limit >= 0) {
            sql.append(" FETCH FIRST ").append(limit).append(" ROWS ONLY");
        }
        return rows(type, model, sql.toString(), params);
    }

    private <T extends RawEntity<K>, K> T[] rows(Class<T> type, EntityModel model, String sql, Object[] params) {
        return sql(connection -> {
            List<T> found = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bindAll(statement, params, 1);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Map<String, Object> values = readValues(rows, model);
                        int id = (Integer) values.get(EntityModel.ID);
                        found.add(type.cast(EntityProxy.create(this, model, id, values)));
                    }
                }
            }
            return found.toArray(newArray(type, found.size()));
        });
    }

    private String where(EntityModel model, String criteria) {
        return criteria == null || criteria.isBlank() ? "" : " WHERE " + quotedColumns(model, criteria);
    }

    /**
     * Quotes the bare words of a clause that name a column of the entity, leaving string literals and names already
     * quoted alone.
     */
    private String quotedColumns(EntityModel model, String clause) {
        return quotedColumns(model.columns.keySet(), clause);
    }

    private String quotedColumns(Set<String> columnNames, String clause) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < clause.length()) {
            char c = clause.charAt(i);
            if (c == '\'' || c == '"') {
                int end = clause.indexOf(c, i + 1);
                end = end < 0 ? clause.length() : end + 1;
                out.append(clause, i, end);
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < clause.length()
                        && (Character.isLetterOrDigit(clause.charAt(end)) || clause.charAt(end) == '_')) {
                    end++;
                }
                String word = clause.substring(i, end);
                out.append(columnNames.contains(word) ? dialect.quote(word) : word);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** AO's checks of {@code create}'s parameters, with AO's exception types and messages. */
    private Map<String, Object> checkedValues(Class<?> type, EntityModel model, DBParam[] params) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (DBParam param : params) {
            ColumnMapping column = model.columns.get(param.getField());
            // AO looks fields up by exact column name and fails with a NullPointerException carrying this text.
            Objects.requireNonNull(column, String.format("Entity %s does not have field %s", type.getName(),
                    param.getField()));
            Object value = param.getValue();
            if (column.autoIncrement) {
                throw new IllegalArgumentException("The test host does not set the auto-increment primary key "
                        + column.name + " explicitly");
            }
            if (column.notNull) {
                if (value == null) {
                    throw new IllegalArgumentException(String.format("Cannot set non-null field %s to null",
                            column.name));
                }
                if (value instanceof String text && text.isBlank()) {
                    throw new IllegalArgumentException(String.format("Cannot set non-null String field %s to ''",
                            column.name));
                }
            }
            if (value != null && !column.storageType().accepts(value, column.javaType)) {
                throw new IllegalArgumentException("Field " + column.name + " of " + type.getName()
                        + " does not take a " + value.getClass().getName());
            }
            values.put(column.name, value instanceof RawEntity<?> entity ? EntityProxy.idOf(entity) : value);
        }
        List<String> missing = model.columns.values().stream()
                .filter(column -> column.isRequired() && !values.containsKey(column.name))
                .map(column -> column.name).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The follow required fields were not set when trying to create "
                    + "entity '" + type.getName() + "', those fields are: " + String.join(", ", missing));
        }
        return values;
    }

    private int insert(Connection connection, EntityModel model, Map<String, Object> values) throws SQLException {
        String table = dialect.quote(model.table);
        String sql;
        if (values.isEmpty()) {
            sql = "INSERT INTO " + table + " DEFAULT VALUES";
        } else {
            StringJoiner names = new StringJoiner(", ");
            values.keySet().forEach(name -> names.add(dialect.quote(name)));
            sql = "INSERT INTO " + table + " (" + names + ") VALUES ("
                    + values.keySet().stream().map(name -> "?").collect(Collectors.joining(", ")) + ")";
        }
        try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {EntityModel.ID})) {
            int index = 1;
            for (Map.Entry<String, Object> value : values.entrySet()) {
                model.columns.get(value.getKey()).storageType().bind(statement, index++, value.getValue());
            }
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("No ID was generated for a new row of " + model.table);
                }
                return keys.getInt(1);
            }
        }
    }

    private Map<String, Object> readRow(Connection connection, EntityModel model, int id) throws SQLException {
        StringJoiner columns = new StringJoiner(", ");
        model.columns.keySet().forEach(name -> columns.add(dialect.quote(name)));
        String sql = "SELECT " + columns + " FROM " + dialect.quote(model.table) + " WHERE "
                + dialect.quote(EntityModel.ID) + " = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("The new row " + id + " of " + model.table + " cannot be read back");
                }
                return readValues(rows, model);
            }
        }
    }

    private static Map<String, Object> readValues(ResultSet rows, EntityModel model) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ColumnMapping column : model.columns.values()) {
            values.put(column.name, column.storageType().read(rows, column.name, column.javaType));
        }
        return values;
    }

    /** Binds query parameters the way AO converts them: entities by ID, enums by name, dates as timestamps. */
    private static void bindAll(PreparedStatement statement, Object[] params, int first) throws SQLException {
        if (params == null) {
            return;
        }
        int index = first;
        for (Object param : params) {
            if (param == null) {
                statement.setNull(index++, Types.NULL);
            } else if (param instanceof RawEntity<?> entity) {
                statement.setInt(index++, EntityProxy.idOf(entity));
            } else if (param instanceof Enum<?> constant) {
                statement.setString(index++, constant.name());
            } else if (param instanceof Date date) {
                statement.setTimestamp(index++, new Timestamp(date.getTime()));
            } else {
                statement.setObject(index++, param);
            }
        }
    }

    private static Class<?> entityType(RawEntity<?> entity) {
        return entity.getEntityType();
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] newArray(Class<T> type, int length) {
        return (T[]) Array.newInstance(type, length);
    }

    private static String describe(DatabaseMetaData metaData) throws SQLException {
        return "Database:\n\t- name:" + metaData.getDatabaseProductName() + "\n\t- version:"
                + metaData.getDatabaseProductVersion() + "\nDriver:\n\t- name:" + metaData.getDriverName()
                + "\n\t- version:" + metaData.getDriverVersion();
    }
}
