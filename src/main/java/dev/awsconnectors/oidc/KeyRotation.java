package dev.awsconnectors.oidc;

import java.util.Objects;

/**
 * What a request to rotate the signing key did.
 *
 * @param next  the key that signs next, published now or by an earlier rotation
 * @param added whether this request published it; false when a next key was already waiting, which then stays the
 *              next one (repeated rotations do not pile up keys nor postpone the switch)
 */
public record KeyRotation(PublishedKey next, boolean added) {
    public KeyRotation {
        Objects.requireNonNull(next, "next");
    }
}
