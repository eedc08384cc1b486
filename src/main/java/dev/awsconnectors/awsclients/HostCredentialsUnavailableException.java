package dev.awsconnectors.awsclients;

/**
 * The host's role credentials could not be found: no container endpoint or instance profile answered. It is the
 * cause of the SDK's failure, so that the failure can be told apart from a failure to reach AWS.
 */
public final class HostCredentialsUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public static final String MESSAGE = "The credentials of the host's role could not be loaded.";

    public HostCredentialsUnavailableException(Throwable cause) {
        super(MESSAGE, cause);
    }
}
