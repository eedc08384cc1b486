package dev.awsconnectors.api;

import java.util.List;
import java.util.UUID;

/**
 * Brokers short-lived AWS credentials from the connectors that Jira administrators define.
 *
 * <p>Other apps obtain this service from OSGi (for example with {@code @ComponentImport AwsConnectorService}).
 * Every method checks the access rules before it calls AWS:
 * <ol>
 *   <li>a call with no Jira user is allowed only through {@link #getSystemCredentials} and only for a connector
 *       flagged <em>system scope</em>;</li>
 *   <li>Jira administrators and system administrators may use every connector;</li>
 *   <li>any other user may use a connector only if they are in one of its groups (no groups means admins only).</li>
 * </ol>
 *
 * <p>All methods are thread-safe. Credentials are cached and reused until shortly before they expire, so callers
 * should ask again rather than keep credentials of their own.
 *
 * <p>Every credentials request and console sign-in, allowed or refused, is written to Jira's audit log with the
 * calling app's plugin key, which the OSGi framework supplies when it hands this service to the app's bundle.
 *
 * <p>Errors are reported with the unchecked exceptions of this package, all subclasses of
 * {@link AwsConnectorException}; their messages never contain a secret. Unlike the REST API, which answers a
 * connector the user may not use as if it did not exist, this service tells the calling app the rule that refused
 * ({@link ConnectorAccessDeniedException#getReason()}): the app decides what its own users are shown.
 *
 * @since 1.0
 */
public interface AwsConnectorService {

    /**
     * The connectors that the current Jira user may use, sorted by name.
     *
     * @return the usable connectors; empty when there are none or no user is logged in
     * @since 1.0
     */
    List<ConnectorSummary> getUsableConnectors();

    /**
     * Temporary credentials from a connector, for the current Jira user.
     *
     * @param connectorId the connector's id, as in {@link ConnectorSummary#getId()}
     * @param request     the duration and MFA code to use; {@link CredentialsRequest#defaults()} for none
     * @return credentials that are valid until {@link TemporaryCredentials#getExpiration()}
     * @throws ConnectorNotFoundException      if no connector has that id
     * @throws ConnectorAccessDeniedException  if no user is logged in or the user may not use the connector
     * @throws InvalidCredentialsRequestException if the request breaks one of the connector's or AWS's limits
     * @throws AwsRequestFailedException       if AWS refused or could not be reached
     * @throws AccountSecretUnavailableException if the connector's account's stored secret cannot be read (the key
     *                                         file is missing or not the one it was encrypted with); nothing was
     *                                         sent to AWS, and only a Jira administrator can repair it
     * @since 1.0
     */
    TemporaryCredentials getCredentials(UUID connectorId, CredentialsRequest request);

    /**
     * Temporary credentials from a system-scope connector, for code that runs with no Jira user (a scheduled job,
     * an event listener). AWS sees the fixed session name {@value #SYSTEM_SESSION_NAME} where the principal type
     * takes one.
     *
     * @param connectorId the connector's id
     * @param request     the duration to use; an MFA code is refused, since system scope cannot ask a person
     * @return credentials that are valid until {@link TemporaryCredentials#getExpiration()}
     * @throws ConnectorNotFoundException      if no connector has that id
     * @throws ConnectorAccessDeniedException  if the connector is not flagged system scope
     * @throws InvalidCredentialsRequestException if the request breaks one of the connector's or AWS's limits
     * @throws AwsRequestFailedException       if AWS refused or could not be reached
     * @throws AccountSecretUnavailableException if the connector's account's stored secret cannot be read (the key
     *                                         file is missing or not the one it was encrypted with); nothing was
     *                                         sent to AWS, and only a Jira administrator can repair it
     * @since 1.0
     */
    TemporaryCredentials getSystemCredentials(UUID connectorId, CredentialsRequest request);

    /**
     * A sign-in URL for the AWS Management Console, for the current Jira user. Available for Federated User and
     * IAM Role connectors; AWS does not allow console sign-in with IAM User session-token credentials.
     *
     * @param connectorId the connector's id
     * @param request     the duration of the console session and MFA code to use
     * @return the URL to open and the time until which it can be used
     * @throws ConnectorNotFoundException      if no connector has that id
     * @throws ConnectorAccessDeniedException  if no user is logged in or the user may not use the connector
     * @throws InvalidCredentialsRequestException if the connector's principal type has no console sign-in, or the
     *                                         request breaks a limit
     * @throws AwsRequestFailedException       if AWS refused or could not be reached
     * @throws AccountSecretUnavailableException if the connector's account's stored secret cannot be read (the key
     *                                         file is missing or not the one it was encrypted with); nothing was
     *                                         sent to AWS, and only a Jira administrator can repair it
     * @since 1.0
     */
    ConsoleSignIn getConsoleSignIn(UUID connectorId, CredentialsRequest request);

    /**
     * The session name AWS sees for credentials obtained through {@link #getSystemCredentials}.
     *
     * @since 1.0
     */
    String SYSTEM_SESSION_NAME = "jira-system";
}
