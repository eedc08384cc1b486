package dev.awsconnectors.awsclients;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountSecrets;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every AWS SDK client of the app, built one way: one STS and one IAM client per account, shared by every request
 * of that account and rebuilt when the account changes ({@link ServiceClients}), plus unshared clients for a few
 * calls; it owns what they all share: the settings, the HTTP client's configuration and one scheduler.
 *
 * <p>Each shared client is thread-safe and is built once per account {@linkplain Account#version() version}: an
 * edited account gets a new client (with the new keys, region or endpoint) on its next request, and the old client
 * is closed. Every client is built with:
 * <ul>
 *   <li>the JDK-based {@link UrlConnectionHttpClient}, passed explicitly — the SDK's {@code ServiceLoader}
 *       discovery of HTTP clients does not work inside OSGi — with a <b>connect timeout of 5 s</b> and a
 *       <b>socket read timeout of 10 s</b>;</li>
 *   <li>an <b>API-call-attempt timeout of 10 s</b> and an <b>API-call timeout of 25 s</b> (all attempts and the
 *       pauses between them), so that no Jira thread waits longer than 25 s for AWS;</li>
 *   <li>the SDK's <b>standard retry strategy with 3 attempts</b> (the first call and two retries) on
 *       throttling, 5xx answers and I/O errors, with exponential back-off and jitter starting at 100 ms and capped
 *       at 2 s (throttling: starting at 500 ms, capped at 5 s). Its circuit breaker (a retry quota per client that,
 *       once drained by some 50 failing calls, silently cuts every call to one attempt) is off, so that each call
 *       gets the same attempts and the messages can say how many there were; the 25 s API-call timeout still
 *       bounds each call;</li>
 *   <li>one <b>scheduler</b> shared by every AWS client of the app ({@value #SCHEDULER_THREADS} daemon threads
 *       named {@value #SCHEDULER_THREAD_PREFIX}…, which time out attempts and calls), in place of the five threads
 *       the SDK would otherwise start for each client; it stops when the app stops ({@link #close()});</li>
 *   <li>the region and endpoint of {@link AwsEndpoints}: STS's regional endpoint, IAM's partition endpoint, or the
 *       account's endpoint overrides;</li>
 *   <li>FIPS and dual-stack endpoints off and {@link DefaultsMode#STANDARD}, and an empty profile file in place of
 *       {@code ~/.aws/config}, so that nothing on the Jira host silently changes where or how AWS is called.
 *       (The SDK still honours its service-specific endpoint environment variables, such as
 *       {@code AWS_ENDPOINT_URL_STS}, for accounts without an endpoint override; there is no per-client switch for
 *       them.)</li>
 * </ul>
 *
 * <p>Credentials: the account's stored access key or the host's role, the same for both services (see
 * {@link AccountCredentials}).
 */
@Component
public class AwsClients implements AutoCloseable {

    /** How many threads time out the AWS calls of all accounts together. */
    public static final int SCHEDULER_THREADS = 2;
    /** The name of the shared scheduler's threads, followed by a number. */
    public static final String SCHEDULER_THREAD_PREFIX = "aws-connectors-sdk-timer-";

    private final AwsClientSettings settings;
    private final ScheduledExecutorService scheduler;
    private final ServiceClients<StsClient> sts;
    private final ServiceClients<IamClient> iam;

    @Autowired
    public AwsClients(AccountSecrets secrets) {
        this(secrets, AwsClientSettings.defaults());
    }

    public AwsClients(AccountSecrets secrets, AwsClientSettings settings) {
        AccountCredentials credentials = new AccountCredentials(secrets);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = newScheduler();
        this.sts = new ServiceClients<>((region, endpoint, signing, http) ->
                configure(StsClient.builder(), region, endpoint, signing, http),
                credentials, this::newHttpClient, AwsEndpoints::stsRegion, Account::endpointOverride,
                AwsEndpoints::stsHost);
        this.iam = new ServiceClients<>((region, endpoint, signing, http) ->
                configure(IamClient.builder(), region, endpoint, signing, http),
                credentials, this::newHttpClient, account -> AwsEndpoints.iamSigningRegion(account.partition()),
                Account::iamEndpointOverride, AwsEndpoints::iamHost);
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
    public AwsClientSettings settings() {
        return settings;
    }

    /** The STS clients of every account. */
    public ServiceClients<StsClient> sts() {
        return sts;
    }

    /** The IAM clients of every account, for the admin screens (validate, key rotation, the role picker). */
    public ServiceClients<IamClient> iam() {
        return iam;
    }

    /** Forgets (and closes) the shared clients of an account, for example when the account is deleted. */
    public void evict(UUID accountId) {
        sts.evict(accountId);
        iam.evict(accountId);
    }

    /** Closes every shared client, then stops the shared scheduler. */
    @PreDestroy
    @Override
    public void close() {
        sts.evictAll();
        iam.evictAll();
        scheduler.shutdownNow();
    }

    /** The SDK does not close an HTTP client it is given: whoever builds one closes it. */
    private SdkHttpClient newHttpClient() {
        return httpClientBuilder().build();
    }

    private UrlConnectionHttpClient.Builder httpClientBuilder() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.socketTimeout());
    }

    /**
     * Builds a client the one way every client of the app is built (see the class comment): its HTTP client (the
     * given one, or one of its own), region and credentials, standard defaults, FIPS and dual-stack off, no profile
     * file, the timeouts and fixed number of attempts of {@link #settings()}, the shared scheduler, and the endpoint
     * override if there is one.
     */
    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C configure(
            B builder, Region region, Optional<URI> endpointOverride, AwsCredentialsProvider signing,
            Optional<SdkHttpClient> http) {
        if (http.isPresent()) {
            builder.httpClient(http.get());
        } else {
            builder.httpClientBuilder(httpClientBuilder());
        }
        ProfileFile noProfile = ProfileFile.builder().content("").type(ProfileFile.Type.CONFIGURATION).build();
        builder.region(region)
                .credentialsProvider(signing)
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
}
