package dev.awsconnectors.broker;

import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.InvalidCredentialsRequestException;

import java.time.Duration;

/**
 * A duration as a person or script types it, in a REST query parameter or a form: a positive whole number of seconds,
 * or nothing for the connector's maximum. Whether the number fits the connector and AWS is {@link DurationPolicy}'s
 * to say when the request is made.
 */
public final class RequestedDuration {

    private RequestedDuration() {
    }

    /**
     * @param request what was asked for so far
     * @param seconds the typed number of seconds; {@code null} or blank for none
     * @param refusal what to tell the caller when it is not a positive whole number, in their language
     * @return the request with the duration, or as it was when none was typed
     * @throws InvalidCredentialsRequestException naming {@code durationSeconds}, with the refusal, when the text is
     *                                            not a positive whole number
     */
    public static CredentialsRequest applyTo(CredentialsRequest request, String seconds, String refusal) {
        if (seconds == null || seconds.isBlank()) {
            return request;
        }
        long parsed;
        try {
            parsed = Long.parseLong(seconds.strip());
        } catch (NumberFormatException e) {
            throw new InvalidCredentialsRequestException("durationSeconds", refusal);
        }
        if (parsed <= 0) {
            throw new InvalidCredentialsRequestException("durationSeconds", refusal);
        }
        return request.withDuration(Duration.ofSeconds(parsed));
    }
}
