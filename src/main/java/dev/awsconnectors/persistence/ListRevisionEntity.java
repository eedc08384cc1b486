package dev.awsconnectors.persistence;

import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * The revision of a list: table {@code AO_xxxxxx_LIST_REVISION}, one row per list. Every write to the list sets a
 * new random revision in its own transaction, so a node that read the list under one revision knows, by reading this
 * one row, whether any node has changed it since ({@link ConnectorRepository} keeps the connectors list so).
 *
 * @since 1.1
 */
@Table("LIST_REVISION")
public interface ListRevisionEntity extends Entity {

    /** {@code LIST_NAME}: which list, unique ({@code connectors}). */
    @NotNull
    @Unique
    @StringLength(32)
    String getListName();

    void setListName(String listName);

    /** {@code REVISION}: a random UUID, new at every write; never reused, so equal means unchanged. */
    @NotNull
    @StringLength(36)
    String getRevision();

    void setRevision(String revision);
}
