package dev.awsconnectors.web.nav;

import com.atlassian.plugin.web.api.WebItem;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.broker.CredentialsBroker;
import dev.awsconnectors.testhost.plugin.PluginDescriptor;
import dev.awsconnectors.testhost.sal.StrictI18nResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class ConnectorMenuProviderTest {
    private static final UUID FEDERATED_ID = UUID.fromString("6f1c2f8e-1d55-4d0c-a6f2-0c6a2d4b7e11");
    private static final UUID ROLE_ID = UUID.fromString("a0e3b7c4-58a2-4f0e-9b1d-3e5f7a9c2d44");
    private static final String PAGE = "/jira/plugins/servlet/aws-connectors/my";

    private final CredentialsBroker broker = mock(CredentialsBroker.class);
    private final UserManager users = mock(UserManager.class);
    private final ApplicationProperties applicationProperties = mock(ApplicationProperties.class);
    private final ConnectorMenuProvider provider = new ConnectorMenuProvider(broker, users, new StrictI18nResolver(),
            applicationProperties);

    @BeforeEach
    void aliceIsLoggedInToJiraUnderJira() {
        when(users.getRemoteUserKey()).thenReturn(new UserKey("alice"));
        when(applicationProperties.getBaseUrl(UrlMode.RELATIVE)).thenReturn("/jira");
    }

    @Test
    void listsEachUsableConnectorInTheBrokersOrderLeadingToItsBlockOnThePage() {
        when(broker.usableConnectors()).thenReturn(List.of(
                ConnectorSummary.builder(FEDERATED_ID, "Developers (federated)", PrincipalType.FEDERATED_USER)
                        .description("Read-only federated user named after you").build(),
                ConnectorSummary.builder(ROLE_ID, "Developers (role)", PrincipalType.IAM_ROLE).build()));

        List<WebItem> items = items();

        assertThat(items).extracting(WebItem::getLabel).containsExactly("Developers (federated)", "Developers (role)");
        assertThat(items).extracting(WebItem::getId)
                .containsExactly("aws-connector-" + FEDERATED_ID, "aws-connector-" + ROLE_ID);
        assertThat(items).extracting(WebItem::getUrl)
                .containsExactly(PAGE + "#awsc-connector-" + FEDERATED_ID, PAGE + "#awsc-connector-" + ROLE_ID);
        assertThat(items).extracting(WebItem::getTitle)
                .containsExactly("Federated User: Read-only federated user named after you", "IAM Role");
        assertThat(items.get(0).getWeight()).isPositive().isLessThan(items.get(1).getWeight());
        assertThat(items).allSatisfy(item -> {
            assertThat(item.getSection()).isEqualTo(ConnectorMenuProvider.SECTION);
            assertThat(item.getCompleteKey()).isEqualTo("dev.awsconnectors.aws-connectors-jira:" + item.getId());
            assertThat(item.getParams()).isEmpty();
        });
    }

    @Test
    void aUserWithMoreThanFiveConnectorsSeesTheFirstFiveByNameAndOneEntryLeadingToThePageForAllOfThem() {
        List<ConnectorSummary> connectors = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            connectors.add(ConnectorSummary.builder(new UUID(0, i), String.format("team-%03d", i),
                    PrincipalType.IAM_ROLE).build());
        }
        when(broker.usableConnectors()).thenReturn(connectors);

        List<WebItem> items = items();

        assertThat(items).extracting(WebItem::getLabel).containsExactly("team-001", "team-002", "team-003",
                "team-004", "team-005", "All 120 of your AWS connectors...");
        WebItem more = items.get(5);
        assertThat(more.getId()).isEqualTo("aws-connectors-menu-more");
        assertThat(more.getUrl()).isEqualTo(PAGE);
        assertThat(more.getWeight()).isGreaterThan(items.get(4).getWeight());
    }

    @Test
    void exactlyFiveConnectorsAreListedWithoutAnEntryForMore() {
        List<ConnectorSummary> connectors = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            connectors.add(ConnectorSummary.builder(new UUID(0, i), "team-" + i, PrincipalType.IAM_ROLE).build());
        }
        when(broker.usableConnectors()).thenReturn(connectors);

        assertThat(items()).extracting(WebItem::getId).doesNotContain("aws-connectors-menu-more").hasSize(5);
    }

    @Test
    void aUserWithNoConnectorGetsOneEntrySayingSoThatLeadsToThePage() {
        when(broker.usableConnectors()).thenReturn(List.of());

        assertThat(items()).singleElement().satisfies(item -> {
            assertThat(item.getLabel()).isEqualTo("No AWS connectors available to you");
            assertThat(item.getTitle()).contains("Ask your Jira administrators");
            assertThat(item.getUrl()).isEqualTo(PAGE);
            assertThat(item.getId()).isEqualTo("aws-connectors-menu-none");
        });
    }

    @Test
    void anonymousVisitorsGetNoEntryAndTheBrokerIsNotAsked() {
        when(users.getRemoteUserKey()).thenReturn(null);

        assertThat(items()).isEmpty();
        verifyNoInteractions(broker);
    }

    @Test
    void whenTheConnectorsCannotBeListedTheProviderOffersNoEntryInsteadOfThrowing() {
        when(broker.usableConnectors()).thenThrow(new IllegalStateException("database unavailable"));

        assertThat(items()).as("the menu keeps only its static My AWS connectors entry").isEmpty();
    }

    @Test
    void fillsTheSectionTheDescriptorDeclaresForItBesideTheStaticPageEntry() {
        PluginDescriptor descriptor = PluginDescriptor.read(getClass().getClassLoader(), "atlassian-plugin.xml");

        assertThat(descriptor.webItemProviders()).singleElement().satisfies(module -> {
            assertThat(module.className()).isEqualTo(ConnectorMenuProvider.class.getName());
            assertThat(module.section()).isEqualTo(ConnectorMenuProvider.SECTION);
        });
        String menu = ConnectorMenuProvider.SECTION.split("/")[0];
        assertThat(descriptor.webSections()).filteredOn(section -> section.location().equals(menu))
                .allSatisfy(section -> assertThat(section.lazy()).as(section.key() + " is lazy").isTrue())
                .extracting(PluginDescriptor.WebSection::id).contains(ConnectorMenuProvider.SECTION).hasSize(2);
        assertThat(descriptor.pluginKey()).isEqualTo(ConnectorMenuProvider.PLUGIN_KEY);
        assertThat(descriptor.webItems()).filteredOn(item -> item.key().equals("aws-connectors-top-link"))
                .singleElement().satisfies(top -> {
                    assertThat(top.linkId()).isEqualTo(menu);
                    assertThat(top.conditions()).extracting(PluginDescriptor.Condition::className)
                            .containsExactly("com.atlassian.jira.plugin.webfragment.conditions.UserLoggedInCondition");
                });
    }

    private List<WebItem> items() {
        return StreamSupport.stream(provider.getItems(Map.of()).spliterator(), false).toList();
    }
}
