package dev.awsconnectors.testhost.aws;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for AWS that the real AWS SDK talks to over HTTP on 127.0.0.1: STS, IAM and the console
 * federation endpoint on one port. It verifies every SigV4 signature against the keys it was given, enforces AWS's
 * parameter limits and role trust, answers in AWS's XML and JSON (errors included), accepts the temporary
 * credentials it issued, can fail on purpose, and records every request.
 *
 * <pre>{@code
 * try (LocalAws aws = LocalAws.start()) {
 *     AwsAccount account = aws.account("111122223333").alias("acme");
 *     IamUser alice = account.user("alice");
 *     AccessKey key = alice.addAccessKey();
 *     String mfa = alice.addVirtualMfaDevice("123456");
 *     account.role("deploy").trust(alice).externalId("ext-1234").maxSessionDuration(7200);
 *     OidcProvider jira = account.addOpenIdConnectProvider("https://jira.example.com/oidc", "sts.amazonaws.com");
 *     account.role("keyless").trustWebIdentity(jira,
 *             WebIdentityCondition.stringEquals(jira.audienceKey(), "sts.amazonaws.com"),
 *             WebIdentityCondition.stringLike(jira.subjectKey(), "connector:*"));
 *     // point the SDK at aws.endpoint() with key.accessKeyId() / key.secretAccessKey()
 * }
 * }</pre>
 */
public final class LocalAws implements AutoCloseable {

    private static final Set<String> PARTITIONS = Set.of("aws", "aws-us-gov", "aws-cn");

    static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Directory directory;
    private final IssuedCredentials issued;
    private final FailureInjector failures = new FailureInjector();
    private final Recorder recorder = new Recorder();
    private final WebIdentityTokens webIdentityTokens;
    private final URI endpoint;

    private LocalAws(Builder builder) throws IOException {
        Ids ids = new Ids();
        this.directory = new Directory(builder.partition, builder.clock, ids);
        this.issued = new IssuedCredentials(builder.clock, ids);
        Policies policies = new Policies();
        SigningRegions regions = new SigningRegions(builder.partition, builder.regions);
        Authenticator authenticator = new Authenticator(directory, issued,
                new SigV4Verifier(builder.clock, regions), builder.clock);
        this.webIdentityTokens = new WebIdentityTokens(builder.clock);
        AwsHttpHandler handler = new AwsHttpHandler(authenticator,
                new StsActions(directory, issued, policies, webIdentityTokens),
                new IamActions(directory, policies), new FederationEndpoint(issued, ids, builder.clock), failures,
                recorder, ids, builder.clock);

        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        // Without TCP_NODELAY, the JDK server's separate header and body writes meet the client's delayed ACK and
        // every answer waits ~40 ms. The JDK reads this once, when its first server is made: the build sets it for
        // tests and benchmarks, and this covers a JVM that did not.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        this.server = HttpServer.create(new InetSocketAddress(loopback, builder.port), 0);
        this.server.createContext("/", handler);
        // Several threads, so that an injected delay on one request does not hold up the others.
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "local-aws-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server.setExecutor(executor);
        this.server.start();
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Starts on an ephemeral port, partition {@code aws}, the system clock. */
    public static LocalAws start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where to point the SDK ({@code endpointOverride}) for both STS and IAM, e.g. {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The console federation endpoint, {@code endpoint()/federation}. */
    public URI federationEndpoint() {
        return endpoint.resolve("/federation");
    }

    public String partition() {
        return directory.partition;
    }

    /** The account with this 12-digit id, created on first use. */
    public AwsAccount account(String accountId) {
        return directory.account(accountId);
    }

    /** Fails the next {@code times} requests, whatever their action, in the given way. */
    public void failNext(int times, Failure failure) {
        failures.add(times, null, Objects.requireNonNull(failure, "failure"));
    }

    /** Fails the next {@code times} requests for this action ({@code AssumeRole}, {@code getSigninToken}, ...). */
    public void failNext(int times, String action, Failure failure) {
        failures.add(times, Objects.requireNonNull(action, "action"), Objects.requireNonNull(failure, "failure"));
    }

    /** Forgets failures planned and not yet used. */
    public void clearFailures() {
        failures.clear();
    }

    /** Every request received so far, oldest first; an immutable snapshot. */
    public List<RecordedRequest> requests() {
        return recorder.requests();
    }

    /** Forgets the requests recorded so far. */
    public void clear() {
        recorder.clear();
    }

    /**
     * Makes temporary credentials the double issued expire now (AWS's shortest lifetime is 15 minutes, too long to
     * wait for in a test). Returns false when the double never issued this key id.
     */
    public boolean expireCredentials(String accessKeyId) {
        return issued.expire(accessKeyId);
    }

    /**
     * What the double knows of the session behind temporary credentials it issued (by AssumeRole,
     * AssumeRoleWithWebIdentity, GetSessionToken or GetFederationToken): its identity, session tags, source
     * identity and, for a web-identity session, the provider, subject and audience. Empty for an unknown key id.
     */
    public Optional<IssuedSession> session(String accessKeyId) {
        return issued.find(accessKeyId).map(IssuedSession::of);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        webIdentityTokens.close();
    }

    /** Options for {@link #start()}. */
    public static final class Builder {
        private int port;
        private String partition = "aws";
        private Clock clock = Clock.systemUTC();
        private List<String> regions = List.of();

        private Builder() {
        }

        /** A fixed port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** {@code aws} (default), {@code aws-us-gov} or {@code aws-cn}: the partition in every ARN. */
        public Builder partition(String partition) {
            if (!PARTITIONS.contains(partition)) {
                throw new IllegalArgumentException("Unknown partition " + partition + "; expected one of " + PARTITIONS);
            }
            this.partition = partition;
            return this;
        }

        /**
         * The regional STS endpoints the double stands for: requests to STS must be signed for one of these regions,
         * else AWS's SignatureDoesNotMatch "Credential should be scoped to a valid region, not '...'. ". By default
         * (no regions given) any region of the partition is accepted, as if every regional endpoint were here. IAM
         * is global and always wants its partition's signing region ({@code us-east-1} in {@code aws},
         * {@code us-gov-west-1} in {@code aws-us-gov}, {@code cn-north-1} in {@code aws-cn}), whatever is set here.
         * The regions must belong to the partition; checked when the double starts.
         */
        public Builder regions(String... regions) {
            this.regions = List.of(regions);
            return this;
        }

        /** The clock for signature freshness and credential expiry. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public LocalAws start() {
            try {
                return new LocalAws(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the local AWS double", e);
            }
        }
    }
}
