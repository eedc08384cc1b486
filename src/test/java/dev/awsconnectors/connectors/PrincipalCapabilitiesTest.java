package dev.awsconnectors.connectors;

import dev.awsconnectors.api.PrincipalType;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static dev.awsconnectors.api.PrincipalType.FEDERATED_USER;
import static dev.awsconnectors.api.PrincipalType.IAM_ROLE;
import static dev.awsconnectors.api.PrincipalType.IAM_USER;
import static org.assertj.core.api.Assertions.assertThat;

/** What each principal type can do, after the STS API reference of its call. */
class PrincipalCapabilitiesTest {

    @Test
    void everyPrincipalTypeHasItsCapabilities() {
        for (PrincipalType type : PrincipalType.values()) {
            assertThat(PrincipalCapabilities.of(type).name()).isEqualTo(type.name());
        }
    }

    @Test
    void aFederatedUserAndAnIamUserNeedAnIamUsersKeysAndARoleDoesNot() {
        assertThat(PrincipalCapabilities.of(FEDERATED_USER).stsCall()).isEqualTo("GetFederationToken");
        assertThat(PrincipalCapabilities.of(FEDERATED_USER).needsLongTermKeys()).isTrue();
        assertThat(PrincipalCapabilities.of(IAM_USER).stsCall()).isEqualTo("GetSessionToken");
        assertThat(PrincipalCapabilities.of(IAM_USER).needsLongTermKeys()).isTrue();
        assertThat(PrincipalCapabilities.of(IAM_ROLE).stsCall()).isEqualTo("AssumeRole");
        assertThat(PrincipalCapabilities.of(IAM_ROLE).needsLongTermKeys()).isFalse();
    }

    @Test
    void everyCallIssuesCredentialsForAtLeastFifteenMinutes() {
        for (PrincipalType type : PrincipalType.values()) {
            assertThat(PrincipalCapabilities.of(type).minimumSeconds()).isEqualTo(900);
        }
    }

    @Test
    void aFederatedUserAndAnIamUserGetUpToThirtySixHoursAndTwelveByDefault() {
        for (PrincipalType type : new PrincipalType[] {FEDERATED_USER, IAM_USER}) {
            assertThat(PrincipalCapabilities.of(type).maximumSeconds()).isEqualTo(129_600);
            assertThat(PrincipalCapabilities.of(type).defaultSeconds()).isEqualTo(43_200);
        }
    }

    @Test
    void aRoleGetsUpToTwelveHoursAndOneByDefault() {
        assertThat(PrincipalCapabilities.of(IAM_ROLE).maximumSeconds()).isEqualTo(43_200);
        assertThat(PrincipalCapabilities.of(IAM_ROLE).defaultSeconds()).isEqualTo(3_600);
    }

    @Test
    void onlyARoleAssumedWithRoleCredentialsIsCappedAtOneHourForRoleChaining() {
        assertThat(PrincipalCapabilities.of(IAM_ROLE).roleChainingMaximumSeconds(true)).isEqualTo(OptionalInt.of(3_600));
        assertThat(PrincipalCapabilities.of(IAM_ROLE).roleChainingMaximumSeconds(false)).isEmpty();
        assertThat(PrincipalCapabilities.of(FEDERATED_USER).roleChainingMaximumSeconds(true)).isEmpty();
        assertThat(PrincipalCapabilities.of(IAM_USER).roleChainingMaximumSeconds(true)).isEmpty();
    }

    @Test
    void aFederatedUserAndARoleSignInToTheConsoleAndAnIamUserDoesNot() {
        assertThat(PrincipalCapabilities.of(FEDERATED_USER).signsInToTheConsole()).isTrue();
        assertThat(PrincipalCapabilities.of(IAM_ROLE).signsInToTheConsole()).isTrue();
        assertThat(PrincipalCapabilities.of(IAM_USER).signsInToTheConsole()).isFalse();
    }
}
