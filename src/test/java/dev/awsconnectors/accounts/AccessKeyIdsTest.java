package dev.awsconnectors.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessKeyIdsTest {

    @Test
    void showsTheFirstAndLastFourCharactersOfAnAccessKeyId() {
        assertThat(AccessKeyIds.masked("AKIAIOSFODNN7EXAMPLE")).isEqualTo("AKIA************MPLE");
    }

    @Test
    void keepsTheLengthOfTheId() {
        assertThat(AccessKeyIds.masked("AKIA1234567890ABCDEFGHIJ")).hasSize(24).startsWith("AKIA").endsWith("GHIJ");
    }

    @Test
    void hidesShortIdsCompletely() {
        assertThat(AccessKeyIds.masked("AKIA12345678")).isEqualTo("************");
        assertThat(AccessKeyIds.masked("AK")).isEqualTo("**");
    }

    @Test
    void showsNothingForNoId() {
        assertThat(AccessKeyIds.masked(null)).isEmpty();
        assertThat(AccessKeyIds.masked("  ")).isEmpty();
    }
}
