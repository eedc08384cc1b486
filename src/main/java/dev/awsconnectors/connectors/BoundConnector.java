package dev.awsconnectors.connectors;

import dev.awsconnectors.accounts.Account;

import java.util.Objects;

/**
 * A connector together with the account it uses, as read at one moment. Their versions identify exactly which
 * configuration a set of credentials was obtained with.
 */
public record BoundConnector(Connector connector, Account account) {

    public BoundConnector {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(account, "account");
        if (!account.id().equals(connector.accountId())) {
            throw new IllegalArgumentException("Connector " + connector.id() + " does not use account " + account.id());
        }
    }
}
