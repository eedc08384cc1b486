package dev.awsconnectors.api;

import java.util.Objects;
import java.util.UUID;

/**
 * No connector has the id a caller gave; it may have been deleted.
 *
 * @since 1.0
 */
public class ConnectorNotFoundException extends AwsConnectorException {
    private static final long serialVersionUID = 1L;

    private final UUID connectorId;

    /**
     * @param connectorId the id that was asked for
     * @since 1.0
     */
    public ConnectorNotFoundException(UUID connectorId) {
        super("There is no AWS connector with id " + Objects.requireNonNull(connectorId, "connectorId") + ".");
        this.connectorId = connectorId;
    }

    /**
     * @return the id that was asked for
     * @since 1.0
     */
    public UUID getConnectorId() {
        return connectorId;
    }
}
