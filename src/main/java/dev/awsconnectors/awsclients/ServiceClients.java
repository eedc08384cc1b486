package dev.awsconnectors.awsclients;

import dev.awsconnectors.accounts.Account;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The clients of one AWS service (STS or IAM) for every account, built as {@link AwsClients} says: one shared
 * client per account {@linkplain Account#version() version}, and new unshared clients for a few calls.
 *
 * <p>A shared client is thread-safe. An edited account gets a new client (with the new keys, region or endpoint) on
 * its next request, and the old one is closed together with its HTTP client and credentials provider.
 *
 * @param <C> the SDK client type
 */
public final class ServiceClients<C extends SdkAutoCloseable> {

    /** How a client of the service is built; where it points comes from the account. */
    interface Build<C> {
        /**
         * @param http the HTTP client to use, which whoever built it closes; empty for one of its own that the SDK
         *             closes with the client
         */
        C build(Region region, Optional<URI> endpointOverride, AwsCredentialsProvider signing,
                Optional<SdkHttpClient> http);
    }

    /** A shared client together with what it was built from and must close with it. */
    private record Shared<C extends SdkAutoCloseable>(long version, C client, SdkHttpClient httpClient,
                                                      AwsCredentialsProvider credentials) {
        void close() {
            client.close();
            // The SDK closes neither an HTTP client it was given nor a credentials provider.
            httpClient.close();
            AccountCredentials.release(credentials);
        }
    }

    private final Build<C> build;
    private final AccountCredentials credentials;
    private final Supplier<SdkHttpClient> httpClients;
    private final Function<Account, Region> signingRegion;
    private final Function<Account, Optional<URI>> endpointOverride;
    private final Function<Account, String> endpointHost;
    private final Map<UUID, Shared<C>> shared = new ConcurrentHashMap<>();

    ServiceClients(Build<C> build, AccountCredentials credentials, Supplier<SdkHttpClient> httpClients,
                   Function<Account, Region> signingRegion, Function<Account, Optional<URI>> endpointOverride,
                   Function<Account, String> endpointHost) {
        this.build = Objects.requireNonNull(build, "build");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.httpClients = Objects.requireNonNull(httpClients, "httpClients");
        this.signingRegion = Objects.requireNonNull(signingRegion, "signingRegion");
        this.endpointOverride = Objects.requireNonNull(endpointOverride, "endpointOverride");
        this.endpointHost = Objects.requireNonNull(endpointHost, "endpointHost");
    }

    /**
     * The shared client for this account as it is now: the one built before if the account's version is unchanged,
     * otherwise a new one (and the old one is closed; a request still running on it may then fail with an I/O
     * error, which is reported like any other failure to reach AWS). A request that read the account before an edit
     * gets the client of the newer version: the edit is what the admin wants now.
     *
     * @throws IllegalStateException if the account's secret access key cannot be read; the message says what to
     *                               restore and contains no key material
     */
    public C clientFor(Account account) {
        Objects.requireNonNull(account, "account");
        Shared<C> current = shared.get(account.id());
        if (current != null && current.version() == account.version()) {
            return current.client();
        }
        AtomicReference<Shared<C>> replaced = new AtomicReference<>();
        Shared<C> entry = shared.compute(account.id(), (id, existing) -> {
            if (existing != null && existing.version() >= account.version()) {
                return existing;
            }
            replaced.set(existing);
            return buildShared(account);
        });
        Shared<C> old = replaced.get();
        if (old != null) {
            old.close();
        }
        return entry.client();
    }

    /**
     * A new client for this account signed with the account's credentials as they are now, not shared: for a
     * sequence of calls that must keep signing with one key while the stored key changes (key rotation). The caller
     * closes it; its HTTP client closes with it.
     *
     * @throws IllegalStateException if the account's secret access key cannot be read
     */
    public C newClient(Account account) {
        Objects.requireNonNull(account, "account");
        AwsCredentialsProvider signing = credentials.of(account);
        try {
            return newClient(account, signing);
        } catch (RuntimeException e) {
            AccountCredentials.release(signing);
            throw e;
        }
    }

    /**
     * A new client for this account's endpoint that signs with the given credentials instead of the account's, for
     * a few calls with other credentials (a freshly created access key, temporary credentials from a connector).
     * Not shared: the caller closes it; its HTTP client closes with it.
     */
    public C newClient(Account account, AwsCredentialsProvider signing) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(signing, "signing");
        return build.build(signingRegion(account), endpointOverride.apply(account), signing, Optional.empty());
    }

    /** The region this account's calls to the service are signed for. */
    public Region signingRegion(Account account) {
        return signingRegion.apply(account);
    }

    /** The host the service is called at for this account: the endpoint override's, or the SDK's endpoint. */
    public String endpointHost(Account account) {
        return endpointHost.apply(account);
    }

    /** Forgets (and closes) the shared client of an account. */
    void evict(UUID accountId) {
        Shared<C> removed = shared.remove(accountId);
        if (removed != null) {
            removed.close();
        }
    }

    /** Closes every shared client. */
    void evictAll() {
        for (UUID id : shared.keySet()) {
            evict(id);
        }
    }

    private Shared<C> buildShared(Account account) {
        AwsCredentialsProvider signing = credentials.of(account);
        SdkHttpClient http = httpClients.get();
        try {
            C client = build.build(signingRegion(account), endpointOverride.apply(account), signing,
                    Optional.of(http));
            return new Shared<>(account.version(), client, http, signing);
        } catch (RuntimeException e) {
            http.close();
            AccountCredentials.release(signing);
            throw e;
        }
    }
}
