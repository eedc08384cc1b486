package dev.awsconnectors.web;

import dev.awsconnectors.oidc.IdentityTokens;
import com.atlassian.audit.api.AuditService;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.admintasks.AccessKeyRotation;
import dev.awsconnectors.admintasks.AccountChecks;
import dev.awsconnectors.admintasks.ConnectorTester;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.broker.CredentialsBroker;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConnectorRepository;
import dev.awsconnectors.persistence.Inventory;
import dev.awsconnectors.persistence.InventoryReader;
import dev.awsconnectors.testhost.plugin.PluginDescriptor;
import dev.awsconnectors.testhost.sal.HostTemplateRenderer;
import dev.awsconnectors.testhost.sal.StrictI18nResolver;
import dev.awsconnectors.validation.ConfigurationValidator;
import dev.awsconnectors.web.admin.AccountAdminServlet;
import dev.awsconnectors.web.admin.AdminOverviewServlet;
import dev.awsconnectors.web.admin.ConnectorAdminServlet;
import dev.awsconnectors.web.user.MyConnectorsServlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Jira's template renderer gives an app one Velocity engine for all of its templates, and a Velocimacro that engine
 * has once defined stays defined for every template rendered later. So every page of the app is rendered here after
 * every other one, in both orders, in one engine configured as the demo host configures Jira's, and must come out
 * exactly as it does alone in a fresh engine. The pages are what the app's own servlets hand to the renderer (their
 * collaborators stubbed), so the contexts are the real ones.
 */
class TemplatesInOneEngineTest {
    private static final Path TEMPLATES = Paths.get("src/main/resources/templates");
    /** Not a page: the banner macros every page parses, so every captured page renders it too. */
    private static final String BANNER_LIBRARY = "templates/banner.vm";
    private static final Pattern TYPED_FIELD_GROUP = Pattern.compile(
            "<(div|fieldset) class=\"[^\"]*\"(?: id=\"([^\"]+)\")? data-awsc-types=\"([A-Z_ ]+)\"");
    private static final ClassLoader CLASS_LOADER = TemplatesInOneEngineTest.class.getClassLoader();
    private static final Set<String> ALLOWLIST = PluginDescriptor.read(CLASS_LOADER, "atlassian-plugin.xml")
            .velocityAllowlistMethods();
    /** Each page the app renders, by a name that says which, in the order they were captured. */
    private static Map<String, Page> pages;
    /** Each page as a fresh engine renders it. */
    private static Map<String, String> alone;

    record Page(String template, Map<String, Object> context) {
    }

    @BeforeAll
    static void capturePagesAndRenderEachAlone() throws IOException {
        pages = new PageCapture().pages();
        alone = new LinkedHashMap<>();
        for (Map.Entry<String, Page> page : pages.entrySet()) {
            alone.put(page.getKey(), render(newEngine(), page.getValue()));
        }
    }

    @Test
    void theCapturedPagesCoverEveryTemplateOfTheApp() throws IOException {
        Set<String> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(f -> f.toString().endsWith(".vm"))
                    .map(f -> "templates/" + TEMPLATES.relativize(f).toString().replace('\\', '/'))
                    .filter(template -> !template.equals(BANNER_LIBRARY))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        Set<String> captured = pages.values().stream().map(Page::template)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(captured).isEqualTo(templates);
    }

    @Test
    void theConnectorEditorAloneMarksTheFieldsThatOnlySomeTypesTake() {
        assertThat(typedFieldGroups(alone.get("connector editor"))).containsEntry("awsc-role-fields", "IAM_ROLE")
                .containsEntry("awsc-policy-fields", "FEDERATED_USER IAM_ROLE")
                .containsEntry("mfaSerialNumber", "IAM_USER IAM_ROLE");
    }

    @Test
    void theConnectorEditorKeepsItsTypedFieldsAfterTheAccountEditorWasRendered() {
        HostTemplateRenderer engine = newEngine();
        render(engine, pages.get("account editor refusing a form"));

        String connectorEditor = render(engine, pages.get("connector editor refusing a form"));

        assertThat(typedFieldGroups(connectorEditor))
                .isEqualTo(typedFieldGroups(alone.get("connector editor refusing a form")))
                .containsEntry("mfaSerialNumber", "IAM_USER IAM_ROLE")
                .containsEntry("externalId", "IAM_ROLE");
    }

