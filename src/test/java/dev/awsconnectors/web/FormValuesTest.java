package dev.awsconnectors.web;

import dev.awsconnectors.api.PrincipalType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FormValuesTest {
    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    @Test
    void readsAnIdWithTheSpacesAroundItDropped() {
        assertThat(FormValues.parseId(" " + ID + "\n")).contains(ID);
    }

    @Test
    void readsABlankOrBrokenIdAsNoId() {
        assertThat(FormValues.parseId(null)).isEmpty();
        assertThat(FormValues.parseId("  ")).isEmpty();
        assertThat(FormValues.parseId("../accounts")).isEmpty();
    }

    @Test
    void tellsAFilledInIdFieldFromAnEmptyOneSoThatABrokenIdIsNotTakenForANewItem() {
        assertThat(FormValues.namesAnId("not-a-uuid")).isTrue();
        assertThat(FormValues.namesAnId(" ")).isFalse();
        assertThat(FormValues.namesAnId(null)).isFalse();
    }

    @Test
    void readsAMissingVersionAsNewAndABrokenOneAsAVersionNothingHas() {
        assertThat(FormValues.parseVersion(" 7 ")).isEqualTo(7);
        assertThat(FormValues.parseVersion(null)).isZero();
        assertThat(FormValues.parseVersion("seven")).isEqualTo(-1);
    }

    @Test
    void readsAChoiceByItsConstantsNameAndAnythingElseAsNoChoice() {
        assertThat(FormValues.enumValue(PrincipalType.class, " IAM_ROLE ")).isEqualTo(PrincipalType.IAM_ROLE);
        assertThat(FormValues.enumValue(PrincipalType.class, "iam_role")).isNull();
        assertThat(FormValues.enumValue(PrincipalType.class, "")).isNull();
        assertThat(FormValues.enumValue(PrincipalType.class, null)).isNull();
    }

    @Test
    void marksTheOptionThatIsChosenAndNoOther() {
        assertThat(FormValues.option("aws-cn", "China", "aws-cn"))
                .containsEntry("value", "aws-cn").containsEntry("label", "China").containsEntry("selected", true);
        assertThat(FormValues.option("aws", "Commercial", "aws-cn")).containsEntry("selected", false);
        assertThat(FormValues.option("aws", "Commercial", null)).containsEntry("selected", false);
    }
}
