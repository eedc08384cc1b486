package dev.awsconnectors.testhost.sal;

import com.atlassian.templaterenderer.RenderingException;
import dev.awsconnectors.testhost.plugin.PluginDescriptor;
import dev.awsconnectors.web.HtmlEscaper;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo host's renderer enforces Jira's Velocity method allowlist on the plugin's own classes, so that a template
 * calling an unlisted method fails a test here instead of rendering nothing in Jira 10 and later.
 */
class HostTemplateRendererAllowlistTest {
    private static final String FIXTURES = HostTemplateRendererAllowlistTest.class.getName();
    private static final String NEEDS = "Method needs allowlisting: ";
    /** In these tests the fixtures below stand for the plugin's classes. */
    private static final Predicate<Class<?>> PLUGIN = HostTemplateRenderer.classesUnder("dev.awsconnectors.");

    private static HostTemplateRenderer renderer(String... allowlisted) {
        return new HostTemplateRenderer(HostTemplateRendererAllowlistTest.class.getClassLoader(), Map.of(),
                Set.of(allowlisted), PLUGIN);
    }

    private static String render(HostTemplateRenderer renderer, String fragment, Map<String, Object> context) {
        return renderer.renderFragment(fragment, context);
    }

    @Test
    void aCallOfAnUnlistedMethodOfAPluginClassFailsTheRenderNamingTheEntryInJirasFormat() {
        assertThatThrownBy(() -> render(renderer(), "<p>$helper.shout(\"hi\")</p>", Map.of("helper", new Helper())))
                .isInstanceOf(RenderingException.class)
                .hasMessageContaining(NEEDS + FIXTURES + "$Helper#shout(java.lang.String)")
                .hasMessageContaining("<method>" + FIXTURES + "$Helper#shout(java.lang.String)</method>");
        assertThatThrownBy(() -> render(renderer(), "$helper.pair(\"a\", 2)", Map.of("helper", new Helper())))
                .isInstanceOf(RenderingException.class)
                .hasMessageContaining(NEEDS + FIXTURES + "$Helper#pair(java.lang.String,int)");
        assertThatThrownBy(() -> render(renderer(), "$helper.nothing()", Map.of("helper", new Helper())))
                .isInstanceOf(RenderingException.class)
                .hasMessageContaining(NEEDS + FIXTURES + "$Helper#nothing()");
    }

