package dev.awsconnectors.broker;

import com.atlassian.activeobjects.external.ModelVersion;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.awsconnectors.access.ConnectorAccess;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.audit.CredentialsAudit;
import dev.awsconnectors.audit.RequestOrigin;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.console.ConsoleSignInBroker;
import dev.awsconnectors.crypto.KeyFile;
import dev.awsconnectors.crypto.SecretCipher;
import dev.awsconnectors.persistence.AccessKeyGuards;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConnectorRepository;
import dev.awsconnectors.persistence.InitialSchema;
import dev.awsconnectors.persistence.ListRevisions;
import dev.awsconnectors.persistence.WebIdentityAccounts;
import dev.awsconnectors.sts.CredentialsIssuer;
import dev.awsconnectors.sts.FixedWebIdentityTokens;
import dev.awsconnectors.sts.SessionOwner;
import dev.awsconnectors.testhost.ManualClock;
import dev.awsconnectors.testhost.ao.JdbcActiveObjects;
import dev.awsconnectors.testhost.ao.TestDatabase;
import dev.awsconnectors.testhost.ao.TestDatabases;
import dev.awsconnectors.testhost.aws.AccessKey;
import dev.awsconnectors.testhost.aws.LocalAws;
import dev.awsconnectors.testhost.sal.HostApplicationProperties;
import dev.awsconnectors.testhost.sal.HostAuditLog;
import dev.awsconnectors.testhost.sal.HostUsers;
import dev.awsconnectors.validation.ConfigurationValidator;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetFederationTokenRequest;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The stage of the broker's benchmarks: the broker wired as in Jira from real parts — the repositories on Active
 * Objects over an in-memory H2 database through a connection pool, as Jira's Active Objects reaches its database
 * (the connector and its account read on every request, the secret encrypted
 * under a key file), the real SDK over HTTP to the local AWS double, and the demo host's audit log (each event kept
 * and appended to {@code audit.log} in a temporary home) — with a cache already holding 9,990 other users'
 * credentials, as on a busy instance. Not a test: nothing here asserts a time.
 */
final class BrokerOnH2Bench implements AutoCloseable {
    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":"
            + "[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}";
    private static final int OTHER_USERS = CredentialsCache.DEFAULT_MAX_ENTRIES - 10;

    private final Path home;
    private final LocalAws aws;
    private final TestDatabase database;
    private final HikariDataSource pool;
    private final AwsClients clients;
    private final HostUsers users;
    private final ConnectorRepository connectors;
    private final ConnectorAccess access;
    private final CredentialsIssuer issuer;
    private final ConsoleSignInBroker console;
    private final Connector connector;
    private final Account account;
    /** The cache's clock: moved on to make alice's credentials stale, while the other users' stay valid. */
    final ManualClock cacheClock = new ManualClock(Instant.now());
    private final CredentialsCache cache = new CredentialsCache(cacheClock, CredentialsCache.DEFAULT_MAX_ENTRIES);
    private HostAuditLog auditLog;
    private Path auditDirectory;
    private CredentialsBroker broker;

    BrokerOnH2Bench() {
        try {
            home = Files.createTempDirectory("awsc-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        aws = LocalAws.start();
        AccessKey key = aws.account("123456789012").user("jira-broker").addAccessKey();
        database = TestDatabases.h2InMemory();
        // Jira's Active Objects takes pooled connections: without a pool every transaction would open one, and the
        // figures would be the test stage's.
        HikariConfig pooled = new HikariConfig();
        pooled.setDataSource(database.dataSource());
        pooled.setMaximumPoolSize(4);
        pooled.setMaxLifetime(0);
        pooled.setIdleTimeout(0);
        pool = new HikariDataSource(pooled);
        var ao = new JdbcActiveObjects(pool, TestDatabase.APP_NAMESPACE);
        // The upgrade tasks atlassian-plugin.xml lists, in order, as the storage's tests run them.
        InitialSchema initialSchema = new InitialSchema();
        initialSchema.upgrade(ModelVersion.valueOf("0"), ao);
        new AccessKeyGuards().upgrade(initialSchema.getModelVersion(), ao);
        new ListRevisions().upgrade(ModelVersion.valueOf("2"), ao);
        new WebIdentityAccounts().upgrade(ModelVersion.valueOf("3"), ao);
        ConfigurationValidator validator = new ConfigurationValidator();
        HostApplicationProperties properties = new HostApplicationProperties("http://localhost:2990/jira", home, home);
        AccountRepository accounts = new AccountRepository(ao, validator, new SecretCipher(new KeyFile(properties)));
        connectors = new ConnectorRepository(ao, validator, group -> true);
        account = accounts.create(Account.builder().name("Production").type(AccountType.ACCESS_KEY)
                .accessKeyId(key.accessKeyId()).partition(Partition.AWS).region("us-east-1")
                .endpointOverride(aws.endpoint()).build(), Optional.of(key.secretAccessKey()));
        connector = connectors.create(Connector.builder().name("Developers").accountId(account.id())
                .principalType(PrincipalType.FEDERATED_USER).policy(POLICY).groups(List.of("aws-developers")).build());
        users = new HostUsers().add("alice", false, false, "aws-developers");
        clients = new AwsClients(accounts);
        access = new ConnectorAccess(users);
        issuer = new CredentialsIssuer(clients, FixedWebIdentityTokens.unused());
        console = new ConsoleSignInBroker(properties);
        fillWithOtherUsers();
        newAuditLog();
    }

    private void fillWithOtherUsers() {
        for (int i = 0; i < OTHER_USERS; i++) {
            TemporaryCredentials longLived = new TemporaryCredentials("ASIAFILLER" + i, "secret" + i, "token" + i,
                    Instant.now().plus(Duration.ofDays(3650)), "arn:aws:sts::123456789012:federated-user/user" + i);
            cache.get(new CredentialsKey(connector.id(), connector.version(), connector.accountId(), 0,
                    SessionOwner.jiraUser("user" + i), OptionalInt.empty()), () -> longLived);
        }
    }

    /**
     * From now on, the broker audits to a fresh demo audit log in a new folder of the home (same cache): the demo
     * log keeps every event in memory for its readers, so one log over millions of calls would measure its growth,
     * not a request.
     */
    void newAuditLog() {
        try {
            auditDirectory = Files.createTempDirectory(home, "audit");
            auditLog = new HostAuditLog(auditDirectory, users, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = new CredentialsBroker(connectors, access, issuer, console, cache, new CredentialsAudit(auditLog));
    }

    /** What alice's request through REST does: read the connector, check access, the cache (or STS), audit. */
    TemporaryCredentials aliceCredentials() {
        return users.runAs("alice", () -> broker.credentials(connector.id(), CredentialsRequest.defaults(),
                RequestOrigin.REST));
    }

    /** The same GetFederationToken as the broker's, on the very SDK client the broker uses for the account. */
    GetFederationTokenResponse rawSdkCall() {
        StsClient client = clients.sts().clientFor(account);
        return client.getFederationToken(GetFederationTokenRequest.builder().name("alice").policy(POLICY)
                .tags(Tag.builder().key("jira-user").value("alice").build()).build());
    }

    /** The GetFederationToken calls the double received since it started. */
    long federationTokenCalls() {
        return aws.requests().stream().filter(r -> r.action().equals("GetFederationToken")).count();
    }

    /** The lines the audit log wrote: its file keeps every event, its memory only the latest. */
    long auditedEvents() {
        try (var lines = Files.lines(auditDirectory.resolve(HostAuditLog.FILE_NAME))) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        clients.close();
        aws.close();
        pool.close();
        database.close();
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + home + ": " + e);
        }
    }
}
