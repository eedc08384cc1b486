package dev.awsconnectors.testhost.ao;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import net.java.ao.RawEntity;
import net.java.ao.schema.Table;

/**
 * Table names as Active Objects gives them inside Jira: {@code AO_} + the last six hex digits (upper case) of the
 * MD5 of the AO namespace (the plugin key unless {@code <ao namespace="…">} says otherwise) + {@code _} + the
 * {@code @Table} value or the interface's simple name, converted from camel case to upper snake case.
 * Sources: {@code DefaultActiveObjectsConfigurationFactory}, {@code HexMd5Digester}, {@code AtlassianTableNameConverter}
 * and {@code TableAnnotationTableNameConverter} of activeobjects 5.2.1.
 */
final class TableNames {
    private final String prefix;

    TableNames(String namespace) {
        this.prefix = prefixFor(namespace);
    }

    /** {@code AO_XXXXXX_} for a namespace. */
    static String prefixFor(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        if (namespace.isBlank()) {
            throw new IllegalArgumentException("The AO namespace (the plugin key) must not be blank");
        }
        String md5 = md5Hex(namespace);
        return ("AO_" + md5.substring(md5.length() - 6) + "_").toUpperCase(Locale.ENGLISH);
    }

    String prefix() {
        return prefix;
    }

    /** The table name, refused as AO refuses it when it is over 30 characters. */
    String tableName(Class<? extends RawEntity<?>> entityType) {
        Table table = entityType.getAnnotation(Table.class);
        String base = table != null ? table.value() : entityType.getSimpleName();
        String name = prefix + Identifiers.upperSnake(base);
        if (name.length() > Identifiers.MAX_LENGTH) {
            throw new ActiveObjectsException("Invalid entity, generated table name (" + name + ") for '"
                    + entityType.getName() + "' is too long! It should be no longer than " + Identifiers.MAX_LENGTH
                    + " chars.");
        }
        if (Identifiers.isReservedWord(name)) {
            // AO checks the prefixed name, so with the AO_ prefix this can never fire; kept to mirror AO exactly.
            throw new ActiveObjectsException("Entity class' '" + entityType.getName() + "' table name is " + name
                    + " which is a reserved word!");
        }
        return name;
    }

    private static String md5Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }
}
