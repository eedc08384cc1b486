package dev.awsconnectors.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * One Jira group allowed to use one connector: table {@code AO_xxxxxx_CONNECTOR_GROUP}. A connector without rows
 * here is for administrators only.
 *
 * @since 1.0
 */
@Table("CONNECTOR_GROUP")
@Preload
public interface ConnectorGroupEntity extends Entity {

    /** {@code CONNECTOR_ID}: the connector; indexed, since a connector's groups are read by it. */
    @NotNull
    @Indexed
    ConnectorEntity getConnector();

    void setConnector(ConnectorEntity connector);

    /** {@code GROUP_NAME}: the Jira group's name, as Jira stores it (up to 255 characters). */
    @NotNull
    @Indexed
    @StringLength(255)
    String getGroupName();

    void setGroupName(String groupName);
}
