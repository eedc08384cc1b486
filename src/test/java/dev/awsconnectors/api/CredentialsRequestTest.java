package dev.awsconnectors.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsRequestTest {

    @Test
    void asksForNoDurationAndNoMfaCodeByDefault() {
        assertThat(CredentialsRequest.defaults().getDuration()).isEmpty();
        assertThat(CredentialsRequest.defaults().getMfaCode()).isEmpty();
    }

    @Test
    void keepsTheOriginalUnchangedWhenACopyGetsADuration() {
        CredentialsRequest original = CredentialsRequest.defaults();

        CredentialsRequest fifteenMinutes = original.withDuration(Duration.ofMinutes(15));

        assertThat(fifteenMinutes.getDuration()).contains(Duration.ofSeconds(900));
        assertThat(original.getDuration()).isEmpty();
    }

    @Test
    void carriesBothDurationAndMfaCode() {
        CredentialsRequest request = CredentialsRequest.defaults().withMfaCode("123456")
                .withDuration(Duration.ofHours(1));

        assertThat(request.getMfaCode()).contains("123456");
        assertThat(request.getDuration()).contains(Duration.ofHours(1));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void refusesADurationThatIsNotPositive(long seconds) {
        assertThatThrownBy(() -> CredentialsRequest.defaults().withDuration(Duration.ofSeconds(seconds)))
                .isInstanceOf(InvalidCredentialsRequestException.class)
                .hasMessageContaining("positive")
                .extracting(e -> ((InvalidCredentialsRequestException) e).getField()).isEqualTo("durationSeconds");
    }

    @Test
    void refusesAFractionOfASecond() {
        assertThatThrownBy(() -> CredentialsRequest.defaults().withDuration(Duration.ofMillis(900_500)))
                .isInstanceOf(InvalidCredentialsRequestException.class)
                .hasMessageContaining("whole seconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1234567", "12345a", " 123456", ""})
    void refusesAnMfaCodeThatIsNotSixDigits(String code) {
        assertThatThrownBy(() -> CredentialsRequest.defaults().withMfaCode(code))
                .isInstanceOf(InvalidCredentialsRequestException.class)
                .hasMessage("The MFA code must be six digits.")
                .extracting(e -> ((InvalidCredentialsRequestException) e).getField()).isEqualTo("mfaCode");
    }

    @Test
    void hidesTheMfaCodeInToString() {
        assertThat(CredentialsRequest.defaults().withMfaCode("987654").toString()).doesNotContain("987654");
    }
}
