package dev.awsconnectors.testhost.ao;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Writes a column of one of the app's rows as no form or API of the app would, as a row kept from an older version
 * may hold it, so that a test can show what the app does with such a row.
 */
public final class StoredRows {
    private StoredRows() {
    }

    /**
     * Sets {@code column} of the row whose {@code PUBLIC_ID} is {@code publicId} in the app's table of
     * {@code entity} (e.g. {@code CONNECTOR}, whatever the table's hashed prefix); a null value is SQL NULL.
     *
     * @throws IllegalStateException if there is no such table or row
     */
    public static void overwrite(Connection connection, String entity, UUID publicId, String column, String value)
            throws SQLException {
        String table;
        try (Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE UPPER(TABLE_NAME) LIKE 'AO\\_%\\_" + entity + "'")) {
            if (!tables.next()) {
                throw new IllegalStateException("No table of " + entity);
            }
            table = tables.getString(1);
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE \"" + table + "\" SET \"" + column
                + "\" = ? WHERE \"PUBLIC_ID\" = ?")) {
            update.setString(1, value);
            update.setString(2, publicId.toString());
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("No " + entity + " row " + publicId);
            }
        }
    }
}
