package dev.awsconnectors.audit;

import com.atlassian.audit.entity.AuditResource;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.connectors.Connector;

import java.util.UUID;

/**
 * What every audit event of the app shares, so that the admin pages' events and the broker's events appear in
 * Jira's audit log under one category and name the same objects the same way.
 */
public final class AuditNames {
    /** The category of every event of the app ("AWS Connectors"). */
    public static final String CATEGORY = "awsc.audit.category";
    /** The type of an affected AWS account. */
    public static final String ACCOUNT_TYPE = "AWS account";
    /** The type of an affected connector. */
    public static final String CONNECTOR_TYPE = "AWS connector";
    /** The app as the OpenID Connect issuer AWS trusts, named by its issuer URL. */
    public static final String ISSUER_TYPE = "OpenID Connect issuer";

    private AuditNames() {
    }

    /** An account as an affected object: its name and id. */
    public static AuditResource account(Account account) {
        return AuditResource.builder(account.name(), ACCOUNT_TYPE).id(account.id().toString()).build();
    }

    /** A connector as an affected object: its name and id. */
    public static AuditResource connector(Connector connector) {
        return AuditResource.builder(connector.name(), CONNECTOR_TYPE).id(connector.id().toString()).build();
    }

    /** A connector known only by its id (unknown, or refused before it was read): the id stands in for the name. */
    static AuditResource connectorById(UUID connectorId) {
        return AuditResource.builder(connectorId.toString(), CONNECTOR_TYPE).id(connectorId.toString()).build();
    }
}
