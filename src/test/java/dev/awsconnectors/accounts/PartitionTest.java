package dev.awsconnectors.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartitionTest {

    @ParameterizedTest
    @CsvSource({"aws, AWS", "aws-us-gov, AWS_US_GOV", "aws-cn, AWS_CN"})
    void findsEachPartitionByTheIdUsedInArns(String id, Partition partition) {
        assertThat(Partition.fromId(id)).isSameAs(partition);
        assertThat(partition.id()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS", "aws-iso", "", " aws"})
    void refusesUnknownIdsNamingTheKnownOnes(String id) {
        assertThatThrownBy(() -> Partition.fromId(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aws, aws-us-gov, aws-cn");
    }

    @Test
    void refusesANullId() {
        assertThatThrownBy(() -> Partition.fromId(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "AWS, signin.aws.amazon.com, console.aws.amazon.com",
            "AWS_US_GOV, signin.amazonaws-us-gov.com, console.amazonaws-us-gov.com",
            "AWS_CN, signin.amazonaws.cn, console.amazonaws.cn"})
    void knowsTheSigninAndConsoleHostsOfEachPartition(Partition partition, String signin, String console) {
        assertThat(partition.signinHost()).isEqualTo(signin);
        assertThat(partition.consoleHost()).isEqualTo(console);
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "us-west-2", "eu-central-2", "ap-southeast-5", "me-central-1",
            "il-central-1", "mx-central-1", "ca-west-1", "af-south-1", "sa-east-1"})
    void putsCommercialRegionsInTheAwsPartitionOnly(String region) {
        assertThat(Partition.AWS.containsRegion(region)).isTrue();
        assertThat(Partition.AWS_US_GOV.containsRegion(region)).isFalse();
        assertThat(Partition.AWS_CN.containsRegion(region)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-gov-west-1", "us-gov-east-1"})
    void putsGovCloudRegionsInTheGovCloudPartitionOnly(String region) {
        assertThat(Partition.AWS_US_GOV.containsRegion(region)).isTrue();
        assertThat(Partition.AWS.containsRegion(region)).isFalse();
        assertThat(Partition.AWS_CN.containsRegion(region)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cn-north-1", "cn-northwest-1"})
    void putsChinaRegionsInTheChinaPartitionOnly(String region) {
        assertThat(Partition.AWS_CN.containsRegion(region)).isTrue();
        assertThat(Partition.AWS.containsRegion(region)).isFalse();
        assertThat(Partition.AWS_US_GOV.containsRegion(region)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-iso-east-1", "us-isob-east-1", "eu-isoe-west-1", "us-isof-south-1"})
    void putsIsolatedRegionsInNoSupportedPartition(String region) {
        for (Partition partition : Partition.values()) {
            assertThat(partition.containsRegion(region)).as(partition.id()).isFalse();
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"US-EAST-1", "us-east", "useast1", "us-east-1a", "us-east-100", " us-east-1",
            "global", "aws-global"})
    void recognisesNoRegionInMalformedCodes(String region) {
        assertThat(Partition.isRegionShaped(region)).isFalse();
        for (Partition partition : Partition.values()) {
            assertThat(partition.containsRegion(region)).isFalse();
        }
    }

    @Test
    void refusesRegionCodesLongerThanThirtyTwoCharacters() {
        String thirtyTwo = "us-" + "a".repeat(27) + "-1";
        assertThat(thirtyTwo).hasSize(32);
        assertThat(Partition.isRegionShaped(thirtyTwo)).isTrue();
        assertThat(Partition.isRegionShaped("us-" + "a".repeat(28) + "-1")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Partition.class)
    void hasConsoleHostsThatAreNotSigninHosts(Partition partition) {
        assertThat(partition.consoleHost()).isNotEqualTo(partition.signinHost());
    }
}
