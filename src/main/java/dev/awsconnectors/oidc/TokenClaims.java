package dev.awsconnectors.oidc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an identity token says besides its issuer and times: who it is about ({@code sub}), for whom ({@code aud}),
 * for how long, and optionally the source identity and session tags AWS reads from the claims
 * {@code https://aws.amazon.com/source_identity} and {@code https://aws.amazon.com/tags}.
 *
 * @param lifetime          from 1 minute to 1 hour: the token is only presented once, at once, to STS
 * @param transitiveTagKeys keys of {@code principalTags} that pass on through role chaining
 */
public record TokenClaims(String subject, String audience, Duration lifetime, Optional<String> sourceIdentity,
                          Map<String, String> principalTags, List<String> transitiveTagKeys) {

    public static final Duration MIN_LIFETIME = Duration.ofMinutes(1);
    public static final Duration MAX_LIFETIME = SigningKeys.MAX_TOKEN_LIFETIME;

    public TokenClaims {
        requireText(subject, "subject");
        requireText(audience, "audience");
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("a token lives from " + MIN_LIFETIME.toMinutes() + " to "
                    + MAX_LIFETIME.toMinutes() + " minutes, not " + lifetime.toSeconds() + " seconds");
        }
        Objects.requireNonNull(sourceIdentity, "sourceIdentity");
        principalTags = Map.copyOf(principalTags);
        transitiveTagKeys = List.copyOf(transitiveTagKeys);
        for (String key : transitiveTagKeys) {
            if (!principalTags.containsKey(key)) {
                throw new IllegalArgumentException("the transitive tag key " + key + " is not a principal tag");
            }
        }
    }

    /** A token about {@code subject} for {@code audience}, without source identity or tags. */
    public static TokenClaims of(String subject, String audience, Duration lifetime) {
        return new TokenClaims(subject, audience, lifetime, Optional.empty(), Map.of(), List.of());
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a token needs a " + name);
        }
    }
}
