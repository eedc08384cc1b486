package dev.awsconnectors.api;

import java.util.Objects;

/**
 * A request broke a limit of the connector or of AWS before AWS was called, for example a duration above the
 * connector's maximum or a missing MFA code. Nothing was changed and AWS was not called.
 *
 * @since 1.0
 */
public class InvalidCredentialsRequestException extends AwsConnectorException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the request field at fault, as named in the REST API ({@code durationSeconds}, {@code mfaCode},
     *                {@code principalType})
     * @param message what is wrong, with the limit that was broken
     * @since 1.0
     */
    public InvalidCredentialsRequestException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /**
     * @return the request field at fault
     * @since 1.0
     */
    public String getField() {
        return field;
    }
}
