package dev.awsconnectors.sts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An MFA code is six digits, as the exported API says. */
class MfaCodesTest {

    @Test
    void sixDigitsAreACode() {
        assertThat(MfaCodes.isWellFormed("123456")).isTrue();
        assertThat(MfaCodes.isWellFormed("000000")).isTrue();
    }

    @Test
    void anythingElseIsNot() {
        for (String code : new String[] {"12345", "1234567", "12345a", "１２３４５６", " 123456", "", "12 3456"}) {
            assertThat(MfaCodes.isWellFormed(code)).as(code).isFalse();
        }
        assertThat(MfaCodes.isWellFormed(null)).isFalse();
    }
}
