package dev.awsconnectors.persistence;

import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * A rotation of an account's access key that has started and not yet finished: table
 * {@code AO_xxxxxx_KEY_ROTATION}, at most one row per account (the database refuses a second one, so of two nodes
 * rotating the same account only one proceeds). The row is committed before AWS is asked for a new key, and the new
 * key's ID is committed as soon as AWS returns it, before the account or the old key changes; the rotation deletes
 * the row when it ends. A row that outlives {@link KeyRotations#TIME_OUT} is an interrupted rotation (a node that
 * crashed or was stopped), which the admin page shows and offers to clean up.
 *
 * @since 1.1
 */
@Table("KEY_ROTATION")
public interface KeyRotationEntity extends Entity {

    /** {@code ACCOUNT_PUBLIC_ID}: the account being rotated, unique. */
    @NotNull
    @Unique
    @StringLength(36)
    String getAccountPublicId();

    void setAccountPublicId(String accountPublicId);

    /**
     * {@code CLAIM_TOKEN}: a random id of the rotation that holds the row; a clean-up replaces it, so that the
     * interrupted rotation, should it wake up, can no longer store its key.
     */
    @NotNull
    @StringLength(36)
    String getClaimToken();

    void setClaimToken(String claimToken);

    /** {@code OLD_KEY_ID}: the access key ID the account stored when the rotation started. */
    @NotNull
    @StringLength(128)
    String getOldKeyId();

    void setOldKeyId(String oldKeyId);

    /** {@code NEW_KEY_ID}: the ID of the key AWS created, once it answered; null before. */
    @StringLength(128)
    String getNewKeyId();

    void setNewKeyId(String newKeyId);

    /** {@code STARTED}: when the rotation (or the clean-up that took it over) started. */
    @NotNull
    Date getStarted();

    void setStarted(Date started);
}
