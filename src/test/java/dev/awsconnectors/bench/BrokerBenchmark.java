package dev.awsconnectors.bench;

import dev.awsconnectors.access.ConnectorAccess;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.broker.CredentialsCache;
import dev.awsconnectors.broker.DefaultAwsConnectorService;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.console.ConsoleSignInBroker;
import dev.awsconnectors.sts.CredentialsIssuer;
import dev.awsconnectors.sts.StsClients;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker's speed targets, against the local AWS double over real HTTP:
 * <ul>
 *   <li>{@code cacheMiss} vs {@code rawSdkCall}: a request that misses the cache costs at most 5% more than the
 *       same GetFederationToken made directly with the SDK;</li>
 *   <li>{@code cacheHit}, on one thread: at least 50,000 calls per second, with no AWS call (the double would show
 *       it) and one directory read.</li>
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
    private StsClients clients;
    private StsClient rawClient;
    private HostUsers users;
    private CredentialsCache cache;
    private DefaultAwsConnectorService service;
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
        clients = new StsClients(store);
        cache = new CredentialsCache();
        service = new DefaultAwsConnectorService(store, new ConnectorAccess(users), new CredentialsIssuer(clients),
                new ConsoleSignInBroker(new HostApplicationProperties("http://localhost:2990/jira", null, null)),
                cache);
        // The very client the broker uses, so the difference between the two figures is the broker's own work.
        rawClient = clients.clientFor(account);
    }

    @TearDown(Level.Trial)
    public void stop() {
        clients.close();
        aws.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public TemporaryCredentials cacheHit() {
        return users.runAs("alice", () -> service.getCredentials(connector.id(), CredentialsRequest.defaults()));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public TemporaryCredentials cacheMiss() {
        cache.clear();
        return users.runAs("alice", () -> service.getCredentials(connector.id(), CredentialsRequest.defaults()));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public GetFederationTokenResponse rawSdkCall() {
        return rawClient.getFederationToken(GetFederationTokenRequest.builder().name("alice").policy(POLICY)
                .tags(Tag.builder().key("jira-user").value("alice").build()).build());
    }
}
