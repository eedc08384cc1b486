package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.connectors.Connector;

/**
 * Mints the OpenID Connect token that an IAM Role connector on a {@link AccountType#WEB_IDENTITY} account hands to
 * STS AssumeRoleWithWebIdentity, one per request, so that no long-term AWS key exists anywhere.
 *
 * <p>What an implementation must put in the token (a JWT signed with RS256 by a key the issuer's JWKS publishes, its
 * {@code kid} in the header):
 * <ul>
 *   <li>{@code iss}: the account's {@link Account#issuerUrl()}, exactly as registered in IAM, or the app's own issuer
 *       {@code <Jira base URL>/rest/aws-connectors/1.0/oidc} when the account names none;</li>
 *   <li>{@code aud}: the account's {@link Account#audience()} (a single string);</li>
 *   <li>{@code sub}: {@link WebIdentityTrust#subject}, that is {@code connector:<connector id>:user:<role session
 *       name>}, or {@code connector:<connector id>:system} for a system-scope request, so that a trust policy's
 *       {@code <issuer host/path>:sub} condition can tell connectors, users and system requests apart;</li>
 *   <li>{@code iat} and {@code exp} as integers, a lifetime of {@value #LIFETIME_SECONDS} seconds;</li>
 *   <li>when the connector asks for source identity and tags ({@link Connector#sourceIdentityAndTags()}), for a
 *       Jira user: the claim {@code https://aws.amazon.com/source_identity} = {@link SessionOwner#roleSessionName()}
 *       and the claim {@code https://aws.amazon.com/tags} with {@code principal_tags} {@code {"jira-user":
 *       [<value as SessionTags gives it>]}}; for a system-scope request, the source identity only. The STS request
 *       itself then carries neither tags nor a source identity: AssumeRoleWithWebIdentity takes them from the token.
 *       </li>
 * </ul>
 *
 * <p>Failures to mint are thrown as {@link dev.awsconnectors.api.AwsConnectorException}s whose message contains no
 * key material.
 */
public interface WebIdentityTokens {
    /** How long a minted token is valid: AWS exchanges it at once, so a few minutes cover any clock skew. */
    int LIFETIME_SECONDS = 300;

    /**
     * A freshly signed token for one AssumeRoleWithWebIdentity call.
     *
     * @param account   the keyless account, which decides {@code iss} and {@code aud}
     * @param connector the IAM Role connector being used, which decides {@code sub} and the optional claims
     * @param owner     who the credentials are for
     */
    String tokenFor(Account account, Connector connector, SessionOwner owner);

    /**
     * The {@code iss} of the account's tokens: its {@link Account#issuerUrl()}, or the app's own issuer URL when it
     * names none. AWS's refusals are explained with it.
     */
    String issuerUrl(Account account);

}
