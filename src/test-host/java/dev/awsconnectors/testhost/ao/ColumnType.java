package dev.awsconnectors.testhost.ao;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import net.java.ao.RawEntity;

/**
 * The logical column types of Active Objects the test host supports, with how each one is written to and read
 * from JDBC. The SQL type names per database are in {@link Dialect}. Values kept in an entity proxy are the Java
 * values below; an entity reference is kept as the referenced row's {@code Integer} id.
 */
enum ColumnType {
    /** {@code String} with a length of at most 450 (AO's default is 255). */
    STRING {
        @Override
        Object parseDefault(String text) {
            if (text.isBlank()) {
                throw new ActiveObjectsConfigurationException("Empty strings are not supported on all databases. "
                        + "Therefore is not supported by Active Objects.");
            }
            return text;
        }
    },
    /** {@code String} with {@code @StringLength(UNLIMITED)}: CLOB / TEXT, which AO gives no default. */
    UNLIMITED_STRING,
    INTEGER {
        @Override
        Object parseDefault(String text) {
            return Integer.valueOf(text.trim());
        }
    },
    BIGINT {
        @Override
        Object parseDefault(String text) {
            return Long.valueOf(text.trim());
        }
    },
    BOOLEAN {
        @Override
        Object parseDefault(String text) {
            String value = text.trim();
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new ActiveObjectsConfigurationException("Not a boolean default value: " + text);
            }
            return Boolean.valueOf(value);
        }
    },
    DOUBLE {
        @Override
        Object parseDefault(String text) {
            return Double.valueOf(text.trim());
        }
    },
    /** {@code java.util.Date}, stored as a TIMESTAMP without time zone in the JVM's zone, as AO does. */
    TIMESTAMP {
        @Override
        Object parseDefault(String text) {
            try {
                return LocalDateTime.parse(text.trim(), DEFAULT_DATE_FORMAT);
            } catch (DateTimeParseException e) {
                throw new ActiveObjectsConfigurationException("Not a date default value (yyyy-MM-dd HH:mm:ss): "
                        + text);
            }
        }
    },
    /** An enum, stored as the constant's name in a VARCHAR(255). */
    ENUM,
    /** A reference to another entity: an INTEGER holding its ID, with a foreign key. */
    ENTITY;

    private static final DateTimeFormatter DEFAULT_DATE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The value of a {@code @Default} annotation, or an exception when AO refuses it for this type. */
    Object parseDefault(String text) {
        throw new ActiveObjectsConfigurationException("Default value is not allowed for columns of type " + name());
    }

    /** Writes a Java value (already checked against the column) as a statement parameter. */
    void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, jdbcType());
            return;
        }
        switch (this) {
            case STRING, UNLIMITED_STRING -> statement.setString(index, (String) value);
            case INTEGER -> statement.setInt(index, ((Number) value).intValue());
            case BIGINT -> statement.setLong(index, ((Number) value).longValue());
            case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
            case DOUBLE -> statement.setDouble(index, ((Number) value).doubleValue());
            case TIMESTAMP -> statement.setTimestamp(index, new Timestamp(((Date) value).getTime()));
            case ENUM -> statement.setString(index, ((Enum<?>) value).name());
            case ENTITY -> statement.setInt(index, ((Number) value).intValue());
        }
    }

    /** Reads a column; SQL NULL is {@code null}, whatever the Java type (primitives are defaulted by the proxy). */
    Object read(ResultSet row, String column, Class<?> javaType) throws SQLException {
        Object value = switch (this) {
            case STRING, UNLIMITED_STRING -> row.getString(column);
            case INTEGER, ENTITY -> row.getInt(column);
            case BIGINT -> row.getLong(column);
            case BOOLEAN -> row.getBoolean(column);
            case DOUBLE -> row.getDouble(column);
            // A plain java.util.Date, not the Timestamp subclass, whose equals() is not symmetric with Date's.
            case TIMESTAMP -> {
                Timestamp timestamp = row.getTimestamp(column);
                yield timestamp == null ? null : new Date(timestamp.getTime());
            }
            case ENUM -> enumValue(row.getString(column), javaType);
        };
        return row.wasNull() ? null : value;
    }

    int jdbcType() {
        return switch (this) {
            case STRING, UNLIMITED_STRING, ENUM -> Types.VARCHAR;
            case INTEGER, ENTITY -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case BOOLEAN -> Types.BOOLEAN;
            case DOUBLE -> Types.DOUBLE;
            case TIMESTAMP -> Types.TIMESTAMP;
        };
    }

    /** Whether {@code value} may be stored in a column of this type and Java type. */
    boolean accepts(Object value, Class<?> javaType) {
        return switch (this) {
            case STRING, UNLIMITED_STRING -> value instanceof String;
            case INTEGER -> value instanceof Integer;
            case BIGINT -> value instanceof Long || value instanceof Integer;
            case BOOLEAN -> value instanceof Boolean;
            case DOUBLE -> value instanceof Double || value instanceof Float;
            case TIMESTAMP -> value instanceof Date;
            case ENUM -> javaType.isInstance(value);
            case ENTITY -> value instanceof Integer || javaType.isInstance(value) && value instanceof RawEntity<?>;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(String name, Class<?> javaType) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf((Class) javaType, name);
        } catch (IllegalArgumentException e) {
            throw new ActiveObjectsException("Could not find enum value for '" + javaType
                    + "' corresponding to database value '" + name + "'");
        }
    }
}
