package dev.awsconnectors.validation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ViolationTest {

    @Test
    void copiesItsArgumentsSoLaterChangesDoNotLeakIn() {
        List<Object> arguments = new ArrayList<>(List.of(80, 81));
        Violation violation = new Violation("name", Keys.NAME_TOO_LONG, arguments, "too long");
        arguments.add(82);
        assertThat(violation.arguments()).containsExactly(80, 81);
        assertThatThrownBy(() -> violation.arguments().add(83)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesMissingParts() {
        assertThatThrownBy(() -> new Violation(null, "k", List.of(), "m")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Violation("f", null, List.of(), "m")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Violation("f", "k", null, "m")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Violation("f", "k", List.of(), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void listsEveryFieldAndMessageInTheExceptionMessage() {
        ConfigurationException exception = new ConfigurationException(List.of(
                new Violation("name", Keys.NAME_REQUIRED, List.of(), "Enter a name."),
                new Violation("region", Keys.REGION_REQUIRED, List.of(), "Enter a region.")));
        assertThat(exception.getMessage())
                .isEqualTo("Invalid configuration: name: Enter a name. region: Enter a region.");
        assertThat(exception).isInstanceOf(RuntimeException.class);
    }

    @Test
    void copiesTheViolationsOfTheException() {
        List<Violation> violations = new ArrayList<>(List.of(
                new Violation("name", Keys.NAME_REQUIRED, List.of(), "Enter a name.")));
        ConfigurationException exception = new ConfigurationException(violations);
        violations.clear();
        assertThat(exception.violations()).hasSize(1);
        assertThatThrownBy(() -> exception.violations().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesAnExceptionWithoutViolations() {
        assertThatThrownBy(() -> new ConfigurationException(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
