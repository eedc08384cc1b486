package dev.awsconnectors.persistence;

import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * Which account holds an access key ID: table {@code AO_xxxxxx_ACCESS_KEY_HOLDER}, one row per access-key account,
 * written in the same transaction as the account. The key ID is unique here, so of two nodes saving the same key
 * ID on two accounts at once, the database lets only one commit.
 *
 * <p>A table of its own rather than a unique index on {@code ACCOUNT.ACCESS_KEY_ID}: a site may already store one
 * key ID on two accounts, which such an index could not be created over (the upgrade would fail and disable the
 * app), and host-role accounts have no key ID, which some databases would count as one duplicate value. The upgrade
 * gives each key ID to its oldest account; a later holder stays as it was, is shown on the admin pages, and must be
 * given a key of its own before it can be saved again (see {@link AccessKeyGuards}).
 *
 * @since 1.1
 */
@Table("ACCESS_KEY_HOLDER")
public interface AccessKeyHolderEntity extends Entity {

    /** {@code KEY_ID}: the access key ID, unique. Not a secret. */
    @NotNull
    @Unique
    @StringLength(128)
    String getKeyId();

    void setKeyId(String keyId);

    /** {@code ACCOUNT_PUBLIC_ID}: the public id of the account that stores the key ID. */
    @NotNull
    @StringLength(36)
    String getAccountPublicId();

    void setAccountPublicId(String accountPublicId);
}
