package dev.awsconnectors.rest;

import com.atlassian.sal.api.message.I18nResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class RequestBodyTest {
    private static final Set<String> FIELDS = Set.of("name", "maxDurationSeconds", "version", "systemScope");

    private final I18nResolver i18n = mock(I18nResolver.class);

    @BeforeEach
    void setUp() {
        when(i18n.getText(anyString(), any(Serializable[].class)))
                .thenAnswer(call -> "text of " + call.getArgument(0));
    }

    @Test
    void readsEachFieldAsItsTypeAndAMissingOrNullOneAsNoValue() {
        RequestBody body = parse("{\"name\": \"Prod\", \"maxDurationSeconds\": 3600, \"version\": 5000000000,"
                + " \"systemScope\": null}");

        assertThat(body.text("name")).isEqualTo("Prod");
        assertThat(body.integer("maxDurationSeconds")).isEqualTo(3600);
        assertThat(body.requiredLong("version")).isEqualTo(5_000_000_000L);
        assertThat(body.bool("systemScope", true)).isTrue();
        assertThat(parse("{}").integer("maxDurationSeconds")).isNull();
    }

    @Test
    void refusesANumberTooLargeForAnIntegerFieldNamingTheField() {
        RestException refused = refusal(() -> parse("{\"maxDurationSeconds\": 5000000000}")
                .integer("maxDurationSeconds"));

        assertThat(refused.field()).isEqualTo("maxDurationSeconds");
        assertThat(refused.getMessage()).isEqualTo("text of awsc.rest.error.field.integer");
    }

    @Test
    void refusesAValueOfTheWrongTypeNamingTheField() {
        assertThat(refusal(() -> parse("{\"version\": 1.5}").requiredLong("version")).getMessage())
                .isEqualTo("text of awsc.rest.error.field.integer");
        assertThat(refusal(() -> parse("{\"name\": 7}").text("name")).getMessage())
                .isEqualTo("text of awsc.rest.error.field.string");
        assertThat(refusal(() -> parse("{\"systemScope\": \"yes\"}").bool("systemScope", false)).field())
                .isEqualTo("systemScope");
    }

    private RequestBody parse(String text) {
        return RequestBody.parse(text, FIELDS, false, i18n);
    }

    private static RestException refusal(Runnable read) {
        RestException refused = catchThrowableOfType(read::run, RestException.class);
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.status().getStatusCode()).isEqualTo(400);
        return refused;
    }
}
