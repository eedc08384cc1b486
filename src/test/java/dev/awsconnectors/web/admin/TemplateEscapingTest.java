package dev.awsconnectors.web.admin;

import dev.awsconnectors.oidc.IdentityTokens;
import com.atlassian.audit.api.AuditService;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.admintasks.AccessKeyRotation;
import dev.awsconnectors.admintasks.AccountChecks;
import dev.awsconnectors.admintasks.ConnectorTester;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConnectorRepository;
import dev.awsconnectors.persistence.Inventory;
import dev.awsconnectors.persistence.InventoryReader;
import dev.awsconnectors.testhost.sal.StrictI18nResolver;
import dev.awsconnectors.testhost.sal.UnescapedTemplateRenderer;
import dev.awsconnectors.validation.ConfigurationValidator;
import dev.awsconnectors.web.PageServices;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The admin templates escape every value themselves, whatever the host's escaping settings: each page is rendered
 * by its servlet with a plain Velocity engine that escapes nothing (the demo host's {@code HostTemplateRenderer}
 * always escapes, as Jira does, and has no switch to turn that off), with names carrying markup and quotes. The
 * output must hold only the escaped forms, escaped once. A second test reads every template under
 * {@code templates/admin} and {@code templates/user} and finds no reference written out except through
 * {@code $esc.…Html(…)}.
 */
class TemplateEscapingTest {
    static final String EVIL = "Evil \"quoted\" <script>alert(1)</script>";
    private static final UserKey ADMIN = new UserKey("key-admin");
    private static final Path TEMPLATES = Paths.get("src/main/resources/templates");

