package dev.awsconnectors.accounts;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An AWS partition: a group of regions with its own IAM, its own ARN prefix and its own console and sign-in hosts.
 * Credentials of one partition are useless in another, so every ARN and host a connector uses must match the
 * partition of its account.
 */
public enum Partition {
    AWS("aws", "signin.aws.amazon.com", "console.aws.amazon.com"),
    AWS_US_GOV("aws-us-gov", "signin.amazonaws-us-gov.com", "console.amazonaws-us-gov.com"),
    AWS_CN("aws-cn", "signin.amazonaws.cn", "console.amazonaws.cn");

    /**
     * The shape every AWS region code has ({@code us-east-1}, {@code ap-southeast-5}, {@code us-gov-west-1},
     * {@code cn-northwest-1}): a two-letter area, one or more words, a number. Deliberately not a list of today's
     * regions, so a region launched after this release still validates.
     */
    private static final Pattern REGION_SHAPE = Pattern.compile("[a-z]{2}(?:-[a-z]+)+-[0-9]{1,2}");

    /** Longer than any region code AWS uses; stops absurd input before it reaches a regular expression. */
    static final int MAX_REGION_LENGTH = 32;

    private final String id;
    private final String signinHost;
    private final String consoleHost;

    Partition(String id, String signinHost, String consoleHost) {
        this.id = id;
        this.signinHost = signinHost;
        this.consoleHost = consoleHost;
    }

    /** The partition's id as it appears in ARNs ({@code arn:<id>:…}) and in the REST API. */
    public String id() {
        return id;
    }

    /** The host of the partition's sign-in (federation) endpoint, for {@code https://<host>/federation}. */
    public String signinHost() {
        return signinHost;
    }

    /** The host of the partition's AWS Management Console; regional consoles are {@code <region>.<host>}. */
    public String consoleHost() {
        return consoleHost;
    }

    /**
     * The partition with this id.
     *
     * @throws IllegalArgumentException if no partition has this id; the message lists the ones that exist
     */
    public static Partition fromId(String id) {
        Objects.requireNonNull(id, "id");
        for (Partition partition : values()) {
            if (partition.id.equals(id)) {
                return partition;
            }
        }
        throw new IllegalArgumentException("Unknown AWS partition '" + id + "'; expected one of "
                + Arrays.stream(values()).map(Partition::id).collect(Collectors.joining(", ")) + ".");
    }

    /** Whether {@code region} has the shape of an AWS region code, whatever its partition. */
    public static boolean isRegionShaped(String region) {
        return region != null && region.length() <= MAX_REGION_LENGTH && REGION_SHAPE.matcher(region).matches();
    }

    /**
     * Whether {@code region} is a region code of this partition. GovCloud regions start with {@code us-gov-} and
     * China's with {@code cn-}; the commercial partition has the rest, except the isolated {@code us-iso…} style
     * regions, which belong to partitions this app does not support.
     */
    public boolean containsRegion(String region) {
        if (!isRegionShaped(region)) {
            return false;
        }
        boolean gov = region.startsWith("us-gov-");
        boolean china = region.startsWith("cn-");
        switch (this) {
            case AWS_US_GOV:
                return gov;
            case AWS_CN:
                return china;
            default:
                return !gov && !china && !hasIsolatedSegment(region);
        }
    }

    private static boolean hasIsolatedSegment(String region) {
        return Arrays.stream(region.split("-")).anyMatch(segment -> segment.startsWith("iso"));
    }
}
