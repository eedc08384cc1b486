package dev.awsconnectors.connectors;

import dev.awsconnectors.api.PrincipalType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectorTest {
    private static final String POLICY = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}";

    private static Connector.Builder connector() {
        return Connector.builder()
                .name("Deploy")
                .description("CI deployments")
                .accountId(UUID.randomUUID())
                .principalType(PrincipalType.IAM_ROLE)
                .roleArn("arn:aws:iam::123456789012:role/Deploy")
                .externalId("customer-42")
                .policy(POLICY)
                .policyArns(List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"))
                .maxDurationSeconds(3600)
                .mfaSerialNumber("arn:aws:iam::123456789012:mfa/jira")
                .sourceIdentityAndTags(true)
                .groups(List.of("jira-developers", "aws-users"))
                .systemScope(false)
                .consoleDestination(URI.create("https://console.aws.amazon.com/s3/"))
                .version(7);
    }

    @Test
    void givesEveryNewConnectorItsOwnRandomId() {
        assertThat(Connector.builder().build().id()).isNotEqualTo(Connector.builder().build().id());
    }

    @Test
    void refusesANullId() {
        assertThatThrownBy(() -> connector().id(null).build()).isInstanceOf(NullPointerException.class);
    }

    @Test
    void copiesThePolicyArnsSoLaterChangesDoNotLeakIn() {
        List<String> arns = new ArrayList<>(List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        Connector connector = connector().policyArns(arns).build();
        arns.add("arn:aws:iam::aws:policy/AdministratorAccess");
        assertThat(connector.policyArns()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThatThrownBy(() -> connector.policyArns().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void copiesTheGroupsSoLaterChangesDoNotLeakIn() {
        List<String> groups = new ArrayList<>(List.of("b-group", "a-group"));
        Connector connector = connector().groups(groups).build();
        groups.add("jira-administrators");
        assertThat(connector.groups()).containsExactly("a-group", "b-group");
        assertThatThrownBy(() -> connector.groups().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void copiesTheGroupsEvenWhenGivenASortedSetDirectly() {
        TreeSet<String> groups = new TreeSet<>(List.of("b", "a"));
        Connector connector = connector().build();
        Connector direct = new Connector(connector.id(), connector.name(), connector.description(),
                connector.accountId(), connector.principalType(), connector.roleArn(), connector.externalId(),
                connector.policy(), connector.policyArns(), connector.maxDurationSeconds(),
                connector.mfaSerialNumber(), connector.sourceIdentityAndTags(), groups, connector.systemScope(),
                connector.consoleDestination(), connector.version());
        groups.add("c");
        assertThat(direct.groups()).containsExactly("a", "b");
    }

    @Test
    void sortsGroupsAndKeepsEachOnce() {
        assertThat(connector().groups(List.of("z", "a", "z")).build().groups()).containsExactly("a", "z");
    }

    @Test
    void keepsBlankGroupNamesForTheValidatorToReport() {
        assertThat(connector().groups(List.of(" ", "a")).build().groups()).containsExactly(" ", "a");
    }

    @Test
    void refusesNullGroupNamesAndNullPolicyArns() {
        assertThatThrownBy(() -> connector().groups(Arrays.asList("a", null)).build())
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> connector().policyArns(Arrays.asList("a", null)).build())
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void stripsPolicyArnsButKeepsBlankOnesForTheValidatorToReport() {
        Connector connector = connector().policyArns(List.of(" arn:aws:iam::aws:policy/A ", "  ")).build();
        assertThat(connector.policyArns()).containsExactly("arn:aws:iam::aws:policy/A", "");
    }

    @Test
    void turnsBlankOptionalTextIntoAbsence() {
        Connector connector = connector()
                .description(" ")
                .roleArn("")
                .externalId("\t")
                .policy("  \n")
                .mfaSerialNumber("")
                .build();
        assertThat(connector.description()).isEmpty();
        assertThat(connector.roleArn()).isEmpty();
        assertThat(connector.externalId()).isEmpty();
        assertThat(connector.policy()).isEmpty();
        assertThat(connector.mfaSerialNumber()).isEmpty();
    }

    @Test
    void stripsTheNameAndTurnsAMissingOneIntoAnEmptyString() {
        assertThat(connector().name("  Deploy ").build().name()).isEqualTo("Deploy");
        assertThat(connector().name(null).build().name()).isEmpty();
    }

    @Test
    void turnsNullCollectionsAndOptionalsIntoEmptyOnesWhenBuiltDirectly() {
        Connector connector = new Connector(UUID.randomUUID(), "n", null, null, null, null, null, null, null, null,
                null, false, null, false, null, 0);
        assertThat(connector.description()).isEmpty();
        assertThat(connector.policyArns()).isEmpty();
        assertThat(connector.maxDurationSeconds()).isEqualTo(OptionalInt.empty());
        assertThat(connector.groups()).isEmpty();
        assertThat(connector.consoleDestination()).isEqualTo(Optional.empty());
    }

    @Test
    void leavesAnEmptyDurationEmpty() {
        assertThat(connector().maxDurationSeconds(null).build().maxDurationSeconds()).isEmpty();
        assertThat(connector().maxDurationSeconds(900).build().maxDurationSeconds()).hasValue(900);
    }

    @Test
    void rebuildsAnEqualConnectorFromItsBuilder() {
        Connector connector = connector().build();
        assertThat(connector.toBuilder().build()).isEqualTo(connector);
    }
}
