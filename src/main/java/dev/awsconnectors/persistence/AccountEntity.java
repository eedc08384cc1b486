package dev.awsconnectors.persistence;

import dev.awsconnectors.accounts.AccountType;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * An AWS account as stored: table {@code AO_xxxxxx_ACCOUNT}, one row per account. Only {@link AccountRepository}
 * touches it; everything else sees {@link dev.awsconnectors.accounts.Account} values.
 *
 * @since 1.0
 */
@Table("ACCOUNT")
@Preload
public interface AccountEntity extends Entity {

    /** {@code PUBLIC_ID}: the account's stable id (a UUID), used in URLs, REST and connector references. */
    @NotNull
    @Unique
    @StringLength(36)
    String getPublicId();

    void setPublicId(String publicId);

    /** {@code NAME}: what admins see, as typed. */
    @NotNull
    @StringLength(255)
    String getName();

    void setName(String name);

    /**
     * {@code NAME_KEY}: the name in lower case, unique, so that two nodes saving "Prod" and "prod" at once cannot
     * both succeed.
     */
    @NotNull
    @Unique
    @StringLength(255)
    String getNameKey();

    void setNameKey(String nameKey);

    /** {@code DESCRIPTION}: free text for admins, up to 1,000 characters. */
    @StringLength(StringLength.UNLIMITED)
    String getDescription();

    void setDescription(String description);

    /** {@code ACCOUNT_TYPE}: an access key of an IAM user, or the role of the host Jira runs on. */
    @NotNull
    AccountType getAccountType();

    void setAccountType(AccountType accountType);

    /** {@code ACCESS_KEY_ID}: the IAM user's access key id; null for host-role accounts. Not a secret. */
    @StringLength(128)
    String getAccessKeyId();

    void setAccessKeyId(String accessKeyId);

    /**
     * {@code SECRET_KEY_CIPHERTEXT}: the secret access key, AES-256-GCM encrypted with a key kept outside the
     * database (see {@code dev.awsconnectors.crypto}); bound to this row and field. Null for host-role accounts.
     */
    @StringLength(255)
    String getSecretKeyCiphertext();

    void setSecretKeyCiphertext(String secretKeyCiphertext);

    /** {@code PARTITION_ID}: {@code aws}, {@code aws-us-gov} or {@code aws-cn}. */
    @NotNull
    @StringLength(16)
    String getPartitionId();

    void setPartitionId(String partitionId);

    /** {@code REGION}: the STS region, such as {@code eu-west-1}. */
    @NotNull
    @StringLength(32)
    String getRegion();

    void setRegion(String region);

    /** {@code STS_ENDPOINT}: the STS endpoint override, or null for AWS's regional endpoint. */
    @StringLength(StringLength.UNLIMITED)
    String getStsEndpoint();

    void setStsEndpoint(String stsEndpoint);

    /** {@code IAM_ENDPOINT}: the IAM endpoint override, or null for the partition's. */
    @StringLength(StringLength.UNLIMITED)
    String getIamEndpoint();

    void setIamEndpoint(String iamEndpoint);

    /** {@code SIGNIN_ENDPOINT}: the console sign-in (federation) endpoint override, or null for the partition's. */
    @StringLength(StringLength.UNLIMITED)
    String getSigninEndpoint();

    void setSigninEndpoint(String signinEndpoint);

    /**
     * {@code AUDIENCE}: the {@code aud} of the tokens minted for a keyless account; null for the other types.
     *
     * @since 1.2
     */
    @StringLength(255)
    String getAudience();

    void setAudience(String audience);

    /**
     * {@code ISSUER_URL}: the issuer URL AWS trusts for a keyless account, or null for the app's own issuer (and
     * for the other types).
     *
     * @since 1.2
     */
    @StringLength(255)
    String getIssuerUrl();

    void setIssuerUrl(String issuerUrl);

    /**
     * {@code LAST_VALIDATED}: when "Validate" last succeeded for the account's stored credentials, or null if it
     * never has. Not an edit: setting it changes no version.
     */
    Date getLastValidated();

    void setLastValidated(Date lastValidated);

    /** {@code ROW_VERSION}: incremented by every edit; an edit based on an older version is refused. */
    @NotNull
    long getRowVersion();

    void setRowVersion(long rowVersion);
}
