package dev.awsconnectors.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import net.java.ao.DBParam;
import net.java.ao.Query;

import java.util.HashSet;
import java.util.Set;

/**
 * Upgrade task 2: adds the tables that keep an access key ID on one account only ({@link AccessKeyHolderEntity})
 * and one rotation per account at a time ({@link KeyRotationEntity}), and records who holds each stored key ID.
 *
 * <p>A site may already store one key ID on two accounts. The upgrade must not fail over that, nor decide alone
 * which account is wrong: it gives the key ID to the account created first and leaves the other as it is. The
 * admin pages name both accounts, rotation refuses either, and the later one can be saved again only with a key of
 * its own. Running the task again changes nothing.
 *
 * @since 1.1
 */
public class AccessKeyGuards implements ActiveObjectsUpgradeTask {
    static final ModelVersion VERSION = ModelVersion.valueOf("2");

    @Override
    public ModelVersion getModelVersion() {
        return VERSION;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(AccountEntity.class, ConnectorEntity.class, ConnectorGroupEntity.class, EditClaimEntity.class,
                AccessKeyHolderEntity.class, KeyRotationEntity.class);
        Set<String> held = new HashSet<>();
        Set<String> holders = new HashSet<>();
        for (AccessKeyHolderEntity holder : ao.find(AccessKeyHolderEntity.class)) {
            held.add(holder.getKeyId());
            holders.add(holder.getAccountPublicId());
        }
        for (AccountEntity account : ao.find(AccountEntity.class,
                Query.select().where("ACCESS_KEY_ID IS NOT NULL").order("ID ASC"))) {
            if (!holders.contains(account.getPublicId()) && held.add(account.getAccessKeyId())) {
                ao.create(AccessKeyHolderEntity.class, new DBParam("KEY_ID", account.getAccessKeyId()),
                        new DBParam("ACCOUNT_PUBLIC_ID", account.getPublicId()));
                holders.add(account.getPublicId());
            }
        }
    }
}
