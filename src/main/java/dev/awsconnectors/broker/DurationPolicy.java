package dev.awsconnectors.broker;

import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Turns a caller's requested duration into the DurationSeconds sent to STS: at most the connector's maximum (or
 * AWS's limit for the call when the connector sets none), at least AWS's 900 seconds; nothing requested means the
 * connector's maximum, or AWS's default when the connector has none.
 */
final class DurationPolicy {
    static final int AWS_MINIMUM_SECONDS = 900;
    static final int FEDERATION_AND_SESSION_TOKEN_MAXIMUM_SECONDS = 129_600;
    static final int ASSUME_ROLE_MAXIMUM_SECONDS = 43_200;
    /** A role assumed with role credentials (the host's role is one) gets at most an hour: role chaining. */
    static final int ROLE_CHAINING_MAXIMUM_SECONDS = 3_600;

    private DurationPolicy() {
    }

    /**
     * @param roleChaining whether the account's own credentials are a role session (a host-role account), which
     *                     caps AssumeRole at an hour whatever the connector says
     */
    static OptionalInt resolve(Connector connector, boolean roleChaining, CredentialsRequest request) {
        if (request.getDuration().isEmpty()) {
            return connector.maxDurationSeconds();
        }
        Duration requested = request.getDuration().get();
        long seconds = requested.getSeconds();
        if (seconds < AWS_MINIMUM_SECONDS) {
            throw new InvalidCredentialsRequestException("durationSeconds", "AWS issues credentials for at least "
                    + AWS_MINIMUM_SECONDS + " seconds (15 minutes); " + seconds + " seconds were requested.");
        }
        if (connector.maxDurationSeconds().isPresent()) {
            int max = connector.maxDurationSeconds().getAsInt();
            if (seconds > max) {
                throw new InvalidCredentialsRequestException("durationSeconds", "This connector issues credentials for "
                        + "at most " + format(max) + " seconds; " + format(seconds) + " seconds were requested.");
            }
        } else {
            int awsMax = awsMaximum(connector.principalType());
            if (seconds > awsMax) {
                throw new InvalidCredentialsRequestException("durationSeconds", "AWS issues "
                        + connector.principalType().getDisplayName() + " credentials for at most " + format(awsMax) + " seconds; "
                        + format(seconds) + " seconds were requested.");
            }
        }
        if (roleChaining && connector.principalType() == PrincipalType.IAM_ROLE
                && seconds > ROLE_CHAINING_MAXIMUM_SECONDS) {
            throw new InvalidCredentialsRequestException("durationSeconds", "This connector assumes its role with "
                    + "the host's role credentials, and AWS limits such role chaining to "
                    + format(ROLE_CHAINING_MAXIMUM_SECONDS) + " seconds; " + format(seconds)
                    + " seconds were requested.");
        }
        return OptionalInt.of((int) seconds);
    }

    static int awsMaximum(PrincipalType type) {
        return type == PrincipalType.IAM_ROLE ? ASSUME_ROLE_MAXIMUM_SECONDS : FEDERATION_AND_SESSION_TOKEN_MAXIMUM_SECONDS;
    }

    private static String format(long number) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(number);
    }
}
