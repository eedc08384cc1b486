package dev.awsconnectors.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where an encrypted value is stored: a table, the stable id of its row and the field. It is bound to the
 * ciphertext as AES-GCM associated data, so that a value copied to another row or another field fails to decrypt
 * instead of handing one account's secret to another.
 *
 * <p>The names must never change once values are stored under them (a renamed table or field makes every stored
 * value undecryptable), so use stable logical names such as {@code "account"} and {@code "secretAccessKey"} rather
 * than physical column names. They are limited to letters, digits, {@code _ . -} so that the canonical form
 * {@code aws-connectors/v1|<table>|<rowId>|<field>} can never be read two ways.
 *
 * @param table the logical table name
 * @param rowId the row's stable public id (not AO's integer key, which differs between instances after a restore)
 * @param field the logical field name
 */
public record SecretContext(String table, UUID rowId, String field) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Versioned so that a future change of the canonical form cannot collide with this one. */
    private static final String DOMAIN = "aws-connectors/v1";

    public SecretContext {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(field, "field");
        if (!NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("table must be 1 to 64 of [A-Za-z0-9_.-]: " + table);
        }
        if (!NAME.matcher(field).matches()) {
            throw new IllegalArgumentException("field must be 1 to 64 of [A-Za-z0-9_.-]: " + field);
        }
    }

    /** The associated data: the canonical text, in UTF-8 (plain ASCII, given the name rule). */
    byte[] associatedData() {
        return (DOMAIN + '|' + table + '|' + rowId + '|' + field).getBytes(StandardCharsets.UTF_8);
    }

    /** For messages: names the stored value without revealing anything of it. */
    String describe() {
        return "field " + field + " of " + table + " " + rowId;
    }
}
