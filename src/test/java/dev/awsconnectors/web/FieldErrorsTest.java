package dev.awsconnectors.web;

import com.atlassian.sal.api.message.I18nResolver;
import dev.awsconnectors.validation.Violation;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class FieldErrorsTest {
    private final I18nResolver i18n = mock(I18nResolver.class);

    FieldErrorsTest() {
        when(i18n.getText(anyString(), any(Serializable[].class))).thenAnswer(call -> {
            Object[] all = call.getArguments();
            StringBuilder text = new StringBuilder((String) all[0]);
            for (int i = 1; i < all.length; i++) {
                text.append(' ').append(all[i]);
            }
            return text.toString();
        });
    }

    private static Violation violation(String field, String key, Object... arguments) {
        return new Violation(field, key, List.of(arguments), key);
    }

    @Test
    void putsEachTranslatedMessageBesideItsFieldAndTheOthersAboveTheForm() {
        FieldErrors errors = new FieldErrors(List.of(violation("region", "awsc.region.unknown", "mars-1"),
                violation("region", "awsc.region.partition"), violation("policy", "awsc.policy.tooLong", 2048)),
                Set.of("region", "name"), i18n);

        assertThat(errors.byField()).containsOnlyKeys("region");
        assertThat(errors.byField().get("region"))
                .containsExactly("awsc.region.unknown mars-1", "awsc.region.partition");
        assertThat(errors.general()).containsExactly("awsc.policy.tooLong 2048");
    }

    @Test
    void keepsTheFormsOwnFindingAndDropsTheValidatorsAboutTheSameField() {
        Violation notAUrl = violation("endpointOverride", "awsc.admin.form.notAUrl");
        Violation missing = violation("endpointOverride", "awsc.endpoint.missing");
        Violation name = violation("name", "awsc.name.blank");

        assertThat(FieldErrors.withValidatorFindings(List.of(notAUrl), List.of(missing, name)))
                .containsExactly(notAUrl, name);
    }

    @Test
    void aFindingOfTheFormItselfHasTheValidatorsShape() {
        Violation violation = FieldErrors.formViolation("maxDurationSeconds", "awsc.admin.form.notANumber", i18n);

        assertThat(violation.field()).isEqualTo("maxDurationSeconds");
        assertThat(violation.messageKey()).isEqualTo("awsc.admin.form.notANumber");
        assertThat(violation.arguments()).isEmpty();
        assertThat(violation.message()).isEqualTo("awsc.admin.form.notANumber");
    }
}
