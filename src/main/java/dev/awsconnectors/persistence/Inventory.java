package dev.awsconnectors.persistence;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.connectors.Connector;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Every account and connector as one read saw them, with what the admin page shows beside the accounts: when each
 * was last validated and whose stored secret cannot be decrypted now. Read by {@link InventoryReader}.
 *
 * @param accounts          every account, sorted by name
 * @param connectors        every connector, sorted by name
 * @param unreadableSecrets the accounts whose stored secret cannot be decrypted now, sorted by name
 * @param lastValidated     when "Validate" last succeeded, by account id; accounts never validated are absent
 */
public record Inventory(List<Account> accounts, List<Connector> connectors, List<UnreadableSecret> unreadableSecrets,
                        Map<UUID, Instant> lastValidated) {

    public Inventory {
        accounts = List.copyOf(accounts);
        connectors = List.copyOf(connectors);
        unreadableSecrets = List.copyOf(unreadableSecrets);
        lastValidated = Map.copyOf(lastValidated);
    }

    /** When "Validate" last succeeded for the account; empty if never. */
    public Optional<Instant> lastValidated(UUID accountId) {
        return Optional.ofNullable(lastValidated.get(Objects.requireNonNull(accountId, "accountId")));
    }
}
