package dev.awsconnectors.api;

import java.util.Objects;

/**
 * The access rules do not let this caller use the connector. The message names the rule that refused, and
 * nothing about other connectors.
 *
 * @since 1.0
 */
public class ConnectorAccessDeniedException extends AwsConnectorException {
    private static final long serialVersionUID = 1L;

    /**
     * Which access rule refused.
     *
     * @since 1.0
     */
    public enum Reason {
        /**
         * No Jira user is logged in and the call was not made through the system-scope entry.
         *
         * @since 1.0
         */
        NOT_LOGGED_IN("You must be logged in to Jira to use an AWS connector."),
        /**
         * The connector is not flagged system scope, so code with no user may not use it.
         *
         * @since 1.0
         */
        NOT_SYSTEM_SCOPE("This AWS connector is not enabled for system scope, so it cannot be used without a Jira user."),
        /**
         * The connector names no groups, so only Jira administrators may use it.
         *
         * @since 1.0
         */
        ADMINS_ONLY("Only Jira administrators may use this AWS connector."),
        /**
         * The user is in none of the connector's groups.
         *
         * @since 1.0
         */
        NOT_IN_CONNECTOR_GROUPS("You are not in any of the groups allowed to use this AWS connector.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /**
         * @return the sentence shown to the caller
         * @since 1.0
         */
        public String getMessage() {
            return message;
        }
    }

    private final Reason reason;

    /**
     * @param reason the rule that refused
     * @since 1.0
     */
    public ConnectorAccessDeniedException(Reason reason) {
        super(Objects.requireNonNull(reason, "reason").getMessage());
        this.reason = reason;
    }

    /**
     * @return the rule that refused
     * @since 1.0
     */
    public Reason getReason() {
        return reason;
    }
}
