package dev.awsconnectors.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.util.UUID;

/**
 * Upgrade task 3: adds the {@link ListRevisionEntity} table and the connectors list's row, so that writers only
 * ever update that row and never race to create it. Running the task again changes nothing.
 *
 * @since 1.1
 */
public class ListRevisions implements ActiveObjectsUpgradeTask {
    static final ModelVersion VERSION = ModelVersion.valueOf("3");
    static final String CONNECTORS = "connectors";

    @Override
    public ModelVersion getModelVersion() {
        return VERSION;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(AccountEntity.class, ConnectorEntity.class, ConnectorGroupEntity.class, EditClaimEntity.class,
                AccessKeyHolderEntity.class, KeyRotationEntity.class, ListRevisionEntity.class);
        if (ao.find(ListRevisionEntity.class, Query.select().where("LIST_NAME = ?", CONNECTORS)).length == 0) {
            ao.create(ListRevisionEntity.class, new DBParam("LIST_NAME", CONNECTORS),
                    new DBParam("REVISION", UUID.randomUUID().toString()));
        }
    }

    /** The connectors list's revision as committed now; empty if the row is missing (the task has not run). */
    static String connectorsRevision(ActiveObjects ao) {
        ListRevisionEntity[] rows = ao.find(ListRevisionEntity.class,
                Query.select().where("LIST_NAME = ?", CONNECTORS));
        return rows.length == 0 ? "" : rows[0].getRevision();
    }

    /**
     * Gives the connectors list a new revision, in the caller's transaction. Concurrent writers queue on the row; a
     * value never seen before tells every reader the list changed, whichever writer commits last.
     */
    static void connectorsChanged(ActiveObjects ao) {
        ListRevisionEntity[] rows = ao.find(ListRevisionEntity.class,
                Query.select().where("LIST_NAME = ?", CONNECTORS));
        if (rows.length == 0) {
            // Without the row no reader keeps the list (see connectorsRevision), so there is nothing to tell.
            return;
        }
        rows[0].setRevision(UUID.randomUUID().toString());
        rows[0].save();
    }
}
