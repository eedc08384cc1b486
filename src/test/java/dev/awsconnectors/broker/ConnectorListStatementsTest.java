package dev.awsconnectors.broker;

import com.atlassian.activeobjects.external.ModelVersion;
import dev.awsconnectors.access.ConnectorAccess;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.audit.CredentialsAudit;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.crypto.KeyFile;
import dev.awsconnectors.crypto.SecretCipher;
import dev.awsconnectors.persistence.AccessKeyGuards;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConnectorRepository;
import dev.awsconnectors.persistence.InitialSchema;
import dev.awsconnectors.persistence.ListRevisions;
import dev.awsconnectors.persistence.WebIdentityAccounts;
import dev.awsconnectors.persistence.Inventory;
import dev.awsconnectors.persistence.InventoryReader;
import dev.awsconnectors.testhost.ao.JdbcActiveObjects;
import dev.awsconnectors.testhost.ao.SqlStatements;
import dev.awsconnectors.testhost.ao.TestDatabase;
import dev.awsconnectors.testhost.ao.TestDatabases;
import dev.awsconnectors.testhost.sal.HostApplicationProperties;
import dev.awsconnectors.testhost.sal.HostAuditLog;
import dev.awsconnectors.testhost.sal.HostUsers;
import dev.awsconnectors.validation.ConfigurationValidator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL statements a list of connectors costs, counted by a statement-counting data source in front of a real
 * database, H2 and PostgreSQL, at 10 and at 1,000 connectors: the connectors list of the admin pages and REST, a
 * user's usable connectors (which the REST list, My AWS connectors and the AWS menu show) and the admin page's one
 * read (every account with its last validation and whether its secret can be read, every connector). Each costs the
 * same at both sizes: read on a node that has not read the connectors since they changed, four statements (the
 * list's revision, the connectors, their groups, their accounts' ids; the admin page reads the accounts for what it
 * shows of them anyway); read again unchanged, one (the revision), and two on the admin page (with the accounts). The
 * larger size also has more accounts than the admin page shows at a time, each with an encrypted secret, half of
 * them validated.
 */
class ConnectorListStatementsTest {
    private static final int FEW = 10;
    private static final int MANY = 1_000;
    private static final String TEAM = "aws-developers";
    private static final int MORE_ACCOUNTS = 60;

    @TempDir
    Path home;

    private final HostUsers users = new HostUsers()
            .add("admin", true, false)
            .add("alice", false, false, "jira-users", TEAM)
            .add("bob", false, false, "jira-users")
            .add("carol", false, false, "AWS-Ops");

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void listsConnectorsInAConstantNumberOfStatementsAtTenAndAThousandConnectors(TestDatabases.Engine engine) {
        try (TestDatabase database = TestDatabases.create(engine)) {
            SqlStatements statements = database.statements();
            JdbcActiveObjects ao = database.activeObjects(statements);
            new InitialSchema().upgrade(ModelVersion.valueOf("0"), ao);
            new AccessKeyGuards().upgrade(ModelVersion.valueOf("1"), ao);
            new ListRevisions().upgrade(ModelVersion.valueOf("2"), ao);
            new WebIdentityAccounts().upgrade(ModelVersion.valueOf("3"), ao);
            ConfigurationValidator validator = new ConfigurationValidator();
            AccountRepository accounts = new AccountRepository(ao, validator, new SecretCipher(new KeyFile(
                    new HostApplicationProperties("http://localhost:2990/jira", home, home))));
            ConnectorRepository connectors = new ConnectorRepository(ao, validator, group -> true);
            // Each list is read on a node that has not read the connectors yet (as after any node's change), then
            // again unchanged.
            Supplier<Node> freshNode = () -> {
                ConnectorRepository repository = new ConnectorRepository(ao, validator, group -> true);
                // Only the lists are asked for: no credentials are issued, so no issuer or console is needed.
                return new Node(new CredentialsBroker(repository, new ConnectorAccess(users), null, null,
                        new CredentialsCache(), new CredentialsAudit(new HostAuditLog(home, users, Clock.systemUTC()))),
                        repository, new InventoryReader(ao, accounts, repository));
            };
            List<Account> inUse = List.of(accounts.create(account("Production"), Optional.empty()),
                    accounts.create(account("Staging"), Optional.empty()));

            ao.executeInTransaction(() -> add(connectors, inUse, 0, FEW));
            Map<String, Long> atFew = costs(statements, freshNode, FEW);
            adminPageStatements(atFew, statements, freshNode, inUse.size(), FEW);
            ao.executeInTransaction(() -> add(connectors, inUse, FEW, MANY));
            addAccountsWithSecrets(accounts);
            Map<String, Long> atMany = costs(statements, freshNode, MANY);
            adminPageStatements(atMany, statements, freshNode, inUse.size() + MORE_ACCOUNTS, MANY);

            assertThat(atMany).as("statements per list at %d connectors on %s (at %d: %s)", MANY, engine, FEW, atFew)
                    .isEqualTo(atFew);
            assertThat(atMany).allSatisfy((list, count) -> assertThat(count).as(list)
                    .isEqualTo(list.endsWith(FIRST_READ) ? 4L : list.startsWith("the admin page") ? 2L : 1L));
        }
    }

    private static final String FIRST_READ = "first read on a node";

    /** One node's view of the shared database: the broker and the admin page's reader on its own repository. */
    private record Node(CredentialsBroker broker, ConnectorRepository connectors, InventoryReader inventories) {
    }

