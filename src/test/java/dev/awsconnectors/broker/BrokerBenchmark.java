package dev.awsconnectors.broker;

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
import dev.awsconnectors.sts.CredentialsIssuer;
import dev.awsconnectors.sts.SessionOwner;
import dev.awsconnectors.testhost.ManualClock;
import dev.awsconnectors.testhost.aws.AccessKey;
import dev.awsconnectors.testhost.aws.IamUser;
import dev.awsconnectors.testhost.aws.LocalAws;
import dev.awsconnectors.testhost.sal.HostApplicationProperties;
import dev.awsconnectors.testhost.sal.HostUsers;
import dev.awsconnectors.testhost.store.InMemoryConnectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetFederationTokenRequest;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The broker's speed targets, against the local AWS double over real HTTP, with a cache already holding 9,990
 * other users' credentials, as on a busy instance:
 * <ul>
 *   <li>{@code cacheMiss} vs {@code rawSdkCall}: a request that misses the cache costs at most 5% more than the
 *       same GetFederationToken made directly with the SDK client the broker uses;</li>
 *   <li>{@code cacheHit}, on one thread: at least 50,000 calls per second, with no AWS call (each trial prints the
 *       calls the double received: one, the first load) and one directory read.</li>
 * </ul>
 * Run with {@code mvn -Pbench}; the directory is in memory here, so the hit figure is the broker's own cost, to
 * which the storage's one indexed read is added in Jira.
 */
@State(Scope.Benchmark)
@Threads(1)
public class BrokerBenchmark {
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":"
            + "[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}";

    private LocalAws aws;
    private AwsClients clients;
    private StsClient rawClient;
    private HostUsers users;
    private ManualClock cacheClock;
    private CredentialsCache cache;
    private CredentialsBroker service;
    private Connector connector;

    @Setup(Level.Trial)
    public void start() {
        aws = LocalAws.start();
        IamUser brokerUser = aws.account("123456789012").user("jira-broker");
        AccessKey key = brokerUser.addAccessKey();
        Account account = Account.builder().name("Production").type(AccountType.ACCESS_KEY)
                .accessKeyId(key.accessKeyId()).partition(Partition.AWS).region("us-east-1")
                .endpointOverride(aws.endpoint()).build();
        connector = Connector.builder().name("Developers").accountId(account.id())
                .principalType(PrincipalType.FEDERATED_USER).policy(POLICY).groups(List.of("aws-developers")).build();
        InMemoryConnectors store = new InMemoryConnectors().put(account, key.secretAccessKey()).put(connector);
        users = new HostUsers().add("alice", false, false, "aws-developers");
        clients = new AwsClients(store);
        cacheClock = new ManualClock(Instant.now());
        cache = new CredentialsCache(cacheClock, CredentialsCache.DEFAULT_MAX_ENTRIES);
        fillWithOtherUsers(CredentialsCache.DEFAULT_MAX_ENTRIES - 10);
        service = new CredentialsBroker(store, new ConnectorAccess(users), new CredentialsIssuer(clients),
                new ConsoleSignInBroker(new HostApplicationProperties("http://localhost:2990/jira", null, null)),
                cache, new CredentialsAudit(event -> { }));
        // The very client the broker uses, so the difference between the two figures is the broker's own work.
        rawClient = clients.sts().clientFor(account);
    }

    private void fillWithOtherUsers(int count) {
        for (int i = 0; i < count; i++) {
            TemporaryCredentials longLived = new TemporaryCredentials("ASIAFILLER" + i, "secret" + i, "token" + i,
                    Instant.now().plus(Duration.ofDays(3650)), "arn:aws:sts::123456789012:federated-user/user" + i);
            cache.get(new CredentialsKey(connector.id(), connector.version(), connector.accountId(), 0,
                    SessionOwner.jiraUser("user" + i), OptionalInt.empty()), () -> longLived);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        System.out.println("AWS calls the double received during this trial: " + aws.requests().stream()
                .filter(r -> !r.action().equals("GetCallerIdentity")).count());
        clients.close();
        aws.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public TemporaryCredentials cacheHit() {
        return users.runAs("alice", () -> service.credentials(connector.id(), CredentialsRequest.defaults(), RequestOrigin.REST));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public TemporaryCredentials cacheMiss() {
        // Twelve hours on, alice's credentials are past their margin; the fillers, valid for years, are not.
        cacheClock.advance(Duration.ofHours(12));
        return users.runAs("alice", () -> service.credentials(connector.id(), CredentialsRequest.defaults(), RequestOrigin.REST));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public GetFederationTokenResponse rawSdkCall() {
        return rawClient.getFederationToken(GetFederationTokenRequest.builder().name("alice").policy(POLICY)
                .tags(Tag.builder().key("jira-user").value("alice").build()).build());
    }
}
