package dev.awsconnectors.api;

/**
 * The base of every exception {@link AwsConnectorService} throws. Messages are written for a Jira administrator
 * and never contain a secret.
 *
 * @since 1.0
 */
public abstract class AwsConnectorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and, where possible, what to do about it
     * @since 1.0
     */
    protected AwsConnectorException(String message) {
        super(message);
    }
}
