package dev.awsconnectors.api;

/**
 * The base of every exception {@link AwsConnectorService} throws. Messages never contain a secret. They are written
 * for the person the call is made for: a user who is not a Jira administrator is told what they can do, without the
 * account, ARNs or AWS's own words; Jira administrators and system-scope callers get the details an administrator
 * acts on. The details of every refusal are also in Jira's audit log.
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
