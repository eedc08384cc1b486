package dev.awsconnectors.connectors;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Read access to the stored connectors, as every node of a Data Center cluster sees them now. The broker asks it
 * on every request, so that an edit made on another node takes effect at once; implementations answer
 * {@link #find(UUID)} with one indexed read, and each list in a number of reads that does not grow with the number
 * of connectors.
 */
public interface ConnectorDirectory {

    /** The connector with its account, read together so the pair is consistent; empty if there is no such id. */
    Optional<BoundConnector> find(UUID connectorId);

    /** Every connector, sorted by name. */
    List<Connector> all();

    /**
     * The connectors that name at least one group that {@code member} accepts, sorted by name, as {@link #all()}
     * filtered so. {@code member} is asked about group names as the connectors spell them, so that it can compare
     * them as Jira does, and at most once per distinct name.
     */
    default List<Connector> namingAnyGroup(Predicate<String> member) {
        return all().stream().filter(connector -> connector.groups().stream().anyMatch(member))
                .collect(Collectors.toList());
    }
}
