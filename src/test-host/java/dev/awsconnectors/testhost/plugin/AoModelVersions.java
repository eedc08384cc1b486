package dev.awsconnectors.testhost.plugin;

import com.atlassian.activeobjects.external.ModelVersion;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * Where the host remembers each plugin's Active Objects model version, as AO does, so that an upgrade task runs
 * once per database, not at every start: a small table of its own in the plugin's database.
 */
public final class AoModelVersions {
    private static final String TABLE = "HOST_AO_MODEL_VERSION";

    private final DataSource dataSource;

    public AoModelVersions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The stored version, {@code 0} for a plugin whose tasks never ran. */
    public ModelVersion current(String namespace) {
        try (Connection connection = dataSource.getConnection()) {
            createTable(connection);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT MODEL_VERSION FROM " + TABLE + " WHERE NAMESPACE = ?")) {
                select.setString(1, namespace);
                try (ResultSet rows = select.executeQuery()) {
                    return ModelVersion.valueOf(rows.next() ? rows.getString(1) : "0");
                }
            }
        } catch (SQLException e) {
            throw new PluginLoadException("Cannot read the Active Objects model version: " + e.getMessage(), e);
        }
    }

    public void store(String namespace, ModelVersion version) {
        try (Connection connection = dataSource.getConnection()) {
            createTable(connection);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + TABLE + " SET MODEL_VERSION = ? WHERE NAMESPACE = ?")) {
                update.setString(1, version.toString());
                update.setString(2, namespace);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO " + TABLE + " (NAMESPACE, MODEL_VERSION) VALUES (?, ?)")) {
                        insert.setString(1, namespace);
                        insert.setString(2, version.toString());
                        insert.executeUpdate();
                    }
                }
            }
        } catch (SQLException e) {
            throw new PluginLoadException("Cannot store the Active Objects model version: " + e.getMessage(), e);
        }
    }

    private static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                    + " (NAMESPACE VARCHAR(255) PRIMARY KEY, MODEL_VERSION VARCHAR(64) NOT NULL)");
        }
    }
}
