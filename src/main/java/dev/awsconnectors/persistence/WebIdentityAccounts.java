package dev.awsconnectors.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;

/**
 * Upgrade task 4: adds the columns of keyless accounts ({@code AUDIENCE} and {@code ISSUER_URL} on
 * {@link AccountEntity}). Existing accounts keep null in both, which is what every account that is not keyless
 * holds. Running the task again changes nothing.
 *
 * @since 1.2
 */
public class WebIdentityAccounts implements ActiveObjectsUpgradeTask {
    static final ModelVersion VERSION = ModelVersion.valueOf("4");

    @Override
    public ModelVersion getModelVersion() {
        return VERSION;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(AccountEntity.class, ConnectorEntity.class, ConnectorGroupEntity.class, EditClaimEntity.class,
                AccessKeyHolderEntity.class, KeyRotationEntity.class, ListRevisionEntity.class);
    }
}
