package dev.awsconnectors.api;

import java.util.Optional;

/**
 * AWS refused a request, or could not be reached. The message says which call failed and what an administrator
 * can do about it; {@link #getAwsErrorCode()} carries AWS's own code for programs.
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