    @TestFactory
    Stream<DynamicTest> everyPageRendersAfterEveryOtherExactlyAsAlone() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String first : pages.keySet()) {
            for (String second : pages.keySet()) {
                if (first.equals(second)) {
                    continue;
                }
                tests.add(dynamicTest("the " + second + " after the " + first, () -> {
                    HostTemplateRenderer engine = newEngine();
                    render(engine, pages.get(first));

                    assertThat(render(engine, pages.get(second))).isEqualTo(alone.get(second));
                }));
            }
        }
        return tests.stream();
    }

    /** The field groups that carry {@code data-awsc-types}, by their id (or the id of their input), with the types. */
    private static Map<String, String> typedFieldGroups(String html) {
        Map<String, String> groups = new LinkedHashMap<>();
        Matcher matcher = TYPED_FIELD_GROUP.matcher(html);
        while (matcher.find()) {
            String id = matcher.group(2);
            if (id == null) {
                Matcher input = Pattern.compile("<input [^>]*id=\"([^\"]+)\"").matcher(html);
                id = input.find(matcher.end()) ? input.group(1) : "?";
            }
            groups.put(id, matcher.group(3));
        }
        return groups;
    }

    /** The renderer the demo host gives the app: one engine, the app's velocity allowlist enforced. */
    private static HostTemplateRenderer newEngine() {
        return new HostTemplateRenderer(CLASS_LOADER, Map.of(), ALLOWLIST,
                HostTemplateRenderer.classesUnder("dev.awsconnectors.", "dev.awsconnectors.testhost."));
    }

    private static String render(HostTemplateRenderer engine, Page page) {
        StringWriter out = new StringWriter();
        try {
            engine.render(page.template(), page.context(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Drives the app's servlets with stubbed collaborators and keeps what they ask the renderer to render. */
    private static final class PageCapture implements TemplateRenderer {
        private final Map<String, Page> pages = new LinkedHashMap<>();
        private final List<Page> rendered = new ArrayList<>();
        private final UserProfile admin = mock(UserProfile.class);
        private final UserManager userManager = mock(UserManager.class);
        private final WebSudoManager webSudo = mock(WebSudoManager.class);
        private final XsrfTokenValidator xsrf = mock(XsrfTokenValidator.class);
        private final XsrfTokenAccessor xsrfTokens = mock(XsrfTokenAccessor.class);
        private final AccountRepository accounts = mock(AccountRepository.class);
        private final ConnectorRepository connectors = mock(ConnectorRepository.class);
        private final InventoryReader inventories = mock(InventoryReader.class);
        private final CredentialsBroker broker = mock(CredentialsBroker.class);
        private final ApplicationProperties applicationProperties = mock(ApplicationProperties.class);
        private final Account account = Account.builder().name("Production").description("The main account")
                .type(AccountType.ACCESS_KEY).accessKeyId("AKIAIOSFODNN7EXAMPLE").partition(Partition.AWS)
                .region("eu-west-1").version(1).build();
        private final Connector connector = Connector.builder().name("Developers").description("Read only")
                .accountId(account.id()).principalType(PrincipalType.IAM_ROLE)
                .roleArn("arn:aws:iam::123456789012:role/Developer").externalId("ext-id").groups(List.of("developers"))
                .mfaSerialNumber("arn:aws:iam::123456789012:mfa/admin").version(1).build();

        PageCapture() {
            when(admin.getUserKey()).thenReturn(new UserKey("key-admin"));
            when(admin.getUsername()).thenReturn("admin");
            when(userManager.getRemoteUser(any(HttpServletRequest.class))).thenReturn(admin);
            when(userManager.getRemoteUser()).thenReturn(admin);
            when(userManager.isAdmin(new UserKey("key-admin"))).thenReturn(true);
            when(userManager.findGroupNamesByPrefix(any(), anyInt(), anyInt())).thenReturn(List.of("developers"));
            when(webSudo.canExecuteRequest(any())).thenReturn(true);
            when(xsrf.validateFormEncodedToken(any())).thenReturn(true);
            when(xsrf.getXsrfParameterName()).thenReturn("atl_token");
            when(xsrfTokens.getXsrfToken(any(), any(), eq(true))).thenReturn("token");
            when(accounts.all()).thenReturn(List.of(account));
            when(accounts.get(account.id())).thenReturn(Optional.of(account));
            when(connectors.all()).thenReturn(List.of(connector));
            when(inventories.read()).thenReturn(new Inventory(List.of(account), List.of(connector), List.of(),
                    Map.of()));
            when(connectors.get(connector.id())).thenReturn(Optional.of(connector));
            // The repositories refuse what the real ones refuse, so a refused form comes back with its errors.
            when(accounts.create(any(), any(), any())).thenAnswer(call -> {
                new ConfigurationValidator().requireValid(call.<Account>getArgument(0), call.getArgument(1), true);
                throw new AssertionError("the refused form was saved");
            });
            when(connectors.create(any(), any())).thenAnswer(call -> {
                new ConfigurationValidator().requireValid(call.<Connector>getArgument(0), account);
                throw new AssertionError("the refused form was saved");
            });
            when(applicationProperties.getBaseUrl(UrlMode.CANONICAL)).thenReturn("http://jira.example.com/jira/");
            when(broker.usableConnectors()).thenReturn(List.of(ConnectorSummary.builder(UUID.randomUUID(),
                    "Developers", PrincipalType.IAM_ROLE).description("Read only").maxDuration(Duration.ofHours(1))
                    .consoleSignInAvailable(true).mfaRequired(true).build()));
        }

        Map<String, Page> pages() throws IOException {
            capture("overview", "templates/admin/connectors.vm", "GET", Map.of(),
                    (request, response) -> overview().service(request, response));
            capture("account editor", "templates/admin/account.vm", "GET", Map.of("id", account.id().toString()),
                    (request, response) -> accountEditor().service(request, response));
            capture("account editor refusing a form", "templates/admin/account.vm", "POST",
                    Map.of("action", "save", "name", "",
                    "type", "ACCESS_KEY", "accessKeyId", "ASIA-not-a-key", "partition", "aws", "region", "mars-1"),
                    (request, response) -> accountEditor().service(request, response));
            capture("confirmation of a delete", "templates/admin/confirm.vm", "POST",
                    Map.of("action", "delete", "id", account.id().toString()),
                    (request, response) -> accountEditor().service(request, response));
            capture("connector editor", "templates/admin/connector.vm", "GET", Map.of("id", connector.id().toString()),
                    (request, response) -> connectorEditor().service(request, response));
            capture("connector editor refusing a form", "templates/admin/connector.vm", "POST",
                    Map.of("action", "save", "name", "",
                    "accountId", account.id().toString(), "principalType", "IAM_ROLE", "roleArn", "not-an-arn",
                    "externalId", "x", "maxDurationSeconds", "60"),
                    (request, response) -> connectorEditor().service(request, response));
            when(userManager.isAdmin(new UserKey("key-admin"))).thenReturn(false);
            capture("admin message", "templates/admin/message.vm", "GET", Map.of(),
                    (request, response) -> overview().service(request, response));
            capture("user page", "templates/user/my-connectors.vm", "GET", Map.of(),
                    (request, response) -> userPage().service(request, response));
            when(xsrf.validateFormEncodedToken(any())).thenReturn(false);
            capture("user message", "templates/user/message.vm", "POST", Map.of(),
                    (request, response) -> userPage().service(request, response));
            return pages;
        }

        private void capture(String name, String template, String method, Map<String, String> parameters,
                             Request request)
                throws IOException {
            HttpServletRequest httpRequest = mock(HttpServletRequest.class);
            HttpServletResponse response = mock(HttpServletResponse.class);
            when(httpRequest.getMethod()).thenReturn(method);
            when(httpRequest.getContextPath()).thenReturn("/jira");
            when(httpRequest.getRequestURL())
                    .thenReturn(new StringBuffer("http://localhost:2990/jira/plugins/servlet/x"));
            when(httpRequest.getParameter(any())).thenAnswer(call -> parameters.get(call.<String>getArgument(0)));
            when(response.getWriter()).thenReturn(new PrintWriter(new StringWriter()));
            rendered.clear();
            try {
                request.send(httpRequest, response);
            } catch (ServletException e) {
                throw new IllegalStateException(e);
            }
            assertThat(rendered).as("what the " + name + " rendered").extracting(Page::template)
                    .containsExactly(template);
            pages.put(name, rendered.get(0));
        }

        private AdminOverviewServlet overview() {
            return new AdminOverviewServlet(new PageServices(userManager, mock(LoginUriProvider.class), this,
                    new StrictI18nResolver(), xsrf, xsrfTokens, pageBuilder()), webSudo,
                    inventories);
        }

        private AccountAdminServlet accountEditor() {
            return new AccountAdminServlet(new PageServices(userManager, mock(LoginUriProvider.class), this,
                    new StrictI18nResolver(), xsrf, xsrfTokens, pageBuilder()), webSudo, mock(AuditService.class),
                    accounts, connectors, new ConfigurationValidator(), mock(AccountChecks.class),
                    mock(AccessKeyRotation.class), mock(AwsClients.class),
                    mock(IdentityTokens.class));
        }

        private ConnectorAdminServlet connectorEditor() {
            return new ConnectorAdminServlet(new PageServices(userManager, mock(LoginUriProvider.class), this,
                    new StrictI18nResolver(), xsrf, xsrfTokens, pageBuilder()), webSudo, mock(AuditService.class),
                    accounts, connectors, new ConfigurationValidator(), mock(AccountChecks.class),
                    mock(ConnectorTester.class), group -> true);
        }

        private MyConnectorsServlet userPage() {
            return new MyConnectorsServlet(new PageServices(userManager, mock(LoginUriProvider.class), this,
                    new StrictI18nResolver(), xsrf, xsrfTokens, pageBuilder()), broker, applicationProperties);
        }

        @Override
        public void render(String templateName, Writer writer) {
            render(templateName, Map.of(), writer);
        }

        @Override
        public void render(String templateName, Map<String, Object> context, Writer writer) {
            rendered.add(new Page(templateName, Collections.unmodifiableMap(new HashMap<>(context))));
        }

        @Override
        public String renderFragment(String fragment, Map<String, Object> context) {
            throw new UnsupportedOperationException("the app renders no fragments");
        }

        @Override
        public boolean resolve(String templateName) {
            return true;
        }
    }

    @FunctionalInterface
    private interface Request {
        void send(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;
    }

    /** The servlets require their web resources; rendering the templates needs nothing of them. */
    private static PageBuilderService pageBuilder() {
        return mock(PageBuilderService.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
    }
}
