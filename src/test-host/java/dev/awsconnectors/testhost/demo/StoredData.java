package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.plugin.LoadedPlugin;
import dev.awsconnectors.testhost.plugin.PluginReflection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the plugin has stored, read (and, for the Data Center rehearsal, edited) through its own repositories in the
 * bundle, for the checks no page or REST call can make: secrets are write-only everywhere a user looks. Everything
 * crosses as JDK types; see {@link PluginReflection} for why.
 */
public final class StoredData {
    private static final String ACCOUNTS = "dev.awsconnectors.persistence.AccountRepository";
    private static final String CONNECTORS = "dev.awsconnectors.persistence.ConnectorRepository";

    private final Object accounts;
    private final Object connectors;

    public StoredData(LoadedPlugin plugin) {
        this.accounts = plugin.component(ACCOUNTS);
        this.connectors = plugin.component(CONNECTORS);
    }

    /** Account name → id, in the repository's order. */
    public Map<String, UUID> accountIdsByName() {
        return idsByName(accounts);
    }

    public UUID accountId(String name) {
        return Optional.ofNullable(accountIdsByName().get(name))
                .orElseThrow(() -> new AssertionError("No stored account " + name));
    }

    /** The decrypted secret access key stored for the account. */
    public String accountSecret(UUID accountId) {
        Object account = ((Optional<?>) PluginReflection.call(accounts, "get", accountId))
                .orElseThrow(() -> new AssertionError("No stored account " + accountId));
        return (String) PluginReflection.call(accounts, "secretAccessKey", account);
    }

    /** The secrets of every stored account that has an access key. */
    public List<String> accountSecrets() {
        List<String> secrets = new ArrayList<>();
        for (Object account : (List<?>) PluginReflection.call(accounts, "all")) {
            if (((Optional<?>) PluginReflection.get(account, "accessKeyId")).isPresent()) {
                secrets.add((String) PluginReflection.call(accounts, "secretAccessKey", account));
            }
        }
        return secrets;
    }

    @SuppressWarnings("unchecked")
    public Optional<Instant> lastValidated(UUID accountId) {
        return (Optional<Instant>) PluginReflection.call(accounts, "lastValidated", accountId);
    }

    /** Connector name → id, in the repository's order. */
    public Map<String, UUID> connectorIdsByName() {
        return idsByName(connectors);
    }

    public UUID connectorId(String name) {
        return Optional.ofNullable(connectorIdsByName().get(name))
                .orElseThrow(() -> new AssertionError("No stored connector " + name));
    }

    public Optional<String> connectorDescription(UUID connectorId) {
        Object connector = connector(connectorId);
        return Optional.ofNullable(PluginReflection.get(connector, "description"))
                .map(d -> d instanceof Optional<?> o ? (String) o.orElse(null) : (String) d);
    }

    /** Edits a connector's description as the admin pages would (through the repository's update). */
    public void describeConnector(UUID connectorId, String description) {
        Object builder = PluginReflection.call(connector(connectorId), "toBuilder");
        PluginReflection.call(builder, "description", description);
        PluginReflection.call(connectors, "update", PluginReflection.call(builder, "build"));
    }

    private Object connector(UUID connectorId) {
        return ((Optional<?>) PluginReflection.call(connectors, "get", connectorId))
                .orElseThrow(() -> new AssertionError("No stored connector " + connectorId));
    }

    private static Map<String, UUID> idsByName(Object repository) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (Object row : (List<?>) PluginReflection.call(repository, "all")) {
            ids.put((String) PluginReflection.get(row, "name"), (UUID) PluginReflection.get(row, "id"));
        }
        return ids;
    }
}
