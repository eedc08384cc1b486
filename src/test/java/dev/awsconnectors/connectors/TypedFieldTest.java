package dev.awsconnectors.connectors;

import dev.awsconnectors.api.PrincipalType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.awsconnectors.api.PrincipalType.FEDERATED_USER;
import static dev.awsconnectors.api.PrincipalType.IAM_ROLE;
import static dev.awsconnectors.api.PrincipalType.IAM_USER;
import static org.assertj.core.api.Assertions.assertThat;

/** Which fields each principal type takes, after the parameters of its STS call. */
class TypedFieldTest {
    private static Set<String> fieldsOf(PrincipalType type) {
        return Arrays.stream(TypedField.values()).filter(f -> f.takenBy(type)).map(TypedField::fieldName)
                .collect(Collectors.toSet());
    }

    @Test
    void aFederatedUserTakesSessionPoliciesAndAConsoleDestinationButNoRoleAndNoMfa() {
        assertThat(fieldsOf(FEDERATED_USER)).containsExactlyInAnyOrder("policy", "policyArns", "consoleDestination");
    }

    @Test
    void anIamUserTakesOnlyAnMfaDevice() {
        assertThat(fieldsOf(IAM_USER)).containsExactly("mfaSerialNumber");
    }

    @Test
    void anIamRoleTakesEveryTypedField() {
        assertThat(fieldsOf(IAM_ROLE)).containsExactlyInAnyOrder("roleArn", "externalId", "policy", "policyArns",
                "mfaSerialNumber", "sourceIdentityAndTags", "consoleDestination");
    }

    @Test
    void withNoTypeChosenEveryFieldIsOpen() {
        assertThat(Arrays.stream(TypedField.values()).allMatch(f -> f.takenBy(null))).isTrue();
    }

    @Test
    void fieldsAreFoundByTheirRestNames() {
        Map<String, TypedField> byName = new TreeMap<>();
        for (TypedField field : TypedField.values()) {
            byName.put(field.fieldName(), TypedField.named(field.fieldName()).orElseThrow());
        }
        assertThat(byName).hasSize(TypedField.values().length);
        assertThat(TypedField.named("groups")).isEmpty();
    }

    @Test
    void blankTextAnEmptyListAndAnUntickedBoxAreNoValue() {
        Connector blank = Connector.builder().name("n").principalType(FEDERATED_USER).roleArn(" \t").externalId("")
                .policy("\n").policyArns(java.util.List.of()).mfaSerialNumber("   ").sourceIdentityAndTags(false)
                .build();
        assertThat(Arrays.stream(TypedField.values()).filter(f -> f.hasValue(blank))).isEmpty();
        Connector filled = blank.toBuilder().roleArn("r").externalId("e").policy("{}").policyArns(java.util.List.of(""))
                .mfaSerialNumber("m").sourceIdentityAndTags(true)
                .consoleDestination(java.net.URI.create("https://console.aws.amazon.com/")).build();
        assertThat(Arrays.stream(TypedField.values()).filter(f -> f.hasValue(filled))).containsExactly(
                TypedField.values());
    }
}
