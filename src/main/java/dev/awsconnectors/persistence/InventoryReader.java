package dev.awsconnectors.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.awsconnectors.accounts.Account;
import net.java.ao.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the {@link Inventory} the admin page shows, whatever the number of accounts and connectors, in two
 * statements while no connector has changed since this node last listed them: the account rows (which also carry
 * their last validation and their encrypted secret, checked here against the key file without another read) and
 * the connectors list's revision; four after a change, when the connector rows and their groups are read again.
 */
@Component
public class InventoryReader {
    private final ActiveObjects ao;
    private final AccountRepository accounts;
    private final ConnectorRepository connectors;

    public InventoryReader(@ComponentImport ActiveObjects ao, AccountRepository accounts,
                           ConnectorRepository connectors) {
        this.ao = ao;
        this.accounts = accounts;
        this.connectors = connectors;
    }

    /** Every account and connector as of one transaction. */
    public Inventory read() {
        return ao.executeInTransaction(() -> {
            List<Account> accountList = new ArrayList<>();
            List<UnreadableSecret> unreadable = new ArrayList<>();
            Map<UUID, Instant> lastValidated = new HashMap<>();
            Map<Integer, UUID> accountIds = new HashMap<>();
            for (AccountEntity row : ao.find(AccountEntity.class, Query.select().order("NAME_KEY ASC"))) {
                Account account = StoredValues.account(row);
                accountList.add(account);
                accountIds.put(row.getID(), account.id());
                if (row.getLastValidated() != null) {
                    lastValidated.put(account.id(), row.getLastValidated().toInstant());
                }
                accounts.unreadableSecret(row).ifPresent(unreadable::add);
            }
            return new Inventory(accountList, connectors.all(accountIds), unreadable, lastValidated);
        });
    }
}
