package dev.awsconnectors.persistence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The hold of one rotation (or clean-up) on an account's key, from {@link KeyRotations}; what it may change is
 * checked against the stored claim, so a holder that lost it (a clean-up took it over) changes nothing.
 *
 * @param accountId the account
 * @param token     the stored claim's token
 * @param oldKeyId  the key ID the account stored when the rotation started
 * @param newKeyId  the new key's ID, once AWS returned it
 * @param started   when the rotation started
 */
public record RotationClaim(UUID accountId, String token, String oldKeyId, Optional<String> newKeyId,
                            Instant started) {
    public RotationClaim {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(oldKeyId, "oldKeyId");
        Objects.requireNonNull(newKeyId, "newKeyId");
        Objects.requireNonNull(started, "started");
    }
}
