package dev.awsconnectors.testhost.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary credentials the double has issued ({@code ASIA...} id, secret, session token), remembered with their
 * expiry and who they stand for, so that requests signed with them later are authenticated as AWS would: as the
 * same identity until expiry, then refused with ExpiredToken.
 */
final class IssuedCredentials {

    /**
     * One issued set of credentials and what AWS knows about the session behind it; {@code chained} when AssumeRole
     * issued it to a caller signing with temporary credentials rather than an IAM user's long-term keys;
     * {@code webIdentity} the provider ARN, subject and audience when AssumeRoleWithWebIdentity issued it.
     */
    record Session(String accessKeyId, String secretAccessKey, String sessionToken, Instant issuedAt,
                   Instant expiration, CredentialType type, Principal principal, IamUser user, IamRole role,
                   boolean mfaAuthenticated, String sourceIdentity, Map<String, String> tags, boolean chained,
                   Set<String> transitiveTagKeys, WebIdentity webIdentity) {

        boolean expiredAt(Instant now) {
            return !now.isBefore(expiration);
        }

        Session expiringAt(Instant when) {
            return new Session(accessKeyId, secretAccessKey, sessionToken, issuedAt, when, type, principal, user,
                    role, mfaAuthenticated, sourceIdentity, tags, chained, transitiveTagKeys, webIdentity);
        }
    }

    /** Who vouched for a web-identity session: the IAM OIDC provider's ARN, the token's subject and audience. */
    record WebIdentity(String providerArn, String subject, String audience) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Ids ids;

    IssuedCredentials(Clock clock, Ids ids) {
        this.clock = clock;
        this.ids = ids;
    }

    /** Issues credentials; AWS reports expiry to the second, so the double keeps it to the second too. */
    Session issue(CredentialType type, Principal principal, IamUser user, IamRole role, Duration lifetime,
                  boolean mfaAuthenticated, String sourceIdentity, Map<String, String> tags) {
        return issue(type, principal, user, role, lifetime, mfaAuthenticated, sourceIdentity, tags, false);
    }

    Session issue(CredentialType type, Principal principal, IamUser user, IamRole role, Duration lifetime,
                  boolean mfaAuthenticated, String sourceIdentity, Map<String, String> tags, boolean chained) {
        return issue(type, principal, user, role, lifetime, mfaAuthenticated, sourceIdentity, tags, chained,
                Set.of(), null);
    }

    Session issue(CredentialType type, Principal principal, IamUser user, IamRole role, Duration lifetime,
                  boolean mfaAuthenticated, String sourceIdentity, Map<String, String> tags, boolean chained,
                  Set<String> transitiveTagKeys, WebIdentity webIdentity) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Session session = new Session(ids.accessKeyId("ASIA"), ids.secretAccessKey(), ids.sessionToken(), now,
                now.plus(lifetime), type, principal, user, role, mfaAuthenticated, sourceIdentity, Map.copyOf(tags),
                chained, Set.copyOf(transitiveTagKeys), webIdentity);
        sessions.put(session.accessKeyId(), session);
        return session;
    }

    Optional<Session> find(String accessKeyId) {
        return Optional.ofNullable(sessions.get(accessKeyId));
    }

    /** Makes credentials expire now, so a test need not wait the 15-minute minimum lifetime. */
    boolean expire(String accessKeyId) {
        Instant past = clock.instant().minusSeconds(1);
        return sessions.computeIfPresent(accessKeyId, (id, session) -> session.expiringAt(past)) != null;
    }
}
