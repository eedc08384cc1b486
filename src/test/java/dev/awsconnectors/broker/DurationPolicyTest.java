package dev.awsconnectors.broker;

import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.sts.UserText;
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
        assertThat(DurationPolicy.refusal(connector(PrincipalType.IAM_ROLE, 3600), false, 3601))
                .contains(UserText.of(DurationPolicy.ABOVE_CONNECTOR_MAXIMUM, 3600, 3601L));
    }

    @Test
    void refusesLessThanAwsMinimumOfFifteenMinutes() {
        assertThat(DurationPolicy.refusal(connector(PrincipalType.IAM_USER, null), false, 899))
                .contains(UserText.of(DurationPolicy.BELOW_AWS_MINIMUM, 900, 899L));
        assertThat(DurationPolicy.refusal(connector(PrincipalType.IAM_USER, null), false, 900)).isEmpty();
    }

    @Test
    void capsAHostRoleAccountsRoleAtOneHourBecauseThatIsRoleChaining() {
        Connector role = connector(PrincipalType.IAM_ROLE, null);

        assertThat(DurationPolicy.resolve(role, true, requesting(3600))).isEqualTo(OptionalInt.of(3600));
        assertThat(DurationPolicy.refusal(role, true, 3601))
                .contains(UserText.of(DurationPolicy.ABOVE_ROLE_CHAINING_MAXIMUM, 3600, 3601L));
        assertThat(DurationPolicy.resolve(role, false, requesting(3601))).isEqualTo(OptionalInt.of(3601));
    }

    @ParameterizedTest
    @CsvSource({"IAM_ROLE, 43200, IAM Role", "FEDERATED_USER, 129600, Federated User", "IAM_USER, 129600, IAM User"})
    void appliesAwsMaximumForTheCallWhenTheConnectorSetsNone(PrincipalType type, int awsMax, String name) {
        assertThat(DurationPolicy.resolve(connector(type, null), false, requesting(awsMax))).isEqualTo(OptionalInt.of(awsMax));
        assertThat(DurationPolicy.refusal(connector(type, null), false, awsMax + 1L))
                .contains(UserText.of(DurationPolicy.ABOVE_AWS_MAXIMUM, name, awsMax, awsMax + 1L));
    }

    @Test
    void aRefusedRequestFailsNamingTheDurationWithTheRefusalInEnglish() {
        Connector connector = connector(PrincipalType.IAM_ROLE, 3600);

        assertThatThrownBy(() -> DurationPolicy.resolve(connector, false, requesting(3601)))
                .isInstanceOfSatisfying(InvalidCredentialsRequestException.class, e -> {
                    assertThat(e.getField()).isEqualTo("durationSeconds");
                    assertThat(e.getMessage()).isEqualTo(DurationPolicy.refusal(connector, false, 3601)
                            .orElseThrow().english());
                });
    }

    @Test
    void theRefusalsReadInEnglishWithNumbersGroupedAsAwsDocumentsThem() {
        assertThat(UserText.of(DurationPolicy.ABOVE_AWS_MAXIMUM, "Federated User", 129_600, 129_601L).english())
                .isEqualTo("AWS issues Federated User credentials for at most 129,600 seconds; 129,601 seconds were "
                        + "requested.");
        assertThat(UserText.of(DurationPolicy.ABOVE_ROLE_CHAINING_MAXIMUM, 3_600, 3_601L).english())
                .isEqualTo("This connector assumes its role with the host's role credentials, and AWS limits such "
                        + "role chaining to 3,600 seconds; 3,601 seconds were requested.");
    }
}
