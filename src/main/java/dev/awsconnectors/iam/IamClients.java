package dev.awsconnectors.iam;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.sts.StsClients;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.endpoints.IamEndpointProvider;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One AWS IAM client per account, rebuilt when the account changes, for the admin screens (validate, rotate the
 * access key, the role picker).
 *
 * <p>Built exactly as the account's STS clients are ({@link StsClients#configure}: the JDK-based HTTP client passed
 * explicitly, the same timeouts and fixed retries, the shared scheduler, no profile files) and signed with the same credentials
 * ({@link StsClients#credentialsFor}: the stored access key, or the host's role). What differs is where IAM lives:
 * IAM is a global service with one endpoint per partition, signed for the partition's one signing region, whatever
 * the account's STS region:
 * <table>
 *   <caption>IAM per partition</caption>
 *   <tr><th>partition</th><th>endpoint</th><th>signing region</th></tr>
 *   <tr><td>{@code aws}</td><td>{@code iam.amazonaws.com}</td><td>{@code us-east-1}</td></tr>
 *   <tr><td>{@code aws-us-gov}</td><td>{@code iam.us-gov.amazonaws.com}</td><td>{@code us-gov-west-1}</td></tr>
 *   <tr><td>{@code aws-cn}</td><td>{@code iam.cn-north-1.amazonaws.com.cn}</td><td>{@code cn-north-1}</td></tr>
 * </table>
 * The client's region is the signing region, from which the SDK's endpoint rules resolve the partition's global
 * endpoint; {@link Account#iamEndpointOverride()} replaces the endpoint and keeps the signing region (the SDK signs
 * for the client's region when an endpoint override is set).
 */
@Component
public class IamClients implements AutoCloseable {

    /** A client together with what it was built from. */
    private record Entry(long version, IamClient client, SdkHttpClient httpClient,
                         AwsCredentialsProvider credentials) {
        void close(StsClients sts) {
            client.close();
            httpClient.close();
            sts.release(credentials);
        }
    }

    private final StsClients sts;
    private final Map<UUID, Entry> clients = new ConcurrentHashMap<>();

    /** @param sts the account's STS clients, whose settings and credentials IAM shares */
    public IamClients(StsClients sts) {
        this.sts = Objects.requireNonNull(sts, "sts");
    }

    /** The region IAM requests of this partition are signed for. */
    public static Region signingRegion(Partition partition) {
        Objects.requireNonNull(partition, "partition");
        switch (partition) {
            case AWS_US_GOV:
                return Region.of("us-gov-west-1");
            case AWS_CN:
                return Region.CN_NORTH_1;
            default:
                return Region.US_EAST_1;
        }
    }

    /**
     * The client for this account as it is now: the one built before if the account's version is unchanged,
     * otherwise a new one (the old one is closed). A request that read the account before an edit gets the newer
     * client.
     *
     * @throws IllegalStateException if the account's secret access key cannot be read
     */
    public IamClient clientFor(Account account) {
        Objects.requireNonNull(account, "account");
        Entry current = clients.get(account.id());
        if (current != null && current.version() == account.version()) {
            return current.client();
        }
        AtomicReference<Entry> replaced = new AtomicReference<>();
        Entry entry = clients.compute(account.id(), (id, existing) -> {
            if (existing != null && existing.version() >= account.version()) {
                return existing;
            }
            replaced.set(existing);
            return build(account);
        });
        Entry old = replaced.get();
        if (old != null) {
            old.close(sts);
        }
        return entry.client();
    }

    /**
     * A new IAM client for this account signed with the account's credentials as they are now, not shared: for a
     * sequence of calls that must keep signing with one key while the stored key changes (key rotation). The caller
     * closes it; its HTTP client closes with it.
     */
    public IamClient newClient(Account account) {
        Objects.requireNonNull(account, "account");
        AwsCredentialsProvider credentials = sts.credentialsFor(account);
        try {
            return sts.configure(IamClient.builder().httpClientBuilder(sts.newHttpClientBuilder()), signingRegion(account.partition()), credentials, account.iamEndpointOverride());
        } catch (RuntimeException e) {
            sts.release(credentials);
            throw e;
        }
    }

    /** The host IAM is called at for this account: the override's host, or the partition's global endpoint. */
    public String endpointHost(Account account) {
        Optional<URI> override = account.iamEndpointOverride();
        if (override.isPresent()) {
            URI uri = override.get();
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        }
        try {
            return IamEndpointProvider.defaultProvider()
                    .resolveEndpoint(p -> p.region(signingRegion(account.partition())).useFips(false)
                            .useDualStack(false))
                    .join().url().getHost();
        } catch (RuntimeException e) {
            return "iam (" + account.partition().id() + ")";
        }
    }

    /** Forgets (and closes) the client of an account, for example when the account is deleted. */
    public void evict(UUID accountId) {
        Entry removed = clients.remove(accountId);
        if (removed != null) {
            removed.close(sts);
        }
    }

    private Entry build(Account account) {
        AwsCredentialsProvider credentials = sts.credentialsFor(account);
        SdkHttpClient http = sts.newHttpClient();
        try {
            IamClient client = sts.configure(IamClient.builder().httpClient(http),
                    signingRegion(account.partition()), credentials, account.iamEndpointOverride());
            return new Entry(account.version(), client, http, credentials);
        } catch (RuntimeException e) {
            http.close();
            sts.release(credentials);
            throw e;
        }
    }

    /** Closes every client. */
    @PreDestroy
    @Override
    public void close() {
        for (UUID id : clients.keySet()) {
            evict(id);
        }
    }
}