    /**
     * Each list's statements with {@code total} connectors, checking each list's content too: every connector names
     * the team's group, every third also another group that carol is in (spelled in another case than Jira's), and
     * a connector with no group is for administrators only.
     */
    private Map<String, Long> costs(SqlStatements statements, Supplier<Node> freshNode, int total) {
        Map<String, Long> costs = new LinkedHashMap<>();
        List<Connector> all = twice(costs, "the connectors list", statements, freshNode, node -> node.connectors().all());
        assertThat(all).hasSize(total + 1);
        assertThat(all).extracting(Connector::name).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(all.get(0).groups()).as(all.get(0).name()).isEmpty();
        assertThat(all.get(1).groups()).as(all.get(1).name()).containsExactlyInAnyOrder(TEAM, "aws-ops");
        assertThat(all.get(2).groups()).as(all.get(2).name()).containsExactly(TEAM);

        List<ConnectorSummary> admins = twice(costs, "an administrator's usable connectors", statements, freshNode,
                node -> users.runAs("admin", node.broker()::usableConnectors));
        assertThat(admins).extracting(ConnectorSummary::getName).isEqualTo(names(all));

        List<ConnectorSummary> alices = twice(costs, "alice's usable connectors", statements, freshNode,
                node -> users.runAs("alice", node.broker()::usableConnectors));
        assertThat(alices).extracting(ConnectorSummary::getName)
                .isEqualTo(names(all).stream().filter(name -> !name.equals("Admins only")).collect(Collectors.toList()));

        List<ConnectorSummary> carols = twice(costs, "carol's usable connectors", statements, freshNode,
                node -> users.runAs("carol", node.broker()::usableConnectors));
        assertThat(carols).hasSize((total + 2) / 3);

        List<ConnectorSummary> bobs = twice(costs, "bob's usable connectors", statements, freshNode,
                node -> users.runAs("bob", node.broker()::usableConnectors));
        assertThat(bobs).isEmpty();
        return costs;
    }

    /**
     * The list read on a fresh node and then again on the same node, unchanged: the statements of each read are
     * recorded, and both reads must give the same list, which is returned.
     */
    private static <T> T twice(Map<String, Long> costs, String list, SqlStatements statements,
                               Supplier<Node> freshNode, Function<Node, T> read) {
        Node node = freshNode.get();
        T first = counted(costs, list + ", " + FIRST_READ, statements, () -> read.apply(node));
        T again = counted(costs, list + ", unchanged since", statements, () -> read.apply(node));
        assertThat(again).as(list + " read again").isEqualTo(first);
        return first;
    }

    private static void adminPageStatements(Map<String, Long> costs, SqlStatements statements,
                                            Supplier<Node> freshNode, int accounts, int connectors) {
        Inventory inventory = twice(costs, "the admin page's read", statements, freshNode,
                node -> node.inventories().read());
        assertThat(inventory.accounts()).hasSize(accounts);
        assertThat(inventory.connectors()).hasSize(connectors + 1);
        assertThat(inventory.unreadableSecrets()).isEmpty();
        assertThat(inventory.accounts()).filteredOn(account -> inventory.lastValidated(account.id()).isPresent())
                .hasSize((accounts - 2) / 2);
    }

    /** Accounts with an IAM user's key each, its secret encrypted; every second one validated. */
    private static void addAccountsWithSecrets(AccountRepository accounts) {
        for (int i = 0; i < MORE_ACCOUNTS; i++) {
            Account added = accounts.create(Account.builder().name(String.format("Keyed %02d", i))
                    .type(AccountType.ACCESS_KEY).accessKeyId(String.format("AKIAEXAMPLE%09d", i))
                    .partition(Partition.AWS).region("eu-west-1").build(),
                    Optional.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
            if (i % 2 == 0) {
                accounts.recordValidation(added.id(), Instant.parse("2026-12-01T10:00:00Z"));
            }
        }
    }

    private static <T> T counted(Map<String, Long> costs, String list, SqlStatements statements, Supplier<T> work) {
        statements.clear();
        T result = work.get();
        costs.put(list, statements.count());
        return result;
    }

    private static List<String> names(List<Connector> connectors) {
        return connectors.stream().map(Connector::name).collect(Collectors.toList());
    }

    /**
     * Connectors {@code from} to {@code to} (exclusive), and at the first call, one for administrators only; in the
     * caller's transaction, so that a thousand cost one connection.
     */
    private static Void add(ConnectorRepository connectors, List<Account> accounts, int from, int to) {
        if (from == 0) {
            connectors.create(connector("Admins only", accounts.get(0), List.of()));
        }
        for (int i = from; i < to; i++) {
            List<String> groups = new ArrayList<>(List.of(TEAM));
            if (i % 3 == 0) {
                groups.add("aws-ops");
            }
            connectors.create(connector(String.format("Team %04d", i), accounts.get(i % accounts.size()), groups));
        }
        return null;
    }

    private static Account account(String name) {
        return Account.builder().name(name).type(AccountType.HOST_ROLE).partition(Partition.AWS)
                .region("eu-west-1").build();
    }

    private static Connector connector(String name, Account account, List<String> groups) {
        return Connector.builder().name(name).accountId(account.id()).principalType(PrincipalType.IAM_ROLE)
                .roleArn("arn:aws:iam::123456789012:role/developer").groups(groups).build();
    }
}
