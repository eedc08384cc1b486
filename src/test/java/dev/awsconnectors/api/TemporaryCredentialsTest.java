package dev.awsconnectors.api;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemporaryCredentialsTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN";

    private final TemporaryCredentials credentials = new TemporaryCredentials("ASIAEXAMPLEKEYID0001", SECRET, TOKEN,
            Instant.parse("2026-11-28T12:00:00Z"), "arn:aws:sts::123456789012:federated-user/alice");

    @Test
    void showsNeitherTheSecretNorTheSessionTokenInToString() {
        assertThat(credentials.toString())
                .doesNotContain(SECRET).doesNotContain(TOKEN)
                .contains("ASIAEXAMPLEKEYID0001", "federated-user/alice", "2026-11-28T12:00:00Z");
    }

    @Test
    void handsTheSecretsToTheCallerThatAskedForThem() {
        assertThat(credentials.getSecretAccessKey()).isEqualTo(SECRET);
        assertThat(credentials.getSessionToken()).isEqualTo(TOKEN);
    }

    @Test
    void refusesAnEmptySecretNamingTheFieldButNoValue() {
        assertThatThrownBy(() -> new TemporaryCredentials("ASIAEXAMPLEKEYID0001", "", TOKEN, Instant.now(),
                "arn:aws:sts::123456789012:federated-user/alice"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("secretAccessKey must not be empty");
    }

    @Test
    void areEqualWhenEveryPartIsEqual() {
        TemporaryCredentials same = new TemporaryCredentials("ASIAEXAMPLEKEYID0001", SECRET, TOKEN,
                Instant.parse("2026-11-28T12:00:00Z"), "arn:aws:sts::123456789012:federated-user/alice");
        TemporaryCredentials otherToken = new TemporaryCredentials("ASIAEXAMPLEKEYID0001", SECRET, TOKEN + "X",
                Instant.parse("2026-11-28T12:00:00Z"), "arn:aws:sts::123456789012:federated-user/alice");

        assertThat(credentials).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(otherToken);
    }
}
