package dev.awsconnectors.validation;

/**
 * Every limit the validator enforces on a single field, in one place. AWS's limits are quoted from the STS and IAM
 * API references; the app's own are marked as such. The duration limits depend on the principal type, so they are
 * {@link dev.awsconnectors.connectors.PrincipalCapabilities}'s, which the broker and the pages ask too.
 */
final class Limits {
    /** App's own: long enough for "Production – EU (read only)", short enough for a menu entry. */
    static final int NAME_MAX = 80;
    /** App's own: a paragraph, not a document. */
    static final int DESCRIPTION_MAX = 1_000;
    /** Jira stores group names in 255-character columns. */
    static final int GROUP_NAME_MAX = 255;
    /**
     * App's own: more groups than an admin can review on one connector; past this, a Jira group that contains the
     * others is the better tool. Also bounds the lookups in Jira a save makes.
     */
    static final int GROUPS_MAX = 100;
    /**
     * App's own, for the URLs AWS sets no limit on (endpoint overrides, the console destination): 2,048 characters,
     * as for ARNs; no endpoint needs more.
     */
    static final int URL_MAX = 2_048;
    /** IAM CreateOpenIDConnectProvider: a client ID (audience) has 1 to 255 characters. */
    static final int AUDIENCE_MIN = 1;
    static final int AUDIENCE_MAX = 255;
    /** IAM CreateOpenIDConnectProvider: the provider's Url has at most 255 characters. */
    static final int ISSUER_URL_MAX = 255;

    /** IAM AccessKey.AccessKeyId: 16 to 128 characters of {@code [\w]+}. */
    static final int ACCESS_KEY_ID_MIN = 16;
    static final int ACCESS_KEY_ID_MAX = 128;
    /** AWS secret access keys are 40 characters of the base64 alphabet. */
    static final int SECRET_ACCESS_KEY_LENGTH = 40;

    /** STS AssumeRole RoleArn and PolicyDescriptorType arn: 20 to 2,048 characters. */
    static final int ARN_MIN = 20;
    static final int ARN_MAX = 2_048;
    /** IAM role and policy paths: at most 512 characters. */
    static final int PATH_MAX = 512;
    /** STS AssumeRole ExternalId: 2 to 1,224 characters. */
    static final int EXTERNAL_ID_MIN = 2;
    static final int EXTERNAL_ID_MAX = 1_224;
    /** STS PolicyArns: at most 10 managed session policies. */
    static final int POLICY_ARNS_MAX = 10;
    /** STS: the plaintext of inline and managed session policies together can't exceed 2,048 characters. */
    static final int SESSION_POLICIES_MAX = 2_048;
    /** STS SerialNumber: 9 to 256 characters. */
    static final int MFA_SERIAL_MIN = 9;
    static final int MFA_SERIAL_MAX = 256;

    private Limits() {
    }
}
