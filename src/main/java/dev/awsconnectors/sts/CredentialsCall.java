package dev.awsconnectors.sts;

import dev.awsconnectors.connectors.BoundConnector;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One request to STS, after the access rules allowed it and the broker resolved the duration.
 *
 * @param connector       the connector and its account, as read for this request
 * @param owner           who the credentials are for
 * @param durationSeconds the DurationSeconds to send; empty to let AWS apply its default
 * @param mfaCode         the TokenCode to send with the connector's MFA serial number, if any: that of a
 *                        {@link dev.awsconnectors.api.CredentialsRequest}, so six digits
 */
public record CredentialsCall(BoundConnector connector, SessionOwner owner, OptionalInt durationSeconds,
                              Optional<String> mfaCode) {

    public CredentialsCall {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(owner, "owner");
        durationSeconds = durationSeconds == null ? OptionalInt.empty() : durationSeconds;
        mfaCode = mfaCode == null ? Optional.empty() : mfaCode;
    }

    @Override
    public String toString() {
        // The MFA code stays out of logs.
        return "CredentialsCall[connector=" + connector.connector().id() + ", owner=" + owner
                + ", durationSeconds=" + durationSeconds + ", mfaCode=" + (mfaCode.isPresent() ? "******" : "none")
                + "]";
    }
}
