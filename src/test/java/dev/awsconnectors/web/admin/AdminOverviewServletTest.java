package dev.awsconnectors.web.admin;

import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.awsconnectors.testhost.sal.StrictI18nResolver;
import dev.awsconnectors.testhost.sal.UnescapedTemplateRenderer;
import dev.awsconnectors.web.PageServices;

import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConnectorRepository;
import dev.awsconnectors.persistence.Inventory;
import dev.awsconnectors.persistence.InventoryReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The overview page, rendered from the real template with Velocity and the real i18n bundle. */
class AdminOverviewServletTest {
    private static final UserKey ADMIN = new UserKey("key-admin");

    private final UserManager userManager = mock(UserManager.class);
    private final WebSudoManager webSudoManager = mock(WebSudoManager.class);
    private final AccountRepository accounts = mock(AccountRepository.class);
    private final ConnectorRepository connectors = mock(ConnectorRepository.class);
    private final Map<UUID, Instant> lastValidated = new HashMap<>();
    /** What the stubbed repositories list, as the one read the page makes. */
    private final InventoryReader inventories = mock(InventoryReader.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final StringWriter body = new StringWriter();

    private final Account sandbox = Account.builder().name("Sandbox account").type(AccountType.ACCESS_KEY)
            .accessKeyId("AKIAIOSFODNN7EXAMPLE").partition(Partition.AWS).region("eu-west-1").version(1).build();
    private final Account hostRole = Account.builder().name("Host role account").type(AccountType.HOST_ROLE)
            .partition(Partition.AWS_US_GOV).region("us-gov-west-1").version(1).build();

    @BeforeEach
    void setUp() throws IOException {
        UserProfile profile = mock(UserProfile.class);
        when(profile.getUserKey()).thenReturn(ADMIN);
        when(userManager.getRemoteUser(request)).thenReturn(profile);
        when(userManager.isAdmin(ADMIN)).thenReturn(true);
        when(webSudoManager.canExecuteRequest(request)).thenReturn(true);
        when(response.getWriter()).thenReturn(new PrintWriter(body));
        when(inventories.read()).thenAnswer(call -> new Inventory(accounts.all(), connectors.all(), List.of(),
                lastValidated));
    }

    private String render() throws IOException {
        AdminOverviewServlet servlet = new AdminOverviewServlet(new PageServices(userManager,
                mock(LoginUriProvider.class), new UnescapedTemplateRenderer(), new StrictI18nResolver(),
                mock(XsrfTokenValidator.class), mock(XsrfTokenAccessor.class), pageBuilder()), webSudoManager,
                inventories);
        servlet.doGet(request, response);
        return body.toString();
    }

    @Test
    void listsAccountsWithMaskedKeysAndTheConnectorsUsingThem() throws IOException {
        when(accounts.all()).thenReturn(List.of(hostRole, sandbox));
        when(connectors.all()).thenReturn(List.of(
                Connector.builder().name("Developers").accountId(sandbox.id())
                        .principalType(PrincipalType.FEDERATED_USER).groups(List.of("aws-developers", "aws-ops"))
                        .maxDurationSeconds(3600).version(1).build(),
                Connector.builder().name("Nightly job").accountId(sandbox.id())
                        .principalType(PrincipalType.IAM_ROLE).roleArn("arn:aws:iam::123456789012:role/Job")
                        .systemScope(true).version(1).build()));

        String html = render();

        assertThat(html).contains("AKIA************MPLE").doesNotContain("AKIAIOSFODNN7EXAMPLE");
        assertThat(html).contains("Sandbox account", "IAM user access key", "aws / eu-west-1",
                "Developers, Nightly job");
        assertThat(html).contains("Host role account", "Host role", "aws-us-gov / us-gov-west-1",
                "none (host role)", "no connector");
        assertThat(html).contains("Federated User", "aws-developers, aws-ops", "3600 seconds");
        assertThat(html).contains("IAM Role", "none (administrators only)", "AWS default");
        assertThat(cell(html, "awsc-connector-system-scope")).containsExactly("No", "Yes");
        assertThat(html).contains("class=\"aui-page-panel\"", "<table class=\"aui\" id=\"awsc-accounts\"",
                "<table class=\"aui\" id=\"awsc-connectors\"");
        assertThat(html).doesNotContain("$i18n", "$account", "$connector", "awsc.admin.");
    }

    @Test
    void showsWhenEachAccountWasLastValidatedOrNever() throws IOException {
        when(accounts.all()).thenReturn(List.of(hostRole, sandbox));
        when(connectors.all()).thenReturn(List.of());
        lastValidated.put(sandbox.id(), Instant.parse("2026-03-01T10:15:30Z"));

        String html = render();

        assertThat(html).contains("<th>Last validated</th>");
        assertThat(cell(html, "awsc-account-last-validated")).containsExactly("never", "2026-03-01 10:15 UTC");
    }

    @Test
    void saysSoWhenThereAreNoAccountsOrConnectorsYet() throws IOException {
        when(accounts.all()).thenReturn(List.of());
        when(connectors.all()).thenReturn(List.of());

        String html = render();

        assertThat(html).contains("No AWS accounts yet.", "No connectors yet.").doesNotContain("<table");
    }

    @Test
    void escapesNamesOnceInTheTemplateAndBuildsNoMarkupInJava() throws IOException {
        Account odd = sandbox.toBuilder().name("<b>odd</b> & co").build();
        when(accounts.all()).thenReturn(List.of(odd));
        when(connectors.all()).thenReturn(List.of());

        String html = render();

        // This test renderer escapes nothing; the template's $esc.textHtml escapes the value, once.
        assertThat(cell(html, "awsc-account-name")).containsExactly("&lt;b&gt;odd&lt;/b&gt; &amp; co");
    }

    private static List<String> cell(String html, String cssClass) {
        Matcher matcher = Pattern.compile("<td class=\"" + cssClass + "\">(.*?)</td>").matcher(html);
        List<String> cells = new java.util.ArrayList<>();
        while (matcher.find()) {
            cells.add(matcher.group(1));
        }
        return cells;
    }


    /** Jira's page builder, which these tests do not look at: the demo host's tests check the required resources. */
    private static PageBuilderService pageBuilder() {
        return org.mockito.Mockito.mock(PageBuilderService.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
    }
}
