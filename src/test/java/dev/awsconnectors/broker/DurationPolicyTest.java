package dev.awsconnectors.broker;

import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationPolicyTest {

    private static Connector connector(PrincipalType type, Integer maxSeconds) {
        return Connector.builder().name("c").accountId(UUID.randomUUID()).principalType(type)
                .maxDurationSeconds(maxSeconds).build();
    }

    private static CredentialsRequest requesting(long seconds) {
        return CredentialsRequest.defaults().withDuration(Duration.ofSeconds(seconds));
    }

    @Test
    void usesTheConnectorsMaximumWhenNothingIsRequested() {
        assertThat(DurationPolicy.resolve(connector(PrincipalType.IAM_ROLE, 7200), false,
                CredentialsRequest.defaults()))
                .isEqualTo(OptionalInt.of(7200));
    }

    @Test
    void leavesTheDurationToAwsWhenNeitherConnectorNorCallerSetsOne() {
        assertThat(DurationPolicy.resolve(connector(PrincipalType.FEDERATED_USER, null), false,
                CredentialsRequest.defaults()))
                .isEmpty();
    }

    @Test
    void acceptsARequestUpToTheConnectorsMaximum() {
        assertThat(DurationPolicy.resolve(connector(PrincipalType.IAM_ROLE, 3600), false, requesting(3600)))
                .isEqualTo(OptionalInt.of(3600));
        assertThat(DurationPolicy.resolve(connector(PrincipalType.IAM_ROLE, 3600), false, requesting(900)))
                .isEqualTo(OptionalInt.of(900));
    }

    @Test
    void refusesARequestOneSecondAboveTheConnectorsMaximumNamingTheLimit() {
        assertThatThrownBy(() -> DurationPolicy.resolve(connector(PrincipalType.IAM_ROLE, 3600), false,
                requesting(3601)))
                .isInstanceOf(InvalidCredentialsRequestException.class)
                .hasMessage("This connector issues credentials for at most 3,600 seconds; 3,601 seconds were requested.")
                .extracting(e -> ((InvalidCredentialsRequestException) e).getField()).isEqualTo("durationSeconds");
    }

    @Test
    void refusesLessThanAwsMinimumOfFifteenMinutes() {
        assertThatThrownBy(() -> DurationPolicy.resolve(connector(PrincipalType.IAM_USER, null), false, requesting(899)))
                .isInstanceOf(InvalidCredentialsRequestException.class)
                .hasMessage("AWS issues credentials for at least 900 seconds (15 minutes); 899 seconds were requested.");
    }

    @Test
    void capsAHostRoleAccountsRoleAtOneHourBecauseThatIsRoleChaining() {
        Connector role = connector(PrincipalType.IAM_ROLE, null);

        assertThat(DurationPolicy.resolve(role, true, requesting(3600))).isEqualTo(OptionalInt.of(3600));
        assertThatThrownBy(() -> DurationPolicy.resolve(role, true, requesting(3601)))
                .isInstanceOf(InvalidCredentialsRequestException.class)
                .hasMessageContaining("role chaining to 3,600 seconds");
        assertThat(DurationPolicy.resolve(role, false, requesting(3601))).isEqualTo(OptionalInt.of(3601));
    }

    @ParameterizedTest
    @CsvSource({"IAM_ROLE, 43200, IAM Role, '43,200'", "FEDERATED_USER, 129600, Federated User, '129,600'",
            "IAM_USER, 129600, IAM User, '129,600'"})
    void appliesAwsMaximumForTheCallWhenTheConnectorSetsNone(PrincipalType type, int awsMax, String name,
                                                            String formatted) {
        assertThat(DurationPolicy.resolve(connector(type, null), false, requesting(awsMax))).isEqualTo(OptionalInt.of(awsMax));
        assertThatThrownBy(() -> DurationPolicy.resolve(connector(type, null), false, requesting(awsMax + 1L)))
                .hasMessageStartingWith("AWS issues " + name + " credentials for at most " + formatted + " seconds");
    }
}