    @Test
    void theRefusalComesOutOfRenderingATemplateFileToo() {
        PluginDescriptor descriptor = PluginDescriptor.read(getClass().getClassLoader(), "atlassian-plugin.xml");
        Map<String, Object> context = new HashMap<>();
        context.put("i18n", new HostI18nResolver(getClass().getClassLoader(), descriptor.i18nLocations(),
                Locale.ENGLISH));
        context.put("esc", HtmlEscaper.instance());
        context.put("titleKey", "awsc.admin.error.title");
        context.put("messageKey", "awsc.admin.error.message");
        Predicate<Class<?>> demoHost = HostTemplateRenderer.classesUnder("dev.awsconnectors.",
                "dev.awsconnectors.testhost.");

        HostTemplateRenderer unlisted = new HostTemplateRenderer(getClass().getClassLoader(), Map.of(), Set.of(),
                demoHost);
        assertThatThrownBy(() -> unlisted.render("templates/admin/message.vm", context, new StringWriter()))
                .isInstanceOf(RenderingException.class)
                .hasMessageContaining("templates/admin/message.vm")
                .hasMessageContaining(NEEDS + "dev.awsconnectors.web.HtmlEscaper#textHtml(java.lang.Object)");

        HostTemplateRenderer listed = new HostTemplateRenderer(getClass().getClassLoader(), Map.of(),
                descriptor.velocityAllowlistMethods(), demoHost);
        StringWriter out = new StringWriter();
        try {
            listed.render("templates/admin/message.vm", context, out);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(out.toString()).contains("<h1>Something went wrong</h1>")
                .contains("ask your Jira administrator to check Jira&#39;s log");
    }

    @Test
    void aListedMethodIsCalledAndItsResultEscapedAsBefore() {
        HostTemplateRenderer renderer = renderer(FIXTURES + "$Helper#shout(java.lang.String)",
                FIXTURES + "$Helper#pair(java.lang.String,int)", FIXTURES + "$Helper#boldHtml(java.lang.String)");
        Map<String, Object> context = Map.of("helper", new Helper());

        assertThat(render(renderer, "<p>$helper.shout(\"<i>\")</p>", context)).isEqualTo("<p>&lt;I&gt;</p>");
        assertThat(render(renderer, "$helper.pair(\"a\", 2)", context)).isEqualTo("a2");
        assertThat(render(renderer, "$helper.boldHtml(\"x\")", context)).as("the Html suffix: written raw")
                .isEqualTo("<b>x</b>");
        assertThatThrownBy(() -> render(renderer, "$helper.nothing()", context))
                .as("listing one method of a class allows no other")
                .hasMessageContaining(NEEDS + FIXTURES + "$Helper#nothing()");
    }

    @Test
    void readingAPropertyOfAPluginObjectIsACallOfItsGetterAndNeedsAnEntry() {
        Map<String, Object> context = Map.of("row", new Row("<row>", true), "bean", new Bean(), "bag", new Bag());
        List<String[]> cases = List.of(
                new String[] {"$row.name", FIXTURES + "$Row#name()", "&lt;row&gt;"},
                new String[] {"${row.name}", FIXTURES + "$Row#name()", "&lt;row&gt;"},
                new String[] {"#if($row.active)yes#end", FIXTURES + "$Row#active()", "yes"},
                new String[] {"$bean.title", FIXTURES + "$Bean#getTitle()", "Title"},
                new String[] {"#if($bean.visible)shown#end", FIXTURES + "$Bean#isVisible()", "shown"},
                new String[] {"$bag.anything", FIXTURES + "$Bag#get(java.lang.String)", "bag:anything"});
        for (String[] c : cases) {
            assertThatThrownBy(() -> render(renderer(), c[0], context)).as(c[0])
                    .isInstanceOf(RenderingException.class)
                    .hasMessageContaining(NEEDS + c[1]);
            assertThat(render(renderer(c[1]), c[0], context)).as(c[0]).isEqualTo(c[2]);
        }
    }

    @Test
    void settingAPropertyOfAPluginObjectIsACallOfItsSetterAndNeedsAnEntry() {
        Bean bean = new Bean();
        assertThatThrownBy(() -> render(renderer(), "#set($bean.title = \"New\")", Map.of("bean", bean)))
                .isInstanceOf(RenderingException.class)
                .hasMessageContaining(NEEDS + FIXTURES + "$Bean#setTitle(java.lang.String)");
        assertThat(bean.title).isEqualTo("Title");

        render(renderer(FIXTURES + "$Bean#setTitle(java.lang.String)"), "#set($bean.title = \"New\")",
                Map.of("bean", bean));
        assertThat(bean.title).isEqualTo("New");
    }

    @Test
    void callsOfJdkMethodsAreLeftToJirasGlobalAllowlist() {
        Map<String, Object> context = new HashMap<>();
        context.put("list", new ArrayList<>(List.of("a", "b")));
        context.put("map", Map.of("key", "value"));
        context.put("text", "Hello");
        context.put("kind", Kind.FEDERATED);
        context.put("number", 42);
        context.put("array", new String[] {"x", "y"});
        String fragment = "$list.size() $list.get(1) $list.isEmpty() $map.key $map.get(\"key\") $map.size()"
                + " $text.toUpperCase() $text.length() $text.substring(1, 3) $kind.name() $kind $number.toString()"
                + " $array.size() #foreach($x in $list)[$x]#end";

        assertThat(render(renderer(), fragment, context))
                .isEqualTo("2 b false value value 1 HELLO 5 el FEDERATED FEDERATED 42 2 [a][b]");
    }

    @Test
    void theDemoHostsOwnObjectsStandForJirasAndAreNotThePlugins() {
        Predicate<Class<?>> demoHost = HostTemplateRenderer.classesUnder("dev.awsconnectors.",
                "dev.awsconnectors.testhost.");

        assertThat(demoHost.test(HtmlEscaper.class)).isTrue();
        assertThat(demoHost.test(HostI18nResolver.class)).isFalse();
        assertThat(demoHost.test(String.class)).isFalse();
        assertThat(demoHost.test(Helper.class)).as("a test fixture under the demo host's package").isFalse();
    }

    @Test
    void theRendererWithoutAnAllowlistChecksNothing() {
        HostTemplateRenderer renderer = new HostTemplateRenderer(getClass().getClassLoader(), Map.of());

        assertThat(renderer.renderFragment("$helper.shout(\"x\") $row.name",
                Map.of("helper", new Helper(), "row", new Row("r", false)))).isEqualTo("X r");
    }

    @Test
    void entriesAreWrittenAsJiraWritesThem() throws Exception {
        assertThat(AllowlistUberspector.entryOf(HtmlEscaper.class.getMethod("linesHtml", java.util.Collection.class)))
                .isEqualTo("dev.awsconnectors.web.HtmlEscaper#linesHtml(java.util.Collection)");
        assertThat(AllowlistUberspector.entryOf(Helper.class.getMethod("pair", String.class, int.class)))
                .isEqualTo(FIXTURES + "$Helper#pair(java.lang.String,int)");
        assertThat(AllowlistUberspector.entryOf(Helper.class.getMethod("nothing")))
                .isEqualTo(FIXTURES + "$Helper#nothing()");
    }

    public static final class Helper {
        public String shout(String text) {
            return text.toUpperCase(Locale.ROOT);
        }

        public String pair(String text, int number) {
            return text + number;
        }

        public String boldHtml(String text) {
            return "<b>" + text + "</b>";
        }

        public String nothing() {
            return "";
        }
    }

    public record Row(String name, boolean active) {
    }

    public static final class Bean {
        private String title = "Title";

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public boolean isVisible() {
            return true;
        }
    }

    /** Read through {@code get(String)}, as Velocity does for an object with no getter of that name. */
    public static final class Bag {
        public String get(String key) {
            return "bag:" + key;
        }
    }

    public enum Kind {
        FEDERATED
    }
}
