package dev.awsconnectors.persistence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A rotation of an account's key that has not finished, as the admin page shows it.
 *
 * @param accountId   the account
 * @param oldKeyId    the key ID the account stored when the rotation started
 * @param newKeyId    the ID of the key AWS created, if it answered before the rotation stopped
 * @param started     when it started
 * @param interrupted whether it stopped without finishing (a node crashed or was stopped, or a clean-up step
 *                    failed), so that a clean-up is due; otherwise it is still running
 */
public record KeyRotationState(UUID accountId, String oldKeyId, Optional<String> newKeyId, Instant started,
                               boolean interrupted) {
    public KeyRotationState {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(oldKeyId, "oldKeyId");
        Objects.requireNonNull(newKeyId, "newKeyId");
        Objects.requireNonNull(started, "started");
    }
}
