package dev.awsconnectors.testhost.aws;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What the double recorded of a session it issued, for tests to read ({@link LocalAws#session(String)}); no secret
 * is in it.
 *
 * @param accessKeyId       the temporary key id, {@code ASIA...}
 * @param principalArn      who the session acts as, e.g. {@code arn:aws:sts::<acct>:assumed-role/<role>/<session>}
 * @param roleArn           the role assumed, or null for GetSessionToken and GetFederationToken
 * @param expiration        when the credentials expire
 * @param sourceIdentity    the source identity, or null
 * @param tags              the session tags
 * @param transitiveTagKeys the keys of tags marked transitive (by a web identity token's
 *                          {@code transitive_tag_keys})
 * @param providerArn       for a web-identity session, the IAM OIDC provider's ARN; otherwise null
 * @param subject           for a web-identity session, the token's {@code sub}; otherwise null
 * @param audience          for a web-identity session, the audience checked; otherwise null
 */
public record IssuedSession(String accessKeyId, String principalArn, String roleArn, Instant expiration,
                            String sourceIdentity, Map<String, String> tags, Set<String> transitiveTagKeys,
                            String providerArn, String subject, String audience) {

    static IssuedSession of(IssuedCredentials.Session session) {
        IssuedCredentials.WebIdentity web = session.webIdentity();
        return new IssuedSession(session.accessKeyId(), session.principal().arn(),
                session.role() == null ? null : session.role().arn(), session.expiration(), session.sourceIdentity(),
                session.tags(), session.transitiveTagKeys(), web == null ? null : web.providerArn(),
                web == null ? null : web.subject(), web == null ? null : web.audience());
    }
}
