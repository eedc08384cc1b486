package dev.awsconnectors.broker;

import dev.awsconnectors.connectors.BoundConnector;
import dev.awsconnectors.sts.SessionOwner;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * What makes two credential requests interchangeable: the same connector and account, both at the same version (so
 * an edit on any node leads to a new key, never a stale hit), the same owner and the same requested duration.
 */
record CredentialsKey(UUID connectorId, long connectorVersion, UUID accountId, long accountVersion,
                      SessionOwner owner, OptionalInt durationSeconds) {

    CredentialsKey {
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(durationSeconds, "durationSeconds");
    }

    static CredentialsKey of(BoundConnector bound, SessionOwner owner, OptionalInt durationSeconds) {
        return new CredentialsKey(bound.connector().id(), bound.connector().version(), bound.account().id(),
                bound.account().version(), owner, durationSeconds);
    }

    /**
     * Whether this key is for the same connector as {@code other}, under a later edit of the connector or of its
     * account. (Moving a connector to another account is an edit of the connector, so versions stay comparable.)
     */
    boolean isNewerConfigurationThan(CredentialsKey other) {
        if (!connectorId.equals(other.connectorId)) {
            return false;
        }
        if (connectorVersion != other.connectorVersion) {
            return connectorVersion > other.connectorVersion;
        }
        return accountId.equals(other.accountId) && accountVersion > other.accountVersion;
    }
}