    private final UserManager userManager = mock(UserManager.class);
    private final WebSudoManager webSudoManager = mock(WebSudoManager.class);
    private final XsrfTokenValidator xsrf = mock(XsrfTokenValidator.class);
    private final AccountRepository accounts = mock(AccountRepository.class);
    private final ConnectorRepository connectors = mock(ConnectorRepository.class);
    private final IdentityTokens tokens = mock(IdentityTokens.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final StringWriter body = new StringWriter();
    private final Map<String, String> parameters = new HashMap<>();

    private final Account account = Account.builder().name(EVIL).description(EVIL).type(AccountType.ACCESS_KEY)
            .accessKeyId("AKIAIOSFODNN7EXAMPLE").partition(Partition.AWS).region("eu-west-1").version(1).build();
    private final Connector connector = Connector.builder().name(EVIL).description(EVIL).accountId(account.id())
            .principalType(PrincipalType.IAM_ROLE).roleArn("arn:aws:iam::123456789012:role/Developer")
            .externalId(EVIL).groups(List.of(EVIL)).mfaSerialNumber("arn:aws:iam::123456789012:mfa/x")
            .version(1).build();

    @BeforeEach
    void setUp() throws IOException {
        UserProfile profile = mock(UserProfile.class);
        when(profile.getUserKey()).thenReturn(ADMIN);
        when(profile.getUsername()).thenReturn("admin");
        when(userManager.getRemoteUser(request)).thenReturn(profile);
        when(userManager.getRemoteUser()).thenReturn(profile);
        when(userManager.isAdmin(ADMIN)).thenReturn(true);
        when(userManager.findGroupNamesByPrefix(any(), anyInt(), anyInt()))
                .thenReturn(List.of(EVIL));
        when(webSudoManager.canExecuteRequest(request)).thenReturn(true);
        when(xsrf.validateFormEncodedToken(request)).thenReturn(true);
        when(xsrf.getXsrfParameterName()).thenReturn("atl_token");
        when(response.getWriter()).thenReturn(new PrintWriter(body));
        when(request.getContextPath()).thenReturn("/jira");
        when(request.getParameter(any())).thenAnswer(call -> parameters.get(call.<String>getArgument(0)));
        when(accounts.all()).thenReturn(List.of(account));
        when(accounts.get(account.id())).thenReturn(Optional.of(account));
        // The repository validates as the real one does.
        when(accounts.create(any(), any(), any())).thenAnswer(call -> {
            new ConfigurationValidator().requireValid(call.<Account>getArgument(0), call.getArgument(1), true);
            Account stored = call.<Account>getArgument(0).toBuilder().version(1).build();
            call.<java.util.function.Consumer<Account>>getArgument(2).accept(stored);
            return stored;
        });
        when(connectors.all()).thenReturn(List.of(connector));
        when(connectors.get(connector.id())).thenReturn(Optional.of(connector));
    }

    /** The one read of the overview page, answering what the stubbed repositories list. */
    static InventoryReader inventoryOf(AccountRepository accounts, ConnectorRepository connectors) {
        InventoryReader inventories = mock(InventoryReader.class);
        when(inventories.read()).thenAnswer(call -> new Inventory(accounts.all(), connectors.all(), List.of(),
                java.util.Map.of()));
        return inventories;
    }

    /** Only the escaped forms, escaped once; the page's own markup is still there. */
    static void assertOnlyEscaped(String html) {
        assertThat(html).as("the page").contains("</html>");
        assertThat(html).contains("Evil &quot;quoted&quot; &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>", "\"quoted\"", "&amp;lt;", "&amp;quot;", "&amp;#39;");
        assertThat(html).as("no reference left unrendered").doesNotContain("$esc", "$i18n");
    }

    @Test
    void theOverviewEscapesNamesAndGroups() throws IOException {
        new AdminOverviewServlet(new PageServices(userManager, mock(LoginUriProvider.class),
                new UnescapedTemplateRenderer(), new StrictI18nResolver(), xsrf, mock(XsrfTokenAccessor.class),
                pageBuilder()), webSudoManager, inventoryOf(accounts, connectors))
                .doGet(request, response);

        assertOnlyEscaped(body.toString());
        assertThat(body.toString()).contains("<td class=\"awsc-account-name\">Evil &quot;quoted&quot; "
                + "&lt;script&gt;alert(1)&lt;/script&gt;</td>");
    }

    @Test
    void theAccountPageEscapesTheNameInTitlesAndFieldValues() throws IOException {
        parameters.put("id", account.id().toString());

        accountServlet().doGet(request, response);

        assertOnlyEscaped(body.toString());
        assertThat(body.toString()).contains("value=\"Evil &quot;quoted&quot; &lt;script&gt;alert(1)&lt;/script&gt;\"");
    }

    @Test
    void theKeylessAccountPageEscapesItsConnectorsNamesAndTheJsonToPaste() throws IOException {
        Account keyless = Account.builder().name(EVIL).type(AccountType.WEB_IDENTITY).partition(Partition.AWS)
                .region("eu-west-1").audience("jira-prod").version(1).build();
        Connector role = Connector.builder().name(EVIL).accountId(keyless.id()).principalType(PrincipalType.IAM_ROLE)
                .roleArn("arn:aws:iam::123456789012:role/Developer").systemScope(true).version(1).build();
        when(accounts.get(keyless.id())).thenReturn(Optional.of(keyless));
        when(connectors.all()).thenReturn(List.of(connector, role));
        when(tokens.issuerUrl()).thenReturn("https://jira.example.com/rest/aws-connectors/1.0/oidc");
        when(tokens.publicationLead()).thenReturn(java.time.Duration.ofHours(1));
        parameters.put("id", keyless.id().toString());

        accountServlet().doGet(request, response);

        assertOnlyEscaped(body.toString());
        assertThat(body.toString())
                .contains("<code id=\"awsc-keyless-issuer\">https://jira.example.com/rest/aws-connectors/1.0/oidc<")
                .contains("&quot;ClientIDList&quot; : [ &quot;jira-prod&quot; ]")
                .contains("id=\"awsc-keyless-trust-" + role.id() + "\"", "id=\"awsc-keyless-system-trust-" + role.id())
                .contains("&quot;connector:" + role.id() + ":system&quot;")
                .contains("href=\"/jira/rest/aws-connectors/1.0/admin/oidc/accounts/" + keyless.id()
                        + "/openid-configuration\"")
                .doesNotContain("awsc-keyless-trust-" + connector.id());
    }

    @Test
    void theAccountFormRefusedKeepsWhatWasTypedEscaped() throws IOException {
        parameters.put("action", "save");
        parameters.put("name", EVIL);
        parameters.put("description", EVIL);
        parameters.put("type", "ACCESS_KEY");
        parameters.put("accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        parameters.put("secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        parameters.put("partition", "aws");
        parameters.put("region", EVIL);

        accountServlet().doPost(request, response);

        assertOnlyEscaped(body.toString());
        assertThat(body.toString()).contains("id=\"region-error\"");
    }

    @Test
    void theConnectorPageEscapesNamesGroupsAndAccountOptions() throws IOException {
        parameters.put("id", connector.id().toString());

        connectorServlet().doGet(request, response);

        assertOnlyEscaped(body.toString());
        assertThat(body.toString()).contains("<option value=\"" + account.id() + "\" selected>Evil &quot;quoted&quot; "
                + "&lt;script&gt;alert(1)&lt;/script&gt;</option>");
    }

    @Test
    void theConnectorFormRefusedKeepsWhatWasTypedEscaped() throws IOException {
        parameters.put("action", "save");
        parameters.put("name", EVIL);
        parameters.put("accountId", account.id().toString());
        parameters.put("principalType", "IAM_ROLE");
        parameters.put("roleArn", EVIL);
        parameters.put("maxDurationSeconds", EVIL);
        parameters.put("groupsOther", EVIL);

        connectorServlet().doPost(request, response);

        assertOnlyEscaped(body.toString());
        assertThat(body.toString()).contains("id=\"roleArn-error\"");
    }

    @Test
    void theMessagePageRendersWithoutTheHostsEscaping() throws IOException {
        when(userManager.isAdmin(ADMIN)).thenReturn(false);

        accountServlet().doGet(request, response);

        assertThat(body.toString()).contains("id=\"awsc-connectors-message-text\"").doesNotContain("$esc", "$i18n");
    }

    @Test
    void everyTemplateWritesReferencesOnlyThroughTheEscaper() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(f -> f.toString().endsWith(".vm")).sorted().toList();
        }
        assertThat(templates).extracting(p -> TEMPLATES.relativize(p).toString().replace('\\', '/'))
                .contains("admin/account.vm", "admin/connector.vm", "admin/connectors.vm", "admin/message.vm",
                        "user/message.vm", "user/my-connectors.vm");
        List<String> unescaped = new ArrayList<>();
        for (Path template : templates) {
            String text = Files.readString(template, StandardCharsets.UTF_8);
            String left = unescapedReferences(text);
            if (left.contains("$")) {
                unescaped.add(template + ": " + left.strip());
            }
        }
        assertThat(unescaped).as("references written out without $esc.…Html(…)").isEmpty();
    }

