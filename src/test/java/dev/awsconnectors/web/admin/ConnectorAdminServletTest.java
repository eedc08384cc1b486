package dev.awsconnectors.web.admin;

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
import dev.awsconnectors.admintasks.AccountChecks;
import dev.awsconnectors.admintasks.ConnectorTestResult;
import dev.awsconnectors.admintasks.ConnectorTester;
import dev.awsconnectors.api.ConnectorNotFoundException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.audit.RequestOrigin;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConnectorRepository;
import dev.awsconnectors.testhost.sal.StrictI18nResolver;
import dev.awsconnectors.testhost.sal.UnescapedTemplateRenderer;
import dev.awsconnectors.validation.ConfigurationValidator;
import dev.awsconnectors.web.PageServices;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The connector page's "Test": an MFA code field when the connector has an MFA device, passed to the tester. */
class ConnectorAdminServletTest {
    private static final UserKey ADMIN = new UserKey("key-admin");
    private static final String SERIAL = "arn:aws:iam::123456789012:mfa/jira-broker";

    private final UserManager userManager = mock(UserManager.class);
    private final WebSudoManager webSudoManager = mock(WebSudoManager.class);
    private final XsrfTokenValidator xsrf = mock(XsrfTokenValidator.class);
    private final AccountRepository accounts = mock(AccountRepository.class);
    private final ConnectorRepository connectors = mock(ConnectorRepository.class);
    private final ConnectorTester tester = mock(ConnectorTester.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final StringWriter body = new StringWriter();
    private final Map<String, String> parameters = new HashMap<>();
    /** The groups Jira has, for the servlet's group directory. */
    private final Set<String> jiraGroups = new HashSet<>(Set.of("aws-developers", "jira-administrators"));

    private final Account account = Account.builder().name("Production").type(AccountType.ACCESS_KEY)
            .accessKeyId("AKIAIOSFODNN7EXAMPLE").partition(Partition.AWS).region("us-east-1").version(1).build();

    @BeforeEach
    void setUp() throws Exception {
        UserProfile profile = mock(UserProfile.class);
        when(profile.getUserKey()).thenReturn(ADMIN);
        when(profile.getUsername()).thenReturn("admin");
        when(userManager.getRemoteUser(request)).thenReturn(profile);
        when(userManager.getRemoteUser()).thenReturn(profile);
        when(userManager.isAdmin(ADMIN)).thenReturn(true);
        when(webSudoManager.canExecuteRequest(request)).thenReturn(true);
        when(xsrf.validateFormEncodedToken(request)).thenReturn(true);
        when(xsrf.getXsrfParameterName()).thenReturn("atl_token");
        when(response.getWriter()).thenReturn(new PrintWriter(body));
        when(request.getContextPath()).thenReturn("/jira");
        when(request.getParameter(any())).thenAnswer(call -> parameters.get(call.<String>getArgument(0)));
        when(accounts.all()).thenReturn(List.of(account));
        when(tester.test(any(), any(), any())).thenReturn(new ConnectorTestResult("123456789012",
                "arn:aws:iam::123456789012:user/jira-broker", "AIDAEXAMPLE", Instant.parse("2030-01-01T00:00:00Z")));
        when(tester.test(any(), isNull(), any())).thenReturn(new ConnectorTestResult("123456789012",
                "arn:aws:iam::123456789012:user/jira-broker", "AIDAEXAMPLE", Instant.parse("2030-01-01T00:00:00Z")));
    }

    private ConnectorAdminServlet servlet() {
        return new ConnectorAdminServlet(new PageServices(userManager, mock(LoginUriProvider.class),
                new UnescapedTemplateRenderer(), new StrictI18nResolver(), xsrf, mock(XsrfTokenAccessor.class),
                pageBuilder()), webSudoManager, mock(AuditService.class), accounts, connectors,
                new ConfigurationValidator(), mock(AccountChecks.class), tester, jiraGroups::contains);
    }

    private Connector stored(String mfaSerialNumber) {
        Connector connector = Connector.builder().name("Break glass").accountId(account.id())
                .principalType(PrincipalType.IAM_USER).mfaSerialNumber(mfaSerialNumber).version(1).build();
        when(connectors.get(connector.id())).thenReturn(Optional.of(connector));
        return connector;
    }

    @Test
    void aConnectorWithAnMfaDeviceShowsACodeFieldBesideTestAndTestsWithTheTypedCode() throws Exception {
        Connector connector = stored(SERIAL);
        parameters.put("id", connector.id().toString());

        servlet().doGet(request, response);
        String page = body.toString();
        assertThat(page).contains("id=\"awsc-connector-test-mfa\" name=\"mfaCode\"", "MFA code");
        assertThat(page.indexOf("id=\"awsc-connector-test-mfa\""))
                .isGreaterThan(page.indexOf("id=\"awsc-connector-test-form\""))
                .isLessThan(page.indexOf("id=\"awsc-connector-test\""));

        body.getBuffer().setLength(0);
        parameters.put("action", "test");
        parameters.put("mfaCode", "123456");
        servlet().doPost(request, response);

        verify(tester).test(connector.id(), "123456", RequestOrigin.WEB);
        assertThat(body.toString()).contains("id=\"awsc-test-arn\">arn:aws:iam::123456789012:user/jira-broker<");
    }

    @Test
    void aConnectorWithoutAnMfaDeviceShowsNoCodeFieldAndTestsWithoutACode() throws Exception {
        Connector connector = stored(null);
        parameters.put("id", connector.id().toString());

        servlet().doGet(request, response);
        assertThat(body.toString()).contains("id=\"awsc-connector-test\"").doesNotContain("awsc-connector-test-mfa");

        body.getBuffer().setLength(0);
        parameters.put("action", "test");
        servlet().doPost(request, response);

        verify(tester).test(connector.id(), null, RequestOrigin.WEB);
        assertThat(body.toString()).contains("id=\"awsc-test-arn\"");
    }

    @Test
    void testingAConnectorThatIsGoneAsksTheTesterWhichAuditsItAndAnswersNotFound() throws Exception {
        UUID gone = UUID.randomUUID();
        when(tester.test(eq(gone), any(), any())).thenThrow(new ConnectorNotFoundException(gone));
        when(tester.test(eq(gone), isNull(), any())).thenThrow(new ConnectorNotFoundException(gone));
        parameters.put("id", gone.toString());
        parameters.put("action", "test");

        servlet().doPost(request, response);

        verify(tester).test(gone, null, RequestOrigin.WEB);
        verify(response).setStatus(HttpServletResponse.SC_NOT_FOUND);
        assertThat(body.toString()).doesNotContain("aws-test-arn");
    }

    /** Jira's page builder, which these tests do not look at: the demo host's tests check the required resources. */
    private static PageBuilderService pageBuilder() {
        return org.mockito.Mockito.mock(PageBuilderService.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
    }
}
