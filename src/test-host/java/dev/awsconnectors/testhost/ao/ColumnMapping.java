package dev.awsconnectors.testhost.ao;

import java.lang.reflect.Method;
import java.util.Date;
import java.util.Optional;
import net.java.ao.Accessor;
import net.java.ao.Entity;
import net.java.ao.ManyToMany;
import net.java.ao.Mutator;
import net.java.ao.OneToMany;
import net.java.ao.RawEntity;
import net.java.ao.schema.AutoIncrement;
import net.java.ao.schema.Default;
import net.java.ao.schema.Ignore;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.PrimaryKey;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Unique;

/**
 * One column of an entity's table, derived from its getter and/or setter as Active Objects derives it
 * ({@code AtlassianFieldNameConverter}, {@code SchemaGenerator.parseFields}, {@code TypeManager} of activeobjects
 * 5.2.1): the name, the type, and the constraints from annotations on either method.
 */
final class ColumnMapping {
    /** AO's default VARCHAR length for strings and enums. */
    static final int DEFAULT_STRING_LENGTH = 255;

    final String name;
    final Class<?> javaType;
    final ColumnType type;
    /** VARCHAR length; {@link StringLength#UNLIMITED} for CLOB/TEXT; 0 for non-string columns. */
    final int length;
    final boolean primaryKey;
    final boolean autoIncrement;
    final boolean notNull;
    final boolean unique;
    final boolean indexed;
    /** The parsed default value, or null. */
    final Object defaultValue;
    final Method getter;
    final Method setter;

    private ColumnMapping(String name, Method getter, Method setter) {
        this.name = name;
        this.getter = getter;
        this.setter = setter;
        this.javaType = getter != null ? getter.getReturnType() : setter.getParameterTypes()[0];
        this.primaryKey = annotated(PrimaryKey.class);
        this.autoIncrement = annotated(AutoIncrement.class);
        this.unique = annotated(Unique.class);
        // AO makes unique and primary-key columns NOT NULL whether or not they say so.
        this.notNull = annotated(NotNull.class) || unique || primaryKey;
        this.indexed = annotated(Indexed.class);
        this.type = typeOf(javaType, describe());
        this.length = lengthOf();
        this.defaultValue = defaultOf();
    }

    /** The column of a getter or setter, or empty when the method is not one (relations, {@code @Ignore}, …). */
    static Optional<String> columnName(Method method) {
        if (method.isAnnotationPresent(Ignore.class) || method.isAnnotationPresent(OneToMany.class)
                || method.isAnnotationPresent(ManyToMany.class)) {
            return Optional.empty();
        }
        boolean getter = isGetter(method);
        if (!getter && !isSetter(method)) {
            return Optional.empty();
        }
        String base;
        Mutator mutator = method.getAnnotation(Mutator.class);
        Accessor accessor = method.getAnnotation(Accessor.class);
        PrimaryKey primaryKey = method.getAnnotation(PrimaryKey.class);
        String methodName = method.getName();
        if (mutator != null) {
            base = mutator.value();
        } else if (accessor != null) {
            base = accessor.value();
        } else if (primaryKey != null && !primaryKey.value().isEmpty()) {
            base = primaryKey.value();
        } else if (methodName.startsWith("get") || methodName.startsWith("set")) {
            base = methodName.substring(3);
        } else {
            base = methodName.substring(2);
        }
        if (base.isEmpty()) {
            return Optional.empty();
        }
        Class<?> attributeType = getter ? method.getReturnType() : method.getParameterTypes()[0];
        if (RawEntity.class.isAssignableFrom(attributeType)) {
            base = base + "ID"; // getAccount() → ACCOUNT_ID, as AO's EntityFieldNameHandler does.
        }
        String name = Identifiers.upperSnake(base);
        if (name.length() > Identifiers.MAX_LENGTH) {
            throw new ActiveObjectsException("Invalid entity, generated field name (" + name + ") for method '"
                    + method + "' is too long! It should be no longer than " + Identifiers.MAX_LENGTH + " chars.");
        }
        if (Identifiers.isReservedWord(name)) {
            throw new ActiveObjectsException("Method '" + method + "' column name is " + name
                    + " which is a reserved word!");
        }
        return Optional.of(name);
    }

    static boolean isGetter(Method method) {
        String name = method.getName();
        return method.getParameterCount() == 0 && method.getReturnType() != void.class
                && (method.isAnnotationPresent(Accessor.class) || name.startsWith("get") || name.startsWith("is"));
    }

    static boolean isSetter(Method method) {
        return method.getParameterCount() == 1 && method.getReturnType() == void.class
                && (method.isAnnotationPresent(Mutator.class) || method.getName().startsWith("set"));
    }