    /** The template without comments, directives' arguments and $esc.…Html(…) calls: what is left is written raw. */
    static String unescapedReferences(String template) {
        StringBuilder left = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("##", i)) {
                int end = template.indexOf('\n', i);
                i = end < 0 ? template.length() : end;
                continue;
            }
            if (template.charAt(i) == '#' && i + 1 < template.length()
                    && Character.isLetter(template.charAt(i + 1))) {
                int j = i + 1;
                while (j < template.length() && Character.isLetterOrDigit(template.charAt(j))) {
                    j++;
                }
                if (j < template.length() && template.charAt(j) == '(') {
                    i = afterParenthesis(template, j);
                    continue;
                }
            }
            if (template.startsWith("$esc.", i)) {
                int open = template.indexOf('(', i);
                String method = template.substring(i + 5, open);
                if (method.endsWith("Html") && method.chars().allMatch(Character::isLetter)) {
                    i = afterParenthesis(template, open);
                    continue;
                }
            }
            left.append(template.charAt(i));
            i++;
        }
        // Only the lines that still hold a reference.
        StringBuilder lines = new StringBuilder();
        for (String line : left.toString().split("\n")) {
            if (line.contains("$")) {
                lines.append(line.strip()).append('\n');
            }
        }
        return lines.toString();
    }

    private static int afterParenthesis(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        throw new UncheckedIOException(new IOException("Unbalanced parenthesis at " + open));
    }

    private AccountAdminServlet accountServlet() {
        return new AccountAdminServlet(new PageServices(userManager, mock(LoginUriProvider.class),
                new UnescapedTemplateRenderer(), new StrictI18nResolver(), xsrf, mock(XsrfTokenAccessor.class),
                pageBuilder()), webSudoManager, mock(AuditService.class), accounts, connectors,
                new ConfigurationValidator(), mock(AccountChecks.class), mock(AccessKeyRotation.class), mock(AwsClients.class),
                tokens);
    }

    private ConnectorAdminServlet connectorServlet() {
        return new ConnectorAdminServlet(new PageServices(userManager, mock(LoginUriProvider.class),
                new UnescapedTemplateRenderer(), new StrictI18nResolver(), xsrf, mock(XsrfTokenAccessor.class),
                pageBuilder()), webSudoManager, mock(AuditService.class), accounts, connectors,
                new ConfigurationValidator(), mock(AccountChecks.class), mock(ConnectorTester.class), group -> true);
    }

    /** Jira's page builder, which these tests do not look at: the demo host's tests check the required resources. */
    private static PageBuilderService pageBuilder() {
        return org.mockito.Mockito.mock(PageBuilderService.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
    }
}
