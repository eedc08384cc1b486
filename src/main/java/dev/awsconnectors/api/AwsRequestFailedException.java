package dev.awsconnectors.api;

import java.util.Optional;

/**
 * AWS refused a request, or could not be reached. For a user who is not a Jira administrator the message says what
 * they can do (for example wait for the next MFA code, try again later, or ask an administrator to test the
 * connector); for an administrator or a system-scope caller it says which call failed and what to check (see
 * {@link AwsConnectorException}). {@link #getAwsErrorCode()} carries AWS's own code for programs either way.
 *
 * @since 1.0
 */
public class AwsRequestFailedException extends AwsConnectorException {
    private static final long serialVersionUID = 1L;

    private final String awsErrorCode;
    private final String requestId;

    /**
     * @param message      which call failed and what to do about it
     * @param awsErrorCode AWS's error code, such as {@code AccessDenied} or {@code ExpiredToken}; {@code null} when
     *                     AWS could not be reached
     * @param requestId    AWS's request id for support cases; {@code null} when there is none
     * @since 1.0
     */
    public AwsRequestFailedException(String message, String awsErrorCode, String requestId) {
        // No cause: it would be an AWS SDK exception, a type the caller's class loader may not know.
        super(message);
        this.awsErrorCode = awsErrorCode;
        this.requestId = requestId;
    }

    /**
     * @return AWS's error code; empty when AWS could not be reached
     * @since 1.0
     */
    public Optional<String> getAwsErrorCode() {
        return Optional.ofNullable(awsErrorCode);
    }

    /**
     * @return AWS's request id; empty when there is none
     * @since 1.0
     */
    public Optional<String> getRequestId() {
        return Optional.ofNullable(requestId);
    }
}
