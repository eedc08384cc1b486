package dev.awsconnectors.testhost.store;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountSecrets;
import dev.awsconnectors.connectors.BoundConnector;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.connectors.ConnectorDirectory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Accounts, their secrets and connectors held in memory, for tests of the broker until the Active Objects storage
 * stands in for it. Counts reads, so tests can show how many a request costs.
 */
public final class InMemoryConnectors implements ConnectorDirectory, AccountSecrets {
    private final Map<UUID, Account> accounts = new ConcurrentHashMap<>();
    private final Map<UUID, String> secrets = new ConcurrentHashMap<>();
    private final Map<UUID, Connector> connectors = new ConcurrentHashMap<>();
    private final AtomicInteger finds = new AtomicInteger();
    private final AtomicInteger secretReads = new AtomicInteger();

    /** Stores or replaces an account (an edit is a higher version) and, for access-key accounts, its secret. */
    public InMemoryConnectors put(Account account, String secretAccessKey) {
        accounts.put(account.id(), account);
        if (secretAccessKey != null) {
            secrets.put(account.id(), secretAccessKey);
        }
        return this;
    }

    /** Stores or replaces a connector. */
    public InMemoryConnectors put(Connector connector) {
        connectors.put(connector.id(), connector);
        return this;
    }

    public int findCount() {
        return finds.get();
    }

    public int secretReadCount() {
        return secretReads.get();
    }

    @Override
    public Optional<BoundConnector> find(UUID connectorId) {
        finds.incrementAndGet();
        Connector connector = connectors.get(connectorId);
        if (connector == null) {
            return Optional.empty();
        }
        return Optional.of(new BoundConnector(connector, accounts.get(connector.accountId())));
    }

    @Override
    public List<Connector> all() {
        return connectors.values().stream().sorted(Comparator.comparing(Connector::name))
                .collect(Collectors.toList());
    }

    @Override
    public String secretAccessKey(Account account) {
        secretReads.incrementAndGet();
        String secret = secrets.get(account.id());
        if (secret == null) {
            throw new IllegalStateException("No secret access key is stored for account " + account.name() + ".");
        }
        return secret;
    }
}