    static ColumnMapping of(String name, Method getter, Method setter) {
        return new ColumnMapping(name, getter, setter);
    }

    boolean isEntityReference() {
        return type == ColumnType.ENTITY;
    }

    @SuppressWarnings("unchecked")
    Class<? extends RawEntity<?>> referencedType() {
        return (Class<? extends RawEntity<?>>) javaType;
    }

    /** AO's {@code FieldInfo.IS_REQUIRED}: {@code create} must be given a value. */
    boolean isRequired() {
        return notNull && defaultValue == null && !autoIncrement;
    }

    /** Primitive getters return 0 / false for SQL NULL, as AO's {@code EntityProxy.handleNullReturn} does. */
    Object nullValue() {
        if (javaType == int.class) {
            return 0;
        } else if (javaType == long.class) {
            return 0L;
        } else if (javaType == double.class) {
            return 0d;
        } else if (javaType == boolean.class) {
            return false;
        }
        return null;
    }

    private boolean annotated(Class<? extends java.lang.annotation.Annotation> annotation) {
        return getter != null && getter.isAnnotationPresent(annotation)
                || setter != null && setter.isAnnotationPresent(annotation);
    }

    private <A extends java.lang.annotation.Annotation> A annotation(Class<A> type) {
        A onGetter = getter == null ? null : getter.getAnnotation(type);
        return onGetter != null ? onGetter : setter == null ? null : setter.getAnnotation(type);
    }

    private String describe() {
        return String.valueOf(getter != null ? getter : setter);
    }

    private static ColumnType typeOf(Class<?> javaType, String method) {
        if (javaType == String.class) {
            return ColumnType.STRING;
        } else if (javaType == int.class || javaType == Integer.class) {
            return ColumnType.INTEGER;
        } else if (javaType == long.class || javaType == Long.class) {
            return ColumnType.BIGINT;
        } else if (javaType == boolean.class || javaType == Boolean.class) {
            return ColumnType.BOOLEAN;
        } else if (javaType == double.class || javaType == Double.class) {
            return ColumnType.DOUBLE;
        } else if (javaType == java.sql.Date.class) {
            throw new ActiveObjectsConfigurationException("java.sql.Date is not supported! Please use "
                    + Date.class.getName() + " instead. (" + method + ")");
        } else if (Date.class.isAssignableFrom(javaType)) {
            return ColumnType.TIMESTAMP;
        } else if (javaType.isEnum()) {
            return ColumnType.ENUM;
        } else if (RawEntity.class.isAssignableFrom(javaType)) {
            if (!Entity.class.isAssignableFrom(javaType)) {
                throw new ActiveObjectsConfigurationException("The test host supports references to "
                        + Entity.class.getName() + " types only (integer ID): " + method);
            }
            return ColumnType.ENTITY;
        }
        // AO's TypeManager.getType says exactly this for a type it has no mapping for.
        throw new ActiveObjectsConfigurationException("Unrecognized type: " + javaType.getName());
    }

    private int lengthOf() {
        StringLength stringLength = annotation(StringLength.class);
        if (type != ColumnType.STRING && type != ColumnType.ENUM) {
            return 0;
        }
        if (stringLength == null) {
            return DEFAULT_STRING_LENGTH;
        }
        int value = stringLength.value();
        if (value > StringLength.MAX_LENGTH) {
            throw new ActiveObjectsConfigurationException("@StringLength must be <= 450 or UNLIMITED ("
                    + describe() + ")");
        }
        if (value <= 0 && value != StringLength.UNLIMITED) {
            throw new ActiveObjectsConfigurationException("String length must be greater than zero or unlimited ("
                    + describe() + ")");
        }
        return value;
    }

    private Object defaultOf() {
        Default annotation = annotation(Default.class);
        if (autoIncrement) {
            return null;
        }
        ColumnType effective = isUnlimitedString() ? ColumnType.UNLIMITED_STRING : type;
        if (annotation != null) {
            try {
                return effective.parseDefault(annotation.value());
            } catch (NumberFormatException e) {
                throw new ActiveObjectsConfigurationException("Invalid default value '" + annotation.value()
                        + "' for " + describe());
            }
        }
        // AO gives primitive numeric columns a default of 0 (not boolean, which stays nullable).
        if (javaType == int.class || javaType == long.class || javaType == double.class) {
            return effective.parseDefault("0");
        }
        return null;
    }

    boolean isUnlimitedString() {
        return type == ColumnType.STRING && length == StringLength.UNLIMITED;
    }

    /** The type used to bind and read values; unlimited strings read like strings. */
    ColumnType storageType() {
        return isUnlimitedString() ? ColumnType.UNLIMITED_STRING : type;
    }
}
