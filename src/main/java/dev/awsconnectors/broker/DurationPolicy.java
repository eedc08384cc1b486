package dev.awsconnectors.broker;

import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.connectors.PrincipalCapabilities;
import dev.awsconnectors.sts.UserText;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns a caller's requested duration into the DurationSeconds sent to STS: at most the connector's maximum (or
 * AWS's limit for the call when the connector sets none), at least AWS's minimum; nothing requested means the
 * connector's maximum, or AWS's default when the connector has none. AWS's limits are
 * {@link PrincipalCapabilities}'s.
 */
final class DurationPolicy {
    static final String BELOW_AWS_MINIMUM = "awsc.aws.user.duration.belowAwsMinimum";
    static final String ABOVE_CONNECTOR_MAXIMUM = "awsc.aws.user.duration.aboveConnectorMaximum";
    static final String ABOVE_AWS_MAXIMUM = "awsc.aws.user.duration.aboveAwsMaximum";
    static final String ABOVE_ROLE_CHAINING_MAXIMUM = "awsc.aws.user.duration.aboveRoleChainingMaximum";

    private DurationPolicy() {
    }

    /**
     * @param roleChaining whether the account's own credentials are a role session (a host-role account), which
     *                     caps AssumeRole at an hour whatever the connector says
     * @throws InvalidCredentialsRequestException naming {@code durationSeconds} with the {@link #refusal} in English
     */
    static OptionalInt resolve(Connector connector, boolean roleChaining, CredentialsRequest request) {
        if (request.getDuration().isEmpty()) {
            return connector.maxDurationSeconds();
        }
        long seconds = request.getDuration().get().getSeconds();
        Optional<UserText> refusal = refusal(connector, roleChaining, seconds);
        if (refusal.isPresent()) {
            throw new InvalidCredentialsRequestException("durationSeconds", refusal.get().english());
        }
        return OptionalInt.of((int) seconds);
    }

    /** Why credentials for so many seconds are not issued, naming the limit; empty when they are. */
    static Optional<UserText> refusal(Connector connector, boolean roleChaining, long seconds) {
        PrincipalCapabilities capabilities = PrincipalCapabilities.of(connector.principalType());
        OptionalInt connectorMaximum = connector.maxDurationSeconds();
        OptionalInt chainingMaximum = capabilities.roleChainingMaximumSeconds(roleChaining);
        if (seconds < capabilities.minimumSeconds()) {
            return Optional.of(UserText.of(BELOW_AWS_MINIMUM, capabilities.minimumSeconds(), seconds));
        }
        if (connectorMaximum.isPresent() && seconds > connectorMaximum.getAsInt()) {
            return Optional.of(UserText.of(ABOVE_CONNECTOR_MAXIMUM, connectorMaximum.getAsInt(), seconds));
        }
        if (connectorMaximum.isEmpty() && seconds > capabilities.maximumSeconds()) {
            return Optional.of(UserText.of(ABOVE_AWS_MAXIMUM, connector.principalType().getDisplayName(),
                    capabilities.maximumSeconds(), seconds));
        }
        if (chainingMaximum.isPresent() && seconds > chainingMaximum.getAsInt()) {
            return Optional.of(UserText.of(ABOVE_ROLE_CHAINING_MAXIMUM, chainingMaximum.getAsInt(), seconds));
        }
        return Optional.empty();
    }
}
