package dev.awsconnectors.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a caller wants its credentials: an optional duration shorter than the connector's maximum, and an MFA code
 * for connectors that ask for one. Immutable; build it with {@link #defaults()} and the {@code with…} methods.
 *
 * @since 1.0
 */
public final class CredentialsRequest {
    // AWS's TokenCode: exactly six digits.
    private static final Pattern MFA_CODE = Pattern.compile("[0-9]{6}");
    private static final CredentialsRequest DEFAULTS = new CredentialsRequest(null, null);

    private final Duration duration;
    private final String mfaCode;

    private CredentialsRequest(Duration duration, String mfaCode) {
        this.duration = duration;
        this.mfaCode = mfaCode;
    }

    /**
     * A request for the connector's maximum duration (or AWS's default when the connector sets none) and no MFA
     * code.
     *
     * @return the default request
     * @since 1.0
     */
    public static CredentialsRequest defaults() {
        return DEFAULTS;
    }

    /**
     * A copy that asks for credentials valid for the given time. Whether it fits the connector and AWS is checked
     * when the request is made.
     *
     * @param duration a positive number of whole seconds
     * @return the new request
     * @throws InvalidCredentialsRequestException naming {@code durationSeconds} if the duration is not a positive
     *                                            number of whole seconds
     * @since 1.0
     */
    public CredentialsRequest withDuration(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero() || duration.getNano() != 0) {
            throw new InvalidCredentialsRequestException("durationSeconds",
                    "The duration must be a positive number of whole seconds.");
        }
        return new CredentialsRequest(duration, mfaCode);
    }

    /**
     * A copy that carries the current code of the MFA device configured on the connector.
     *
     * @param mfaCode six digits
     * @return the new request
     * @throws InvalidCredentialsRequestException naming {@code mfaCode} if it is not six digits
     * @since 1.0
     */
    public CredentialsRequest withMfaCode(String mfaCode) {
        Objects.requireNonNull(mfaCode, "mfaCode");
        if (!MFA_CODE.matcher(mfaCode).matches()) {
            throw new InvalidCredentialsRequestException("mfaCode", "The MFA code must be six digits.");
        }
        return new CredentialsRequest(duration, mfaCode);
    }

    /**
     * @return the requested duration; empty for the connector's maximum or AWS's default
     * @since 1.0
     */
    public Optional<Duration> getDuration() {
        return Optional.ofNullable(duration);
    }

    /**
     * @return the MFA code; empty when none was given
     * @since 1.0
     */
    public Optional<String> getMfaCode() {
        return Optional.ofNullable(mfaCode);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CredentialsRequest)) {
            return false;
        }
        CredentialsRequest that = (CredentialsRequest) o;
        return Objects.equals(duration, that.duration) && Objects.equals(mfaCode, that.mfaCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(duration, mfaCode);
    }

    @Override
    public String toString() {
        // A one-time code is still a credential for its 30 seconds.
        return "CredentialsRequest[duration=" + duration + ", mfaCode=" + (mfaCode == null ? "none" : "******") + "]";
    }
}
