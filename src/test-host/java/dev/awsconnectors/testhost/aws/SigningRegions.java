package dev.awsconnectors.testhost.aws;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which regions a SigV4 credential scope may name, per service, as AWS decides it:
 *
 * <ul>
 *   <li>STS is regional: a request must be signed for the region of the endpoint it is sent to. The double is every
 *       regional STS endpoint of its partition at once, so by default it accepts any region of the partition
 *       (AWS's own pattern for each: {@code (us|eu|ap|sa|ca|me|af|il|mx)-*-N} for {@code aws},
 *       {@code us-gov-*-N} for {@code aws-us-gov}, {@code cn-*-N} for {@code aws-cn}); {@link LocalAws.Builder#regions}
 *       narrows it to the regional endpoints a test means to serve.</li>
 *   <li>IAM is global: it is signed for its partition's one signing region ({@code us-east-1} in {@code aws},
 *       {@code us-gov-west-1} in {@code aws-us-gov}, {@code cn-north-1} in {@code aws-cn}), whatever region the
 *       client was configured with. AWS refuses IAM requests signed for {@code us-west-2} with "Credential should be
 *       scoped to a valid region, not 'us-west-2'."</li>
 * </ul>
 */
final class SigningRegions {

    /** The region patterns of the SDK's partition metadata ({@code endpoints.json}, {@code regionRegex}). */
    private static final Map<String, Pattern> PARTITION_REGIONS = Map.of(
            "aws", Pattern.compile("(us|eu|ap|sa|ca|me|af|il|mx)-\\w+-\\d+"),
            "aws-us-gov", Pattern.compile("us-gov-\\w+-\\d+"),
            "aws-cn", Pattern.compile("cn-\\w+-\\d+"));

    /** IAM's global signing region per partition (the credential scope of its partition endpoint). */
    private static final Map<String, String> IAM_SIGNING_REGION = Map.of(
            "aws", "us-east-1",
            "aws-us-gov", "us-gov-west-1",
            "aws-cn", "cn-north-1");

    private final String partition;
    /** The STS regions served; empty means every region of the partition. */
    private final Set<String> stsRegions;

    SigningRegions(String partition, List<String> stsRegions) {
        if (!PARTITION_REGIONS.containsKey(partition)) {
            throw new IllegalArgumentException("Unknown partition " + partition);
        }
        for (String region : stsRegions) {
            if (!inPartition(partition, region)) {
                throw new IllegalArgumentException("Region " + region + " is not a region of partition " + partition);
            }
        }
        this.partition = partition;
        this.stsRegions = Set.copyOf(new LinkedHashSet<>(stsRegions));
    }

    static boolean inPartition(String partition, String region) {
        Pattern pattern = PARTITION_REGIONS.get(partition);
        return pattern != null && region != null && pattern.matcher(region).matches();
    }

    /** Whether a request for this service ({@code sts} or {@code iam}) may be signed for this region. */
    boolean accepts(String service, String region) {
        if ("iam".equals(service)) {
            return IAM_SIGNING_REGION.get(partition).equals(region);
        }
        return stsRegions.isEmpty() ? inPartition(partition, region) : stsRegions.contains(region);
    }
}
