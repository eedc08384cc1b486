package dev.awsconnectors.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.api.ConnectorNotFoundException;
import dev.awsconnectors.connectors.BoundConnector;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.connectors.ConnectorDirectory;
import dev.awsconnectors.connectors.GroupDirectory;
import dev.awsconnectors.validation.ConfigurationValidator;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Stores connectors and hands them out as immutable {@link Connector} values. Every write is one transaction,
 * validated first; names are unique regardless of case (the database decides, so two nodes cannot both win); an
 * edit based on an older version is refused.
 *
 * <p>As the broker's {@link ConnectorDirectory}, {@link #find(UUID)} costs one indexed read of the connector's row:
 * the row carries its own version and its account's, and the connector with its account and groups is rebuilt
 * only when either has changed, on whichever node the edit was made. The lists work the same way as a whole: every
 * write gives the list a new revision ({@link ListRevisions}), and a list costs one statement, the revision, while
 * no node has changed a connector since this node read them all; then four (the connectors, their groups and their
 * accounts' ids, each in one statement), whatever the number of connectors.
 */
@Component
public class ConnectorRepository implements ConnectorDirectory {
    private final ActiveObjects ao;
    private final ConfigurationValidator validator;
    private final GroupDirectory groups;
    private final Map<UUID, Snapshot> snapshots = new ConcurrentHashMap<>();
    /** Every connector as last read, with the list's revision it was read at; null until the first read. */
    private volatile Listing listing;

    public ConnectorRepository(@ComponentImport ActiveObjects ao, ConfigurationValidator validator,
                               GroupDirectory groups) {
        this.ao = ao;
        this.validator = validator;
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    /** A connector read with its account and groups, and the row versions it was read at. */
    private static final class Snapshot {
        final long connectorVersion;
        final long accountVersion;
        final BoundConnector bound;

        Snapshot(long connectorVersion, long accountVersion, BoundConnector bound) {
            this.connectorVersion = connectorVersion;
            this.accountVersion = accountVersion;
            this.bound = bound;
        }
    }

    /**
     * Every connector, sorted by name, under the revision read just before them: a reader that reads the revision
     * first and then the rows can only have rows as new as that revision or newer, so equal revisions later mean
     * nothing has changed since.
     */
    private record Listing(String revision, List<Connector> connectors, Set<String> groupNames) {
    }

    @Override
    public Optional<BoundConnector> find(UUID connectorId) {
        Objects.requireNonNull(connectorId, "connectorId");
        return ao.executeInTransaction(() -> {
            ConnectorEntity row = rowOf(connectorId);
            if (row == null) {
                snapshots.remove(connectorId);
                return Optional.empty();
            }
            Snapshot known = snapshots.get(connectorId);
            if (known != null && known.connectorVersion == row.getRowVersion()
                    && known.accountVersion == row.getAccountVersion()) {
                return Optional.of(known.bound);
            }
            // The account's row in one read: through the reference, Active Objects reads each column on its own.
            AccountEntity[] accountRows = ao.find(AccountEntity.class,
                    Query.select().where("ID = ?", row.getAccount().getID()));
            Account account = StoredValues.account(accountRows[0]);
            BoundConnector bound = new BoundConnector(StoredValues.connector(row, account.id()), account);
            snapshots.put(connectorId, new Snapshot(row.getRowVersion(), row.getAccountVersion(), bound));
            return Optional.of(bound);
        });
    }

    /**
     * Every connector, sorted by name. While no node has changed a connector since this node last read them, one
     * statement (the list's revision); otherwise four: the revision, the connectors, their groups, the ids of their
     * accounts. The same whatever the number of connectors.
     */
    @Override
    public List<Connector> all() {
        return ao.executeInTransaction(() -> listing(null).connectors());
    }

    /**
     * The connectors naming a group that {@code member} accepts, sorted by name, read as {@link #all()} reads them.
     * {@code member} is asked about each group name that any connector names, once each.
     */
    @Override
    public List<Connector> namingAnyGroup(Predicate<String> member) {
        Objects.requireNonNull(member, "member");
        return ao.executeInTransaction(() -> {
            Listing current = listing(null);
            Set<String> accepted = current.groupNames().stream().filter(member).collect(Collectors.toSet());
            if (accepted.isEmpty()) {
                return List.<Connector>of();
            }
            return current.connectors().stream()
                    .filter(connector -> connector.groups().stream().anyMatch(accepted::contains))
                    .collect(Collectors.toList());
        });
    }

    /**
     * Every connector, as {@link #all()}, for a caller that has just read every account in its transaction:
     * {@code accountIds} maps their row ids to their public ids, so the accounts are not read again.
     */
    List<Connector> all(Map<Integer, UUID> accountIds) {
        return listing(Objects.requireNonNull(accountIds, "accountIds")).connectors();
    }

    /** The listing under the revision committed now, kept from the last read if it is the same; in a transaction. */
    private Listing listing(Map<Integer, UUID> accountIds) {
        String revision = ListRevisions.connectorsRevision(ao);
        Listing known = listing;
        if (known != null && !revision.isEmpty() && known.revision().equals(revision)) {
            return known;
        }
        ConnectorEntity[] rows = ao.find(ConnectorEntity.class, Query.select().order("NAME_KEY ASC"));
        List<Connector> connectors = rows.length == 0 ? List.of()
                : listed(rows, groupsByConnector(), accountIds == null ? accountIds() : accountIds);
        Set<String> groupNames = new TreeSet<>();
        connectors.forEach(connector -> groupNames.addAll(connector.groups()));
        Listing read = new Listing(revision, List.copyOf(connectors), Set.copyOf(groupNames));
        if (!revision.isEmpty()) {
            listing = read;
        }
        return read;
    }

    /** The group names of every connector, by the connector's row id, in one statement. */
    private Map<Integer, List<String>> groupsByConnector() {
        Map<Integer, List<String>> groups = new HashMap<>();
        for (ConnectorGroupEntity row : ao.find(ConnectorGroupEntity.class)) {
            groups.computeIfAbsent(row.getConnector().getID(), id -> new ArrayList<>()).add(row.getGroupName());
        }
        return groups;
    }

    /** The public id of every account, by row id, in one statement. */
    private Map<Integer, UUID> accountIds() {
        Map<Integer, UUID> accountIds = new HashMap<>();
        for (AccountEntity account : ao.find(AccountEntity.class)) {
            accountIds.put(account.getID(), UUID.fromString(account.getPublicId()));
        }
        return accountIds;
    }

    private static List<Connector> listed(ConnectorEntity[] rows, Map<Integer, List<String>> groups,
                                          Map<Integer, UUID> accountIds) {
        List<Connector> connectors = new ArrayList<>(rows.length);
        for (ConnectorEntity row : rows) {
            connectors.add(StoredValues.connector(row, accountIds.get(row.getAccount().getID()),
                    groups.getOrDefault(row.getID(), List.of())));
        }
        return connectors;
    }

    /** The connector with this id. */
    public Optional<Connector> get(UUID connectorId) {
        return find(connectorId).map(BoundConnector::connector);
    }

    /** The names of the connectors that use an account, sorted. */
    public List<String> namesUsingAccount(UUID accountId) {
        return ao.executeInTransaction(() -> {
            AccountEntity account = AccountRepository.rowOf(ao, accountId);
            return account == null ? List.<String>of() : connectorNamesOf(ao, account);
        });
    }

    /**
     * Stores a new connector.
     *
     * @return the stored connector, at version 1
     * @throws dev.awsconnectors.validation.ConfigurationException naming each wrong field, the name if it is taken
     */
    public Connector create(Connector connector) {
        return create(connector, stored -> { });
    }

    /**
     * As {@link #create(Connector)}, handing the stored connector to {@code beforeCommit} inside the transaction:
     * if it throws, nothing is stored.
     */
    public Connector create(Connector connector, Consumer<? super Connector> beforeCommit) {
        try {
            return ao.executeInTransaction(() -> {
                AccountEntity account = validated(connector, Set.of());
                ConnectorEntity row = ao.create(ConnectorEntity.class,
                        new DBParam("PUBLIC_ID", connector.id().toString()),
                        new DBParam("NAME", connector.name()),
                        new DBParam("NAME_KEY", StoredValues.nameKey(connector.name())),
                        new DBParam("ACCOUNT_ID", account.getID()),
                        new DBParam("ACCOUNT_VERSION", account.getRowVersion()),
                        new DBParam("PRINCIPAL_TYPE", connector.principalType()),
                        new DBParam("ROW_VERSION", 1L));
                write(row, connector, account);
                Connector stored = StoredValues.connector(row, connector.accountId());
                beforeCommit.accept(stored);
                ListRevisions.connectorsChanged(ao);
                return stored;
            });
        } catch (RuntimeException e) {
            throw translated(e, connector);
        }
    }

    /**
     * Saves an edit made to the version in {@code edited.version()}.
     *
     * @throws ConcurrentEditException if someone saved the connector since that version was read
     * @throws ConnectorNotFoundException if it was deleted meanwhile
     */
    public Connector update(Connector edited) {
        return update(edited, stored -> { });
    }

    /**
     * As {@link #update(Connector)}, handing the stored connector to {@code beforeCommit} inside the transaction:
     * if it throws, nothing is stored.
     */
    public Connector update(Connector edited, Consumer<? super Connector> beforeCommit) {
        try {
            return ao.executeInTransaction(() -> {
                ConnectorEntity row = rowOf(edited.id());
                if (row == null) {
                    throw new ConnectorNotFoundException(edited.id());
                }
                if (row.getRowVersion() != edited.version()) {
                    throw new ConcurrentEditException("connector", row.getName());
                }
                StoredValues.claimEdit(ao, "connector", row.getPublicId(), edited.version() + 1, row.getName());
                Set<String> storedGroups = StoredValues.connector(row, edited.accountId()).groups();
                AccountEntity account = validated(edited, storedGroups);
                row.setName(edited.name());
                row.setNameKey(StoredValues.nameKey(edited.name()));
                row.setAccount(account);
                row.setAccountVersion(account.getRowVersion());
                row.setPrincipalType(edited.principalType());
                row.setRowVersion(row.getRowVersion() + 1);
                ao.deleteWithSQL(ConnectorGroupEntity.class, "CONNECTOR_ID = ?", row.getID());
                write(row, edited, account);
                Connector stored = StoredValues.connector(row, edited.accountId());
                beforeCommit.accept(stored);
                ListRevisions.connectorsChanged(ao);
                return stored;
            });
        } catch (RuntimeException e) {
            throw translated(e, edited);
        }
    }

    /**
     * Deletes a connector and its group links.
     *
     * @throws ConnectorNotFoundException if there is no such connector
     */
    public void delete(UUID connectorId) {
        ao.executeInTransaction(() -> {
            ConnectorEntity row = rowOf(connectorId);
            if (row == null) {
                throw new ConnectorNotFoundException(connectorId);
            }
            ao.deleteWithSQL(ConnectorGroupEntity.class, "CONNECTOR_ID = ?", row.getID());
            StoredValues.dropEditClaims(ao, "connector", row.getPublicId());
            ao.delete(row);
            ListRevisions.connectorsChanged(ao);
            return null;
        });
        snapshots.remove(connectorId);
    }

    static List<String> connectorNamesOf(ActiveObjects ao, AccountEntity account) {
        return Arrays.stream(ao.find(ConnectorEntity.class,
                        Query.select().where("ACCOUNT_ID = ?", account.getID()).order("NAME_KEY ASC")))
                .map(ConnectorEntity::getName).collect(Collectors.toList());
    }

    private ConnectorEntity rowOf(UUID connectorId) {
        ConnectorEntity[] rows = ao.find(ConnectorEntity.class,
                Query.select().where("PUBLIC_ID = ?", connectorId.toString()));
        return rows.length == 0 ? null : rows[0];
    }

    /**
     * Validates the connector, refusing each group Jira does not have unless the connector already had it: a group
     * deleted in Jira stays on the connectors that name it (the editor marks it) rather than blocking every other
     * edit to them until someone removes it.
     */
    private AccountEntity validated(Connector connector, Set<String> storedGroups) {
        AccountEntity account = connector.accountId() == null ? null
                : AccountRepository.rowOf(ao, connector.accountId());
        List<String> unknown = new ArrayList<>();
        if (connector.groups().size() <= validator.maxGroups()) {
            for (String group : connector.groups()) {
                if (!group.isBlank() && !storedGroups.contains(group) && !groups.exists(group)) {
                    unknown.add(group);
                }
            }
        }
        validator.requireValid(connector, account == null ? null : StoredValues.account(account), unknown);
        return account;
    }

    private void write(ConnectorEntity row, Connector connector, AccountEntity account) {
        row.setDescription(StoredValues.text(connector.description()));
        row.setRoleArn(StoredValues.text(connector.roleArn()));
        row.setExternalId(StoredValues.text(connector.externalId()));
        row.setPolicy(StoredValues.text(connector.policy()));
        row.setPolicyArns(StoredValues.joinPolicyArns(connector.policyArns()));
        row.setMaxDurationSeconds(connector.maxDurationSeconds().isPresent()
                ? connector.maxDurationSeconds().getAsInt() : null);
        row.setMfaSerialNumber(StoredValues.text(connector.mfaSerialNumber()));
        row.setSourceIdentityAndTags(connector.sourceIdentityAndTags());
        row.setSystemScope(connector.systemScope());
        row.setConsoleDestination(StoredValues.text(connector.consoleDestination()));
        row.save();
        for (String group : connector.groups()) {
            ao.create(ConnectorGroupEntity.class, new DBParam("CONNECTOR_ID", row.getID()),
                    new DBParam("GROUP_NAME", group));
        }
    }

    private RuntimeException translated(RuntimeException failure, Connector connector) {
        if (StoredValues.isSerializationFailure(failure)) {
            return new ConcurrentEditException("connector", connector.name());
        }
        if (StoredValues.isUniqueViolation(failure)) {
            return validator.nameTaken("connector", connector.name());
        }
        if (StoredValues.isForeignKeyViolation(failure)) {
            // The account was deleted on another node between our read and our write.
            return validator.unknownAccount(connector);
        }
        return failure;
    }
}
