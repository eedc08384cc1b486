package dev.awsconnectors.persistence;

import dev.awsconnectors.api.PrincipalType;
import net.java.ao.Entity;
import net.java.ao.OneToMany;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * A connector as stored: table {@code AO_xxxxxx_CONNECTOR}, one row per connector, its groups in
 * {@link ConnectorGroupEntity}. Only the repositories touch it.
 *
 * @since 1.0
 */
@Table("CONNECTOR")
@Preload
public interface ConnectorEntity extends Entity {

    /** {@code PUBLIC_ID}: the connector's stable id (a UUID), used by the API, REST and other apps. */
    @NotNull
    @Unique
    @StringLength(36)
    String getPublicId();

    void setPublicId(String publicId);

    /** {@code NAME}: what users pick, as typed. */
    @NotNull
    @StringLength(255)
    String getName();

    void setName(String name);

    /** {@code NAME_KEY}: the name in lower case, unique, so names stay unique even when two nodes race. */
    @NotNull
    @Unique
    @StringLength(255)
    String getNameKey();

    void setNameKey(String nameKey);

    /** {@code DESCRIPTION}: shown to users choosing a connector, up to 1,000 characters. */
    @StringLength(StringLength.UNLIMITED)
    String getDescription();

    void setDescription(String description);

    /** {@code ACCOUNT_ID}: the account whose credentials call STS; indexed for "which connectors use it". */
    @NotNull
    @Indexed
    AccountEntity getAccount();

    void setAccount(AccountEntity account);

    /**
     * {@code ACCOUNT_VERSION}: the account's {@code ROW_VERSION} at its last edit, copied here in the same
     * transaction, so one read of this row tells whether anything a cached credential depends on has changed.
     */
    @NotNull
    long getAccountVersion();

    void setAccountVersion(long accountVersion);

    /** {@code PRINCIPAL_TYPE}: which STS call the connector makes. */
    @NotNull
    PrincipalType getPrincipalType();

    void setPrincipalType(PrincipalType principalType);

    /** {@code ROLE_ARN}: the role to assume (IAM Role only), up to 2,048 characters. */
    @StringLength(StringLength.UNLIMITED)
    String getRoleArn();

    void setRoleArn(String roleArn);

    /** {@code EXTERNAL_ID}: AssumeRole's ExternalId (IAM Role only), up to 1,224 characters. */
    @StringLength(StringLength.UNLIMITED)
    String getExternalId();

    void setExternalId(String externalId);

    /** {@code POLICY}: the inline session policy (JSON), up to 2,048 characters. */
    @StringLength(StringLength.UNLIMITED)
    String getPolicy();

    void setPolicy(String policy);

    /** {@code POLICY_ARNS}: the managed session policy ARNs, one per line, in the admin's order (at most 10). */
    @StringLength(StringLength.UNLIMITED)
    String getPolicyArns();

    void setPolicyArns(String policyArns);

    /** {@code MAX_DURATION_SECONDS}: the longest credentials handed out; null for AWS's default. */
    Integer getMaxDurationSeconds();

    void setMaxDurationSeconds(Integer maxDurationSeconds);

    /** {@code MFA_SERIAL_NUMBER}: the MFA device whose code users type (IAM User and IAM Role only). */
    @StringLength(255)
    String getMfaSerialNumber();

    void setMfaSerialNumber(String mfaSerialNumber);

    /** {@code SOURCE_IDENTITY_AND_TAGS}: pass the Jira user as SourceIdentity and session tag (IAM Role only). */
    boolean isSourceIdentityAndTags();

    void setSourceIdentityAndTags(boolean sourceIdentityAndTags);

    /** {@code SYSTEM_SCOPE}: whether code with no Jira user may use the connector. */
    boolean isSystemScope();

    void setSystemScope(boolean systemScope);

    /** {@code CONSOLE_DESTINATION}: where the AWS Console opens; null for the console's home. */
    @StringLength(StringLength.UNLIMITED)
    String getConsoleDestination();

    void setConsoleDestination(String consoleDestination);

    /** {@code ROW_VERSION}: incremented by every edit; an edit based on an older version is refused. */
    @NotNull
    long getRowVersion();

    void setRowVersion(long rowVersion);

    /** The Jira groups allowed to use the connector. */
    @OneToMany(reverse = "getConnector")
    ConnectorGroupEntity[] getGroups();
}
