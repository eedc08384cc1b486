package dev.awsconnectors.testhost.plugin;

import com.atlassian.sal.api.user.UserManager;
import dev.awsconnectors.testhost.sal.HostUsers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginLoaderTest {
    private static final String FIXTURES = "dev/awsconnectors/testhost/plugin/";

    private final HostUsers users = new HostUsers().add("admin", true, false);
    private final HostComponents host = new HostComponents().add(UserManager.class, users);

    private static PluginLoader loader(String descriptor, String index) {
        return new PluginLoader(PluginLoaderTest.class.getClassLoader(), FIXTURES + descriptor, FIXTURES + index);
    }

    @Test
    void aServletModuleNamingAClassThatDoesNotExistStopsTheStartNamingTheModule() {
        assertThatThrownBy(() -> loader("missing-class.xml", "empty-index").load(host, null))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("'ghost-servlet'")
                .hasMessageContaining("dev.awsconnectors.testhost.plugin.NoSuchServlet")
                .hasMessageContaining("does not exist");
    }

    @Test
    void twoServletModulesClaimingOneUrlPatternStopTheStartNamingBoth() {
        assertThatThrownBy(() -> loader("clash.xml", "empty-index").load(host, null))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("'second'")
                .hasMessageContaining("'first'")
                .hasMessageContaining("/same/*");
    }

    @Test
    void anImportNoHostComponentSatisfiesStopsTheStartNamingTheImport() {
        assertThatThrownBy(() -> loader("good.xml", "unsatisfied-index").load(host, null))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("com.atlassian.templaterenderer.TemplateRenderer")
                .hasMessageContaining("no host component provides it");
    }

    @Test
    void aMissingDescriptorIsNamed() {
        assertThatThrownBy(() -> loader("nothing-here.xml", "empty-index").load(host, null))
                .hasMessageContaining("nothing-here.xml");
    }

    @Test
    void servletsAndRestResourcesAreCreatedWithTheImportedHostComponents() {
        try (LoadedPlugin plugin = loader("good.xml", "empty-index").load(host, null)) {
            assertThat(plugin.servlets()).singleElement().satisfies(servlet -> {
                assertThat(servlet.mapping()).isEqualTo("/plugins/servlet/fixture/hello");
                assertThat(servlet.servlet()).isInstanceOf(FixtureServlet.class);
            });
            assertThat(plugin.restApplications()).singleElement()
                    .satisfies(rest -> assertThat(rest.mapping()).isEqualTo("/rest/fixture/1.0/*"));
        }
    }

    @Test
    void restAccessFollowsTheAnnotationsOfMethodClassAndPackage() throws Exception {
        Class<?> resource = dev.awsconnectors.testhost.plugin.fixturerest.FixtureResource.class;
        assertThat(RestSecurity.ruleOf(resource.getMethod("open"), resource)).isEqualTo(RestSecurity.Rule.ANYONE);
        assertThat(RestSecurity.ruleOf(resource.getMethod("me"), resource)).isEqualTo(RestSecurity.Rule.LOGGED_IN);
        assertThat(RestSecurity.ruleOf(resource.getMethod("admin"), resource)).isEqualTo(RestSecurity.Rule.ADMIN);
    }
}
