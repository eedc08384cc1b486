package dev.awsconnectors.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;

/**
 * Upgrade task 1: creates the tables of the first release. Active Objects runs the tasks of
 * {@code atlassian-plugin.xml} whose model version is newer than the one stored, in order; later schema changes
 * are new tasks with higher numbers, never edits of this one.
 *
 * @since 1.0
 */
public class InitialSchema implements ActiveObjectsUpgradeTask {
    static final ModelVersion VERSION = ModelVersion.valueOf("1");

    @Override
    public ModelVersion getModelVersion() {
        return VERSION;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(AccountEntity.class, ConnectorEntity.class, ConnectorGroupEntity.class, EditClaimEntity.class);
    }
}
