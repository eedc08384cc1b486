package dev.awsconnectors.sts;

import dev.awsconnectors.api.AwsConnectorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrincipalNamesTest {

    private static String letters(int count) {
        return "u".repeat(count);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 31, 32})
    void usesAFittingJiraUserNameAsTheFederatedUserName(int length) {
        assertThat(PrincipalNames.federatedUserName(letters(length))).isEqualTo(letters(length));
    }

    @Test
    void keepsEveryCharacterAwsAllows() {
        assertThat(PrincipalNames.federatedUserName("a.b_c+d=e,f@g-h")).isEqualTo("a.b_c+d=e,f@g-h");
    }

    @Test
    void cutsAThirtyThreeCharacterNameToThirtyTwoWithAHashOfTheWholeName() {
        String name = PrincipalNames.federatedUserName(letters(33));

        assertThat(name).hasSize(32).startsWith(letters(23)).matches(".*-[0-9a-f]{8}");
        assertThat(PrincipalNames.isValidFederatedUserName(name)).isTrue();
    }

    @Test
    void lengthensAOneCharacterNameToAValidOne() {
        String name = PrincipalNames.federatedUserName("a");

        assertThat(name).matches("a-[0-9a-f]{8}");
        assertThat(PrincipalNames.isValidFederatedUserName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice smith", "zoë", "dom\\alice", "a/b", "x:y", "名前"})
    void replacesCharactersAwsRefusesAndStaysValid(String jiraUserName) {
        assertThat(PrincipalNames.isValidFederatedUserName(PrincipalNames.federatedUserName(jiraUserName))).isTrue();
        assertThat(PrincipalNames.isValidRoleSessionName(PrincipalNames.roleSessionName(jiraUserName))).isTrue();
    }

    @Test
    void neverGivesTwoJiraUsersTheSameAwsName() {
        assertThat(PrincipalNames.federatedUserName("alice smith"))
                .isNotEqualTo(PrincipalNames.federatedUserName("alice-smith"))
                .isNotEqualTo(PrincipalNames.federatedUserName("alice/smith"));
        assertThat(PrincipalNames.federatedUserName(letters(40)))
                .isNotEqualTo(PrincipalNames.federatedUserName(letters(41)));
    }

    @Test
    void rewritesANameThatAlreadyLooksRewrittenSoItCannotCollideWithARewrittenOne() {
        String rewritten = PrincipalNames.federatedUserName("alice smith");
        String lookalike = "alice-smith-" + rewritten.substring(rewritten.length() - 8);

        assertThat(PrincipalNames.federatedUserName(lookalike)).isNotEqualTo(rewritten).startsWith(lookalike);
    }

    @Test
    void givesTheSameJiraUserTheSameNameEveryTime() {
        assertThat(PrincipalNames.roleSessionName("zoë")).isEqualTo(PrincipalNames.roleSessionName("zoë"));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 63, 64})
    void usesAFittingJiraUserNameAsTheRoleSessionName(int length) {
        assertThat(PrincipalNames.roleSessionName(letters(length))).isEqualTo(letters(length));
    }

    @Test
    void cutsASixtyFiveCharacterNameToSixtyFour() {
        String name = PrincipalNames.roleSessionName(letters(65));

        assertThat(name).hasSize(64);
        assertThat(PrincipalNames.isValidRoleSessionName(name)).isTrue();
    }

    @Test
    void judgesNamesAtTheEdgesOfAwsLimits() {
        assertThat(PrincipalNames.isValidFederatedUserName(letters(1))).isFalse();
        assertThat(PrincipalNames.isValidFederatedUserName(letters(2))).isTrue();
        assertThat(PrincipalNames.isValidFederatedUserName(letters(32))).isTrue();
        assertThat(PrincipalNames.isValidFederatedUserName(letters(33))).isFalse();
        assertThat(PrincipalNames.isValidRoleSessionName(letters(64))).isTrue();
        assertThat(PrincipalNames.isValidRoleSessionName(letters(65))).isFalse();
        assertThat(PrincipalNames.isValidRoleSessionName("ab/c")).isFalse();
    }

    @Test
    void acceptsTheFixedSystemSessionNameForEveryPrincipalType() {
        assertThat(PrincipalNames.isValidFederatedUserName(AwsConnectorService.SYSTEM_SESSION_NAME)).isTrue();
        assertThat(PrincipalNames.isValidRoleSessionName(AwsConnectorService.SYSTEM_SESSION_NAME)).isTrue();
    }

    @Test
    void refusesAMissingUserName() {
        assertThatThrownBy(() -> PrincipalNames.federatedUserName(null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
