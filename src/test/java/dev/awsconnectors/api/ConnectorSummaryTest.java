package dev.awsconnectors.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectorSummaryTest {
    private static final UUID ID = UUID.fromString("0b6f7a52-2f0e-4c8e-9d43-5a4c3c1f6e21");

    @Test
    void leavesWhatWasNotSetEmptyOrFalse() {
        ConnectorSummary summary = ConnectorSummary.builder(ID, "Sandbox", PrincipalType.IAM_USER).build();

        assertThat(summary.getDescription()).isEmpty();
        assertThat(summary.getMaxDuration()).isEmpty();
        assertThat(summary.isConsoleSignInAvailable()).isFalse();
        assertThat(summary.isMfaRequired()).isFalse();
        assertThat(summary.isSystemScope()).isFalse();
    }

    @Test
    void carriesEverythingTheBuilderWasGiven() {
        ConnectorSummary summary = ConnectorSummary.builder(ID, "Production read-only", PrincipalType.IAM_ROLE)
                .description("Read-only access to production").maxDuration(Duration.ofHours(1))
                .consoleSignInAvailable(true).mfaRequired(true).systemScope(true).build();

        assertThat(summary.getId()).isEqualTo(ID);
        assertThat(summary.getName()).isEqualTo("Production read-only");
        assertThat(summary.getPrincipalType()).isEqualTo(PrincipalType.IAM_ROLE);
        assertThat(summary.getDescription()).isEqualTo("Read-only access to production");
        assertThat(summary.getMaxDuration()).contains(Duration.ofSeconds(3600));
        assertThat(summary.isConsoleSignInAvailable()).isTrue();
        assertThat(summary.isMfaRequired()).isTrue();
        assertThat(summary.isSystemScope()).isTrue();
    }

    @Test
    void isNotChangedByLaterUseOfItsBuilder() {
        ConnectorSummary.Builder builder = ConnectorSummary.builder(ID, "Sandbox", PrincipalType.FEDERATED_USER);
        ConnectorSummary first = builder.build();

        builder.description("changed").systemScope(true);

        assertThat(first.getDescription()).isEmpty();
        assertThat(first.isSystemScope()).isFalse();
        assertThat(first).isNotEqualTo(builder.build());
    }

    @Test
    void requiresIdNameAndPrincipalType() {
        assertThatThrownBy(() -> ConnectorSummary.builder(ID, null, PrincipalType.IAM_USER))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
    }
}
