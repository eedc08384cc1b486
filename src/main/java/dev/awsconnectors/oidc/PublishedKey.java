package dev.awsconnectors.oidc;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A signing key as the admin sees it: its id (the JWKS's {@code kid}), its state and when it was published, when it
 * starts signing and until when it stays published. Only public facts: no key material leaves {@code oidc} through
 * it, so its {@code toString} may print every component.
 *
 * @param publishedAt    when it entered the JWKS
 * @param signsFrom      for a {@link KeyState#NEXT} key, when it starts signing; empty otherwise
 * @param publishedUntil for a {@link KeyState#PREVIOUS} key, when it leaves the JWKS (every token it signed has
 *                       expired by then); empty otherwise
 */
public record PublishedKey(String kid, KeyState state, Instant publishedAt, Optional<Instant> signsFrom,
                           Optional<Instant> publishedUntil) {

    public PublishedKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(signsFrom, "signsFrom");
        Objects.requireNonNull(publishedUntil, "publishedUntil");
    }

    static PublishedKey of(SigningKey key) {
        return new PublishedKey(key.kid(), key.state(), key.publishedAt(),
                key.state() == KeyState.NEXT ? Optional.of(key.publishedAt().plus(SigningKeys.PUBLICATION_LEAD))
                        : Optional.empty(),
                key.state() == KeyState.PREVIOUS ? key.retireAt() : Optional.empty());
    }
}
