package dev.awsconnectors.broker;

import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.connectors.BoundConnector;

import java.util.Objects;

/**
 * Temporary credentials with the connector and account they were issued from, as the broker read them for that
 * request: a caller that goes on to use the credentials (the connector's "Test") names the same connector and signs
 * for the same account and endpoint without reading them a second time.
 *
 * @param connector   the connector and its account, read once for the request
 * @param credentials what the connector gave the caller
 */
public record IssuedCredentials(BoundConnector connector, TemporaryCredentials credentials) {

    public IssuedCredentials {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(credentials, "credentials");
    }
}
