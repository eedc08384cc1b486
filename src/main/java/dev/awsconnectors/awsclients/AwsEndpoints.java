package dev.awsconnectors.awsclients;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.Partition;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.endpoints.IamEndpointProvider;
import software.amazon.awssdk.services.sts.endpoints.StsEndpointProvider;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where an account's AWS calls go, and the region they are signed for.
 *
 * <p>STS: the regional endpoint of {@code Region.of(account.region())}, which the SDK's endpoint rules resolve in
 * the region's partition ({@code sts.eu-west-1.amazonaws.com}, {@code sts.us-gov-west-1.amazonaws.com},
 * {@code sts.cn-north-1.amazonaws.com.cn}), or the account's {@link Account#endpointOverride()}.
 *
 * <p>IAM is a global service with one endpoint per partition, signed for the partition's one signing region,
 * whatever the account's STS region:
 * <table>
 *   <caption>IAM per partition</caption>
 *   <tr><th>partition</th><th>endpoint</th><th>signing region</th></tr>
 *   <tr><td>{@code aws}</td><td>{@code iam.amazonaws.com}</td><td>{@code us-east-1}</td></tr>
 *   <tr><td>{@code aws-us-gov}</td><td>{@code iam.us-gov.amazonaws.com}</td><td>{@code us-gov-west-1}</td></tr>
 *   <tr><td>{@code aws-cn}</td><td>{@code iam.cn-north-1.amazonaws.com.cn}</td><td>{@code cn-north-1}</td></tr>
 * </table>
 * An IAM client's region is the signing region, from which the SDK's endpoint rules resolve the partition's global
 * endpoint; {@link Account#iamEndpointOverride()} replaces the endpoint and keeps the signing region (the SDK signs
 * for the client's region when an endpoint override is set).
 */
final class AwsEndpoints {

    private AwsEndpoints() {
    }

    /** The region an account's STS requests go to and are signed for. */
    static Region stsRegion(Account account) {
        return Region.of(account.region());
    }

    /** The region IAM requests of this partition are signed for. */
    static Region iamSigningRegion(Partition partition) {
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

    /** The host STS is called at for this account: the override's host, or the regional endpoint. */
    static String stsHost(Account account) {
        return host(account.endpointOverride(), () -> StsEndpointProvider.defaultProvider()
                .resolveEndpoint(p -> p.region(stsRegion(account)).useFips(false).useDualStack(false)
                        .useGlobalEndpoint(false))
                .join().endpointUrl().host(), "sts." + account.region());
    }

    /** The host IAM is called at for this account: the override's host, or the partition's global endpoint. */
    static String iamHost(Account account) {
        return host(account.iamEndpointOverride(), () -> IamEndpointProvider.defaultProvider()
                .resolveEndpoint(p -> p.region(iamSigningRegion(account.partition())).useFips(false)
                        .useDualStack(false))
                .join().url().getHost(), "iam (" + account.partition().id() + ")");
    }

    /** The override's host and port; else the host the SDK resolves; else, should its rules fail, a description. */
    private static String host(Optional<URI> override, Supplier<String> resolved, String unresolved) {
        if (override.isPresent()) {
            URI uri = override.get();
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        }
        try {
            return resolved.get();
        } catch (RuntimeException e) {
            return unresolved;
        }
    }
}
