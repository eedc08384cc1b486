package dev.awsconnectors.broker;

import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A duration as REST callers and the page's form send it. */
class RequestedDurationTest {
    private static final String REFUSAL = "Type a number of seconds.";

    @Test
    void takesAWholeNumberOfSecondsAroundWhichBlanksAreIgnored() {
        assertThat(RequestedDuration.applyTo(CredentialsRequest.defaults(), " 3600 ", REFUSAL).getDuration())
                .contains(Duration.ofSeconds(3600));
    }

    @Test
    void leavesTheRequestAsItWasWhenNothingIsTyped() {
        CredentialsRequest withCode = CredentialsRequest.defaults().withMfaCode("123456");

        assertThat(RequestedDuration.applyTo(withCode, null, REFUSAL)).isEqualTo(withCode);
        assertThat(RequestedDuration.applyTo(withCode, "  ", REFUSAL)).isEqualTo(withCode);
    }

    @Test
    void keepsWhatWasAskedForBefore() {
        CredentialsRequest withCode = CredentialsRequest.defaults().withMfaCode("123456");

        assertThat(RequestedDuration.applyTo(withCode, "900", REFUSAL).getMfaCode()).contains("123456");
    }

    @Test
    void refusesAnythingButAPositiveWholeNumberNamingTheFieldWithTheCallersText() {
        for (String typed : new String[] {"0", "-900", "1.5", "1h", "99999999999999999999"}) {
            assertThatThrownBy(() -> RequestedDuration.applyTo(CredentialsRequest.defaults(), typed, REFUSAL))
                    .as(typed)
                    .isInstanceOfSatisfying(InvalidCredentialsRequestException.class, e -> {
                        assertThat(e.getField()).isEqualTo("durationSeconds");
                        assertThat(e.getMessage()).isEqualTo(REFUSAL);
                    });
        }
    }
}
