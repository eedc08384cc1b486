package dev.awsconnectors.testhost.sal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo host's renderer treats Velocimacros as Jira's template renderer does: one engine for all of a plugin's
 * templates, one namespace for their macros, and the first definition of a name kept (see
 * {@link TemplateRendererVelocitySettings}). So a template that reuses another's macro name fails here as in Jira.
 */
class HostTemplateRendererMacrosTest {
    private static final String FIRST = "dev/awsconnectors/testhost/sal/macros-first.vm";
    private static final String SECOND = "dev/awsconnectors/testhost/sal/macros-second.vm";
    private static final String THIRD = "dev/awsconnectors/testhost/sal/macros-third.vm";

    private final HostTemplateRenderer renderer = new HostTemplateRenderer(getClass().getClassLoader(), Map.of());

    @Test
    void aTemplateRenderedAloneUsesItsOwnMacro() throws IOException {
        assertThat(render(SECOND)).isEqualTo("Goodbye, second");
    }

    @Test
    void aLaterTemplatesMacroOfTheSameNameDoesNotReplaceTheOneTheEngineHolds() throws IOException {
        assertThat(render(FIRST)).isEqualTo("Hello, first");

        assertThat(render(SECOND)).isEqualTo("Hello, second");
    }

    @Test
    void aMacroOneTemplateDefinedIsSeenByEveryLaterTemplate() throws IOException {
        render(FIRST);

        assertThat(render(THIRD)).isEqualTo("Hello, third");
    }

    private String render(String template) throws IOException {
        StringWriter out = new StringWriter();
        renderer.render(template, Map.of(), out);
        return out.toString().strip();
    }
}
