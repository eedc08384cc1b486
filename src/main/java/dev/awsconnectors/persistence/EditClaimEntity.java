package dev.awsconnectors.persistence;

import net.java.ao.Entity;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * One accepted edit of an account or connector: table {@code AO_xxxxxx_EDIT_CLAIM}. An edit from version n inserts
 * the claim to version n + 1 in its transaction; of two edits of the same version, on any nodes, the database lets
 * only one insert it, so the other is refused as "changed by someone else" instead of overwriting it.
 *
 * @since 1.0
 */
@Table("EDIT_CLAIM")
public interface EditClaimEntity extends Entity {

    /** {@code CLAIM_KEY}: {@code <kind>:<public id>:<new version>}, unique. */
    @NotNull
    @Unique
    @StringLength(100)
    String getClaimKey();

    void setClaimKey(String claimKey);
}
