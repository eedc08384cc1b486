package dev.awsconnectors.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.connectors.Connector;

import net.java.ao.DBParam;

import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns rows into the immutable domain values, inside the transaction that read them, so entities never leave the
 * repositories; and reads the database's verdict out of a failed write.
 */
final class StoredValues {
    /**
     * SQLState of a unique-constraint violation on H2 and PostgreSQL (MySQL, Oracle and SQL Server report the class
     * 23000 instead, also recognised).
     */
    private static final String UNIQUE_VIOLATION = "23505";
    /** SQLStates of a foreign-key violation: the standard one, and H2's for an insert whose parent is missing. */
    private static final java.util.Set<String> FOREIGN_KEY_VIOLATIONS = java.util.Set.of("23503", "23506");

    private StoredValues() {
    }

    static Account account(AccountEntity row) {
        return Account.builder()
                .id(UUID.fromString(row.getPublicId()))
                .name(row.getName())
                .description(row.getDescription())
                .type(row.getAccountType())
                .accessKeyId(row.getAccessKeyId())
                .partition(Partition.fromId(row.getPartitionId()))
                .region(row.getRegion())
                .endpointOverride(uri(row.getStsEndpoint()))
                .iamEndpointOverride(uri(row.getIamEndpoint()))
                .signinEndpointOverride(uri(row.getSigninEndpoint()))
                .audience(row.getAudience())
                .issuerUrl(uri(row.getIssuerUrl()))
                .version(row.getRowVersion())
                .build();
    }

    /** The connector of a row, reading its groups (one statement); lists use the overload that is given them. */
    static Connector connector(ConnectorEntity row, UUID accountId) {
        return connector(row, accountId, Arrays.stream(row.getGroups()).map(ConnectorGroupEntity::getGroupName)
                .collect(Collectors.toList()));
    }

    /** The connector of a row whose groups were read with those of other rows. */
    static Connector connector(ConnectorEntity row, UUID accountId, Collection<String> groups) {
        return Connector.builder()
                .id(UUID.fromString(row.getPublicId()))
                .name(row.getName())
                .description(row.getDescription())
                .accountId(accountId)
                .principalType(row.getPrincipalType())
                .roleArn(row.getRoleArn())
                .externalId(row.getExternalId())
                .policy(row.getPolicy())
                .policyArns(policyArns(row.getPolicyArns()))
                .maxDurationSeconds(row.getMaxDurationSeconds())
                .mfaSerialNumber(row.getMfaSerialNumber())
                .sourceIdentityAndTags(row.isSourceIdentityAndTags())
                .groups(groups)
                .systemScope(row.isSystemScope())
                .consoleDestination(uri(row.getConsoleDestination()))
                .version(row.getRowVersion())
                .build();
    }

    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** ARNs cannot hold a line break, so one per line is unambiguous. */
    static String joinPolicyArns(List<String> arns) {
        return arns.isEmpty() ? null : String.join("\n", arns);
    }

    static String text(Optional<?> value) {
        return value.map(Object::toString).orElse(null);
    }

    static boolean isUniqueViolation(Throwable failure) {
        return sqlState(failure).filter(state -> state.equals(UNIQUE_VIOLATION) || state.equals("23000")).isPresent();
    }

    /** Two transactions that could not both commit (PostgreSQL under SERIALIZABLE isolation, as AO may run). */
    static boolean isSerializationFailure(Throwable failure) {
        return sqlState(failure).filter("40001"::equals).isPresent();
    }

    /**
     * Claims the edit of an account or connector from {@code version} to {@code version + 1}, inside the edit's
     * transaction; see {@link EditClaimEntity}.
     *
     * @throws ConcurrentEditException if another edit of the same version got there first
     */
    /** How many of an object's newest edit claims are kept; older ones are deleted by the next edit. */
    static final int KEPT_CLAIMS = 10;

    static void claimEdit(ActiveObjects ao, String kind, String publicId, long newVersion, String name) {
        String claim = kind + ":" + publicId + ":" + newVersion;
        try {
            ao.create(EditClaimEntity.class, new DBParam("CLAIM_KEY", claim));
        } catch (RuntimeException e) {
            if (isUniqueViolation(e) || isSerializationFailure(e)) {
                throw new ConcurrentEditException(kind, name);
            }
            throw e;
        }
        // An edit of an older version fails the row's version check, which runs in its transaction before it
        // claims; only an edit that read the row just before others committed can still need an older claim to be
        // refused. The newest KEPT_CLAIMS claims cover that window many times over, and bound the table.
        List<Object> kept = new ArrayList<>();
        for (long version = newVersion; version > Math.max(0, newVersion - KEPT_CLAIMS); version--) {
            kept.add(kind + ":" + publicId + ":" + version);
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(claimPrefix(kind, publicId));
        parameters.addAll(kept);
        ao.deleteWithSQL(EditClaimEntity.class, "CLAIM_KEY LIKE ? AND CLAIM_KEY NOT IN ("
                + String.join(", ", Collections.nCopies(kept.size(), "?")) + ")", parameters.toArray());
    }

    /** Deletes the edit claims of an account or connector that is deleted in the same transaction. */
    static void dropEditClaims(ActiveObjects ao, String kind, String publicId) {
        ao.deleteWithSQL(EditClaimEntity.class, "CLAIM_KEY LIKE ?", claimPrefix(kind, publicId));
    }

    private static String claimPrefix(String kind, String publicId) {
        // Kinds and public ids (UUIDs) hold no LIKE wildcards.
        return kind + ":" + publicId + ":%";
    }

    static boolean isForeignKeyViolation(Throwable failure) {
        return sqlState(failure).filter(FOREIGN_KEY_VIOLATIONS::contains).isPresent();
    }

    private static Optional<String> sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException && ((SQLException) cause).getSQLState() != null) {
                return Optional.of(((SQLException) cause).getSQLState());
            }
        }
        return Optional.empty();
    }

    private static List<String> policyArns(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n"));
    }

    private static URI uri(String stored) {
        return stored == null ? null : URI.create(stored);
    }
}
