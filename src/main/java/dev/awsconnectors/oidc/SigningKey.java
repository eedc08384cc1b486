package dev.awsconnectors.oidc;

import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One RSA signing key of the issuer with its state. Its {@code toString} names the key id and state only, never
 * key material.
 *
 * @param publishedAt when it was first written to the key file, and so published in the JWKS
 * @param retireAt    for a {@link KeyState#PREVIOUS} key, when every token it signed has expired
 */
record SigningKey(String kid, KeyState state, Instant publishedAt, Optional<Instant> retireAt,
                  RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {

    SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(retireAt, "retireAt");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    SigningKey withState(KeyState newState, Optional<Instant> newRetireAt) {
        return new SigningKey(kid, newState, publishedAt, newRetireAt, privateKey, publicKey);
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", state=" + state + ", publishedAt=" + publishedAt
                + retireAt.map(at -> ", retireAt=" + at).orElse("") + "]";
    }
}
