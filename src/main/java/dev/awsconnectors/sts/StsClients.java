package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountSecrets;
import dev.awsconnectors.accounts.AccountType;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.endpoints.StsEndpointProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One AWS STS client per account, shared by every request of that account and rebuilt when the account changes.
 *
 * <p>Each client is thread-safe and is built once per account {@linkplain Account#version() version}: an edited
 * account gets a new client (with the new keys, region or endpoint) on its next request, and the old client is
 * closed. Clients are built with:
 * <ul>
 *   <li>the JDK-based {@link UrlConnectionHttpClient}, passed explicitly — the SDK's {@code ServiceLoader}
 *       discovery of HTTP clients does not work inside OSGi — with a <b>connect timeout of 5 s</b> and a
 *       <b>socket read timeout of 10 s</b>;</li>
 *   <li>an <b>API-call-attempt timeout of 10 s</b> and an <b>API-call timeout of 25 s</b> (all attempts and the
 *       pauses between them), so that no Jira thread waits longer than 25 s for STS;</li>
 *   <li>the SDK's <b>standard retry strategy with 3 attempts</b> (the first call and two retries) on
 *       throttling, 5xx answers and I/O errors, with exponential back-off and jitter starting at 100 ms and capped
 *       at 2 s (throttling: starting at 500 ms, capped at 5 s). Its circuit breaker (a retry quota per client that,
 *       once drained by some 50 failing calls, silently cuts every call to one attempt) is off, so that each call
 *       gets the same attempts and the messages can say how many there were; the 25 s API-call timeout still
 *       bounds each call;</li>
 *   <li>one <b>scheduler</b> shared by every AWS client of the app ({@value #SCHEDULER_THREADS} daemon threads
 *       named {@value #SCHEDULER_THREAD_PREFIX}…, which time out attempts and calls), in place of the five threads
 *       the SDK would otherwise start for each client; it stops when the app stops ({@link #close()});</li>
 *   <li>{@code Region.of(account.region())}: the regional STS endpoint, which the SDK's endpoint rules resolve in the
 *       region's partition ({@code sts.eu-west-1.amazonaws.com}, {@code sts.us-gov-west-1.amazonaws.com},
 *       {@code sts.cn-north-1.amazonaws.com.cn}); or the account's {@link Account#endpointOverride()};</li>
 *   <li>FIPS and dual-stack endpoints off and {@link DefaultsMode#STANDARD}, and an empty profile file in place of
 *       {@code ~/.aws/config}, so that nothing on the Jira host silently changes where or how STS is called.
 *       (The SDK still honours the {@code AWS_ENDPOINT_URL_STS} environment variable for accounts without an
 *       endpoint override; there is no per-client switch for it.)</li>
 * </ul>
 *
 * <p>Credentials: an {@link AccountType#ACCESS_KEY} account signs with its stored access key; the secret is read
 * from {@link AccountSecrets} only while a client is being built and lives on only inside the SDK's static
 * credentials provider. A {@link AccountType#HOST_ROLE} account uses the SDK's container credentials provider, then
 * its EC2 instance-profile provider — never the SDK's default chain, environment variables or profile files.
 *
 * <p>The timeouts and retries are constructor parameters ({@link Settings}) so tests can shorten them.
 */
@Component
public class StsClients implements AutoCloseable {

    /** The numbers documented on the class. */
    public record Settings(Duration connectTimeout, Duration socketTimeout, Duration apiCallAttemptTimeout,
                           Duration apiCallTimeout, int maxAttempts, Duration baseBackoff, Duration maxBackoff,
                           Duration throttlingBaseBackoff, Duration maxThrottlingBackoff) {

        public Settings {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(socketTimeout, "socketTimeout");
            Objects.requireNonNull(apiCallAttemptTimeout, "apiCallAttemptTimeout");
            Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
            Objects.requireNonNull(baseBackoff, "baseBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(throttlingBaseBackoff, "throttlingBaseBackoff");
            Objects.requireNonNull(maxThrottlingBackoff, "maxThrottlingBackoff");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
        }

        /** 5 s connect, 10 s read, 10 s per attempt, 25 s per call, 3 attempts. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10),
                    Duration.ofSeconds(25), 3, Duration.ofMillis(100), Duration.ofSeconds(2),
                    Duration.ofMillis(500), Duration.ofSeconds(5));
        }

        /** The same settings with other timeouts. */
        public Settings withTimeouts(Duration connect, Duration socket, Duration attempt, Duration call) {
            return new Settings(connect, socket, attempt, call, maxAttempts, baseBackoff, maxBackoff,
                    throttlingBaseBackoff, maxThrottlingBackoff);
        }

        /** The same settings with another number of attempts and back-off delays. */
        public Settings withRetries(int attempts, Duration base, Duration max) {
            return new Settings(connectTimeout, socketTimeout, apiCallAttemptTimeout, apiCallTimeout, attempts,
                    base, max, base, max);
        }
    }

    /** A client together with what it was built from. */
    private record Entry(long version, StsClient client, SdkHttpClient httpClient,
                         AwsCredentialsProvider credentials) {
        void close() {
            client.close();
            // The SDK does not close an HTTP client it was given, nor credentials providers.
            httpClient.close();
            closeQuietly(credentials);
        }
    }

    /** How many threads time out the AWS calls of all accounts together. */
    static final int SCHEDULER_THREADS = 2;
    /** The name of the shared scheduler's threads, followed by a number. */
    public static final String SCHEDULER_THREAD_PREFIX = "aws-connectors-sdk-timer-";

    private final AccountSecrets secrets;
    private final Settings settings;
    private final ScheduledExecutorService scheduler;
    private final Map<UUID, Entry> clients = new ConcurrentHashMap<>();

    @Autowired
    public StsClients(AccountSecrets secrets) {
        this(secrets, Settings.defaults());
    }

    public StsClients(AccountSecrets secrets, Settings settings) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = newScheduler();
    }

    /**
     * The scheduler every client of the app shares (the SDK uses it for attempt and call timeouts only). The SDK
     * does not shut down a scheduler it is given, so {@link #close()} does.
     */
    private static ScheduledExecutorService newScheduler() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, SCHEDULER_THREAD_PREFIX + count.incrementAndGet());
            // Never keeps the JVM alive; the app's stop shuts the pool down anyway.
            thread.setDaemon(true);
            return thread;
        };
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(SCHEDULER_THREADS, threads);
        // A timeout that is cancelled because the call ended leaves the queue at once, not after 25 s.
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** The timeouts and retries every client is built with. */
    public Settings settings() {
        return settings;
    }

    /**
     * The client for this account as it is now: the one built before if the account's version is unchanged,
     * otherwise a new one (and the old one is closed; a request still running on it may then fail with an I/O
     * error, which is reported like any other failure to reach STS).
     *
     * @throws IllegalStateException if the account's secret access key cannot be read; the message says what to
     *                               restore and contains no key material
     */
    public StsClient clientFor(Account account) {
        Objects.requireNonNull(account, "account");
        Entry current = clients.get(account.id());
        if (current != null && current.version() == account.version()) {
            return current.client();
        }
        AtomicReference<Entry> replaced = new AtomicReference<>();
        Entry entry = clients.compute(account.id(), (id, existing) -> {
            if (existing != null && existing.version() == account.version()) {
                return existing;
            }
            if (existing != null && existing.version() > account.version()) {
                // A request that read the account before an edit arrived after it: keep the newer client.
                return existing;
            }
            replaced.set(existing);
            return build(account);
        });
        Entry old = replaced.get();
        if (old != null) {
            old.close();
        }
        // A request that read the account before an edit gets the client of the newer version: the edit is what
        // the admin wants now.
        return entry.client();
    }

    /** Forgets (and closes) the client of an account, for example when the account is deleted. */
    public void evict(UUID accountId) {
        Entry removed = clients.remove(accountId);
        if (removed != null) {
            removed.close();
        }
    }

    /**
     * The host STS is called at for this account: the endpoint override's host, or the regional endpoint the SDK
     * resolves for the account's region.
     */
    public String endpointHost(Account account) {
        Optional<URI> override = account.endpointOverride();
        if (override.isPresent()) {
            URI uri = override.get();
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        }
        try {
            return StsEndpointProvider.defaultProvider()
                    .resolveEndpoint(p -> p.region(Region.of(account.region())).useFips(false).useDualStack(false)
                            .useGlobalEndpoint(false))
                    .join().endpointUrl().host();
        } catch (RuntimeException e) {
            return "sts." + account.region();
        }
    }

    private Entry build(Account account) {
        AwsCredentialsProvider credentials = credentialsFor(account);
        SdkHttpClient http = newHttpClient();
        try {
            StsClient client = configure(StsClient.builder().httpClient(http), Region.of(account.region()),
                    credentials, account.endpointOverride());
            return new Entry(account.version(), client, http, credentials);
        } catch (RuntimeException e) {
            http.close();
            closeQuietly(credentials);
            throw e;
        }
    }

    /**
     * A new STS client for this account's STS endpoint (its region's, or its endpoint override) that signs with the
     * given credentials instead of the account's, for a few calls with other credentials (a freshly created access
     * key, temporary credentials from a connector). Built as the shared clients are (timeouts, retries, no profile
     * files), with an HTTP client of its own that the SDK closes with it; the caller closes the client.
     */
    public StsClient newClient(Account account, AwsCredentialsProvider credentials) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(credentials, "credentials");
        return configure(StsClient.builder().httpClientBuilder(httpClientBuilder(settings)),
                Region.of(account.region()), credentials, account.endpointOverride());
    }

    /**
     * The credentials the account's own AWS calls are signed with: its stored access key, or the host's role (see
     * the class comment). Shared with the app's IAM clients, so that every AWS client of an account signs the same
     * way. Whoever closes the client closes the provider too ({@link #release}).
     *
     * @throws IllegalStateException if the account's secret access key cannot be read; the message says what to
     *                               restore and contains no key material
     */
    public AwsCredentialsProvider credentialsFor(Account account) {
        Objects.requireNonNull(account, "account");
        if (account.type() == AccountType.HOST_ROLE) {
            return new HostRoleCredentials(AwsCredentialsProviderChain.builder()
                    .credentialsProviders(
                            ContainerCredentialsProvider.builder().build(),
                            InstanceProfileCredentialsProvider.builder()
                                    .profileFile(ProfileFile.builder().content("")
                                            .type(ProfileFile.Type.CONFIGURATION).build())
                                    .profileName("default")
                                    .build())
                    .reuseLastProviderEnabled(true)
                    .build());
        }
        if (account.type() != AccountType.ACCESS_KEY) {
            throw new IllegalStateException("Account " + account.id() + " has no account type; edit and save it.");
        }
        String accessKeyId = account.accessKeyId().orElseThrow(() -> new IllegalStateException(
                "Account '" + account.name() + "' has no access key ID; enter the IAM user's access key."));
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKeyId, secrets.secretAccessKey(account)));
    }

    /**
     * The JDK-based HTTP client every AWS client of the app uses, with the connect and socket timeouts of
     * {@link #settings()}. The SDK does not close an HTTP client it is given: whoever builds one closes it.
     */
    public SdkHttpClient newHttpClient() {
        return httpClientBuilder(settings).build();
    }

    /** As {@link #newHttpClient}, as a builder, for a client that owns (and closes) its HTTP client. */
    public UrlConnectionHttpClient.Builder newHttpClientBuilder() {
        return httpClientBuilder(settings);
    }

    private static UrlConnectionHttpClient.Builder httpClientBuilder(Settings settings) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.socketTimeout());
    }

    /**
     * Configures a synchronous AWS client builder of the app, whose HTTP client is already set, the same way as
     * every other (see the class comment): region and credentials, standard defaults, FIPS and dual-stack off, no
     * profile file, the timeouts and fixed number of attempts of {@link #settings()}, the shared scheduler, and the
     * endpoint override if there is one; then builds the client.
     */
    public <B extends AwsClientBuilder<B, C>, C> C configure(B builder, Region region,
                                                              AwsCredentialsProvider credentials,
                                                              Optional<URI> endpointOverride) {
        ProfileFile noProfile = ProfileFile.builder().content("").type(ProfileFile.Type.CONFIGURATION).build();
        builder.region(region)
                .credentialsProvider(credentials)
                .defaultsMode(DefaultsMode.STANDARD)
                .fipsEnabled(false)
                .dualstackEnabled(false)
                .overrideConfiguration(o -> o
                        .defaultProfileFile(noProfile)
                        .defaultProfileName("default")
                        .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
                        .apiCallTimeout(settings.apiCallTimeout())
                        .scheduledExecutorService(scheduler)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                // No retry quota: every call gets maxAttempts, as the messages say.
                                .circuitBreakerEnabled(false)
                                .maxAttempts(settings.maxAttempts())
                                .backoffStrategy(BackoffStrategy.exponentialDelay(
                                        settings.baseBackoff(), settings.maxBackoff()))
                                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(
                                        settings.throttlingBaseBackoff(), settings.maxThrottlingBackoff()))
                                .build()));
        endpointOverride.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * Closes a credentials provider of {@link #credentialsFor} that holds resources (the host role's); static keys
     * hold none.
     */
    public void release(AwsCredentialsProvider credentials) {
        closeQuietly(credentials);
    }

    private static void closeQuietly(AwsCredentialsProvider credentials) {
        if (credentials instanceof SdkAutoCloseable) {
            ((SdkAutoCloseable) credentials).close();
        }
    }

    /** Closes every client, then stops the shared scheduler. */
    @PreDestroy
    @Override
    public void close() {
        for (UUID id : clients.keySet()) {
            evict(id);
        }
        scheduler.shutdownNow();
    }

    /**
     * The host's role credentials, reporting a failure to find them as {@link HostCredentialsUnavailableException}
     * so that it can be told apart from a failure to reach STS.
     */
    private static final class HostRoleCredentials implements AwsCredentialsProvider, SdkAutoCloseable {
        private final AwsCredentialsProviderChain chain;

        HostRoleCredentials(AwsCredentialsProviderChain chain) {
            this.chain = chain;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            try {
                return chain.resolveCredentials();
            } catch (SdkClientException e) {
                throw SdkClientException.builder()
                        .message(HostCredentialsUnavailableException.MESSAGE)
                        .cause(new HostCredentialsUnavailableException(e))
                        .build();
            }
        }

        @Override
        public void close() {
            chain.close();
        }

        @Override
        public String toString() {
            return "HostRoleCredentials";
        }
    }

    /** The host's role credentials could not be found: no container endpoint or instance profile answered. */
    static final class HostCredentialsUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final String MESSAGE = "The credentials of the host's role could not be loaded.";

        HostCredentialsUnavailableException(Throwable cause) {
            super(MESSAGE, cause);
        }
    }
}
