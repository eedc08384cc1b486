package dev.awsconnectors.web;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The containers' ways of failing to read a form, as each reports it; Jetty's are tested through the demo host. */
class RequestParametersTest {
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final Map<String, String[]> parameters = new HashMap<>();

    RequestParametersTest() {
        when(request.getContentLengthLong()).thenReturn(-1L);
        when(request.getParameterMap()).thenReturn(parameters);
    }

    @Test
    void readsAnOrdinaryForm() {
        parameters.put("name", new String[] {"Production"});
        parameters.put("groups", new String[] {"developers", "testers"});

        assertThat(RequestParameters.readable(request)).isTrue();
    }

    @Test
    void refusesWhatTomcatSaysItCouldNotParseAlthoughItThrewNothing() {
        when(request.getAttribute(RequestParameters.TOMCAT_PARSE_FAILED)).thenReturn(Boolean.TRUE);

        assertThat(RequestParameters.readable(request)).isFalse();
    }

    @Test
    void refusesWhatTheContainerThrowsOnInsteadOfFailing() {
        when(request.getParameterMap()).thenThrow(new IllegalStateException("Form is larger than max length"));

        assertThat(RequestParameters.readable(request)).isFalse();
    }

    @Test
    void refusesABodyOverTheAppsLimitBeforeTheContainerReadsIt() {
        when(request.getContentLengthLong()).thenReturn((long) RequestParameters.MAX_FORM_BYTES + 1);
        when(request.getParameterMap()).thenThrow(new AssertionError("read"));

        assertThat(RequestParameters.readable(request)).isFalse();
    }

    @Test
    void refusesTooManyValuesOrTooLongAValueSentInChunksWithoutALength() {
        for (int i = 0; i <= RequestParameters.MAX_PARAMETERS; i++) {
            parameters.put("f" + i, new String[] {"1"});
        }
        assertThat(RequestParameters.readable(request)).isFalse();

        parameters.clear();
        parameters.put("policy", new String[] {"x".repeat(RequestParameters.MAX_VALUE_CHARACTERS + 1)});
        assertThat(RequestParameters.readable(request)).isFalse();
    }

    @Test
    void refusesTextTheContainerDecodedFromBytesThatAreNotUtf8() {
        parameters.put("name", new String[] {"Bad\uFFFDname"});

        assertThat(RequestParameters.readable(request)).isFalse();
    }
}
