package dev.awsconnectors.persistence;

import java.util.List;

/** An account cannot be deleted while connectors use it; the message names them. Nothing was deleted. */
public final class AccountInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> connectorNames;

    AccountInUseException(String accountName, List<String> connectorNames) {
        super("The account '" + accountName + "' is used by " + (connectorNames.size() == 1 ? "the connector " : "the "
                + "connectors ") + String.join(", ", connectorNames.stream().map(n -> "'" + n + "'").toList())
                + "; delete them or move them to another account first.");
        this.connectorNames = List.copyOf(connectorNames);
    }

    /** The connectors that use the account, by name. */
    public List<String> connectorNames() {
        return connectorNames;
    }
}
