package dev.awsconnectors.connectors;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read access to the stored connectors, as every node of a Data Center cluster sees them now. The broker asks it
 * on every request, so that an edit made on another node takes effect at once; implementations answer
 * {@link #find(UUID)} with one indexed read.
 */
public interface ConnectorDirectory {

    /** The connector with its account, read together so the pair is consistent; empty if there is no such id. */
    Optional<BoundConnector> find(UUID connectorId);

    /** Every connector, sorted by name. */
    List<Connector> all();
}
