package dev.awsconnectors.testhost.plugin;

import com.atlassian.plugin.web.api.WebItem;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.user.UserManager;
import dev.awsconnectors.testhost.sal.HostApplicationProperties;
import dev.awsconnectors.testhost.sal.HostUsers;
import org.junit.jupiter.api.Test;

import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PluginLoaderTest {
    private static final String FIXTURES = "dev/awsconnectors/testhost/plugin/";

    private final HostUsers users = new HostUsers().add("admin", true, false).add("alice", false, false);
    private final HostComponents host = new HostComponents().add(UserManager.class, users)
            .add(ApplicationProperties.class, new HostApplicationProperties("http://localhost:2990/jira", null, null));

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
    void aModuleWithoutAKeyDisablesThePluginNamingTheModule() {
        assertThatThrownBy(() -> loader("keyless-module.xml", "empty-index").load(host, null))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("'fixture.plugin' is disabled")
                .hasMessageContaining("<rest-migration> (module 2 of the descriptor) has no key")
                .hasMessageContaining("The key is required");
    }

    @Test
    void twoModulesSharingAKeyDisableThePluginNamingTheKeyAndBothModules() {
        assertThatThrownBy(() -> loader("duplicate-key.xml", "empty-index").load(host, null))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("duplicate key 'hello'")
                .hasMessageContaining("<servlet>")
                .hasMessageContaining("<web-item> (module 2 of the descriptor)");
    }

    @Test
    void theAppsOwnDescriptorGivesEveryModuleAKeyOfItsOwn() {
        PluginDescriptor descriptor = PluginDescriptor.read(PluginLoaderTest.class.getClassLoader(),
                "atlassian-plugin.xml");

        assertThat(descriptor.pluginKey()).isEqualTo("dev.awsconnectors.aws-connectors-jira");
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
    void aWebFragmentConditionTheHostDoesNotKnowStopsTheStartNamingTheModuleAndTheClass() {
        assertThatThrownBy(() -> loader("unknown-condition.xml", "empty-index").load(host, null))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("'typo'")
                .hasMessageContaining("com.atlassian.jira.plugin.webfragment.conditions.UserLogedInCondition")
                .hasMessageContaining("does not know")
                .hasMessageContaining(WebFragments.USER_LOGGED_IN_CONDITION);
    }

    @Test
    void nestedConditionsAreRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> loader("nested-conditions.xml", "empty-index").load(host, null))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("nested")
                .hasMessageContaining("<conditions>");
    }

    @Test
    void aWebItemProviderNamingAClassThatDoesNotExistStopsTheStartNamingTheModule() {
        assertThatThrownBy(() -> loader("missing-provider.xml", "empty-index").load(host, null))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("'ghost-provider'")
                .hasMessageContaining("dev.awsconnectors.testhost.plugin.NoSuchItemProvider")
                .hasMessageContaining("does not exist");
    }

    @Test
    void aWebItemProviderClassThatIsNoProviderStopsTheStart() {
        assertThatThrownBy(() -> loader("not-a-provider.xml", "empty-index").load(host, null))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("'servlet-as-provider'")
                .hasMessageContaining("is not a com.atlassian.plugin.web.api.provider.WebItemProvider");
    }

    @Test
    void webFragmentsFollowTheirConditionsWeightsAndProvidersAsInJira() {
        try (LoadedPlugin plugin = loader("web-fragments.xml", "empty-index").load(host, null)) {
            WebFragments fragments = plugin.webFragments();

            try (HostUsers.Scope anonymous = users.actAs(null)) {
                assertThat(fragments.displayableItems("system.top.navigation.bar"))
                        .extracting(PluginDescriptor.WebItem::key).containsExactly("for-anonymous");
            }
            try (HostUsers.Scope alice = users.actAs("alice")) {
                assertThat(fragments.displayableItems("system.top.navigation.bar"))
                        .extracting(PluginDescriptor.WebItem::key).containsExactly("top");
                assertThat(fragments.displayableSections("fixture-top"))
                        .extracting(PluginDescriptor.WebSection::id, PluginDescriptor.WebSection::lazy)
                        .containsExactly(tuple("fixture-top/first", true),
                                tuple("fixture-top/second", false));
                assertThat(fragments.displayableWebItems("fixture-top/first", "/jira", new HashMap<>()))
                        .extracting(WebItem::getId, WebItem::getLabel, WebItem::getUrl)
                        .containsExactly(
                                tuple("provided-1", "alice 1", "/jira/provided/provided-1"),
                                tuple("fixture-middle", "Static, between the provided ones",
                                        "/jira/plugins/servlet/fixture/middle"),
                                tuple("provided-2", "alice 2", "/jira/provided/provided-2"));
                assertThat(fragments.displayableWebItems("fixture-top/second", "/jira", new HashMap<>()))
                        .extracting(WebItem::getUrl).containsExactly("https://example.com/elsewhere");
            }
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
