package dev.awsconnectors.admintasks;

import com.atlassian.activeobjects.external.ModelVersion;
import com.atlassian.audit.entity.AuditEvent;
import dev.awsconnectors.access.ConnectorAccess;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.audit.CredentialsAudit;
import dev.awsconnectors.awsclients.AwsClientSettings;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.awsclients.ServiceClients;
import dev.awsconnectors.broker.CredentialsBroker;
import dev.awsconnectors.broker.CredentialsCache;
import dev.awsconnectors.connectors.BoundConnector;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.connectors.ConnectorDirectory;
import dev.awsconnectors.console.ConsoleSignInBroker;
import dev.awsconnectors.crypto.KeyFile;
import dev.awsconnectors.crypto.SecretCipher;
import dev.awsconnectors.persistence.AccessKeyGuards;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConnectorRepository;
import dev.awsconnectors.persistence.InitialSchema;
import dev.awsconnectors.persistence.ListRevisions;
import dev.awsconnectors.persistence.WebIdentityAccounts;
import dev.awsconnectors.persistence.KeyRotations;
import dev.awsconnectors.sts.CredentialsIssuer;
import dev.awsconnectors.sts.FixedWebIdentityTokens;
import dev.awsconnectors.sts.WebIdentityTokens;
import dev.awsconnectors.testhost.ManualClock;
import dev.awsconnectors.testhost.ao.JdbcActiveObjects;
import dev.awsconnectors.testhost.ao.TestDatabase;
import dev.awsconnectors.testhost.ao.TestDatabases;
import dev.awsconnectors.testhost.aws.AccessKey;
import dev.awsconnectors.testhost.aws.AwsAccount;
import dev.awsconnectors.testhost.aws.IamUser;
import dev.awsconnectors.testhost.aws.LocalAws;
import dev.awsconnectors.testhost.sal.HostApplicationProperties;
import dev.awsconnectors.testhost.sal.HostUsers;
import dev.awsconnectors.validation.ConfigurationValidator;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Data Center node as the app wires it, for the tests of this package (and the broker's of keyless connectors):
 * real repositories on an in-memory H2 database with the key file in a home directory, the real STS and IAM clients,
 * and the local AWS double holding AWS account {@value #AWS_ACCOUNT_ID} (alias {@value #ALIAS}) with IAM user
 * {@value #BROKER_USER}, whose access key the Jira account stores.
 */
public final class IamFixture implements AutoCloseable {
    static final String AWS_ACCOUNT_ID = "123456789012";
    static final String ALIAS = "acme-prod";
    static final String BROKER_USER = "jira-broker";
    /** Quick timeouts and no back-off pauses, so that failure tests take no time. */
    static final AwsClientSettings FAST = AwsClientSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(8))
            .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5));

    public final LocalAws aws;
    public final AwsAccount awsAccount;
    final IamUser brokerUser;
    final AccessKey key;
    final TestDatabase database;
    public final AccountRepository accounts;
    public final ConnectorRepository connectors;
    final AwsClients clients;
    final ServiceClients<StsClient> sts;
    final ServiceClients<IamClient> iam;
    final KeyRotations rotations;
    final ManualClock clock = new ManualClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    final AccountChecks checks;
    final AccessKeyRotation keyRotation;
    public final HostUsers users = new HostUsers().add("admin", true, false)
            .add("alice", false, false, "aws-developers");
    /** How many times the broker read a connector, through {@link ConnectorDirectory#find}. */
    final AtomicInteger connectorReads = new AtomicInteger();
    /** What the broker recorded in Jira's audit log. */
    public final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    public final CredentialsBroker service;
    final ConnectorTester tester;
    final Account account;

    IamFixture(Path home) {
        this(home, LocalAws.start(), "us-east-1", FAST);
    }

    /** With the SDK's own timeouts, for a test whose answers are large enough to outlast the quick ones. */
    IamFixture(Path home, AwsClientSettings settings) {
        this(home, LocalAws.start(), "us-east-1", settings);
    }

    IamFixture(Path home, LocalAws aws, String region) {
        this(home, aws, region, FAST);
    }

    /** With {@code tokens} minting the tokens of keyless accounts' connectors. */
    public IamFixture(Path home, LocalAws aws, WebIdentityTokens tokens) {
        this(home, aws, "us-east-1", FAST, tokens);
    }

    private IamFixture(Path home, LocalAws aws, String region, AwsClientSettings settings) {
        this(home, aws, region, settings, FixedWebIdentityTokens.unused());
    }

    private IamFixture(Path home, LocalAws aws, String region, AwsClientSettings settings,
                       WebIdentityTokens tokens) {
        this.aws = aws;
        this.awsAccount = aws.account(AWS_ACCOUNT_ID).alias(ALIAS);
        this.brokerUser = awsAccount.user(BROKER_USER);
        this.key = brokerUser.addAccessKey();
        this.database = TestDatabases.h2InMemory();
        JdbcActiveObjects ao = database.activeObjects();
        new InitialSchema().upgrade(ModelVersion.valueOf("0"), ao);
        new AccessKeyGuards().upgrade(ModelVersion.valueOf("1"), ao);
        new ListRevisions().upgrade(ModelVersion.valueOf("2"), ao);
        new WebIdentityAccounts().upgrade(ModelVersion.valueOf("3"), ao);
        SecretCipher cipher = new SecretCipher(new KeyFile(
                new HostApplicationProperties("http://localhost:2990/jira", home, home)));
        ConfigurationValidator validator = new ConfigurationValidator();
        this.accounts = new AccountRepository(ao, validator, cipher);
        this.connectors = new ConnectorRepository(ao, validator, group -> true);
        this.clients = new AwsClients(accounts, settings);
        this.sts = clients.sts();
        this.iam = clients.iam();
        this.rotations = new KeyRotations(ao, accounts, clock, KeyRotations.TIME_OUT);
        this.checks = new AccountChecks(accounts, clients);
        this.keyRotation = new AccessKeyRotation(accounts, rotations, clients,
                new AccessKeyRotation.KeyPropagation(3, Duration.ZERO));
        ConnectorDirectory countedReads = new ConnectorDirectory() {
            @Override
            public Optional<BoundConnector> find(UUID connectorId) {
                connectorReads.incrementAndGet();
                return connectors.find(connectorId);
            }

            @Override
            public List<Connector> all() {
                return connectors.all();
            }
        };
        this.service = new CredentialsBroker(countedReads, new ConnectorAccess(users),
                new CredentialsIssuer(clients, tokens),
                new ConsoleSignInBroker(new HostApplicationProperties("http://localhost:2990/jira", null, null)),
                new CredentialsCache(), new CredentialsAudit(audited::add));
        this.tester = new ConnectorTester(service, clients);
        Partition partition = Partition.fromId(aws.partition());
        this.account = accounts.create(Account.builder().name("Production").type(AccountType.ACCESS_KEY)
                .accessKeyId(key.accessKeyId()).partition(partition).region(region)
                .endpointOverride(aws.endpoint()).iamEndpointOverride(aws.endpoint())
                .signinEndpointOverride(aws.endpoint()).build(), Optional.of(key.secretAccessKey()));
        aws.clear();
    }

    Account stored() {
        return accounts.get(account.id()).orElseThrow();
    }

    @Override
    public void close() {
        clients.close();
        database.close();
        aws.close();
    }
}
