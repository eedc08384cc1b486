package dev.awsconnectors.web.user;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConnectorAccessDeniedException;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.ConsoleSignIn;
import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.audit.RequestOrigin;
import dev.awsconnectors.broker.CredentialsBroker;
import dev.awsconnectors.sts.AwsCallFailedException;
import dev.awsconnectors.sts.UserText;
import dev.awsconnectors.testhost.sal.HostI18nResolver;
import dev.awsconnectors.web.PageServices;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class MyConnectorsServletTest {
    private static final UUID FEDERATED = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final URI LOGIN = URI.create("http://localhost:2990/jira/login.jsp?os_destination=x");
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private final CredentialsBroker broker = mock(CredentialsBroker.class);
    private final UserManager userManager = mock(UserManager.class);
    private final LoginUriProvider loginUriProvider = mock(LoginUriProvider.class);
    private final TemplateRenderer renderer = mock(TemplateRenderer.class);
    private final I18nResolver i18n = mock(I18nResolver.class);
    private final XsrfTokenValidator xsrfValidator = mock(XsrfTokenValidator.class);
    private final XsrfTokenAccessor xsrfAccessor = mock(XsrfTokenAccessor.class);
    private final ApplicationProperties applicationProperties = mock(ApplicationProperties.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final StringWriter body = new StringWriter();
    private final MyConnectorsServlet servlet = new MyConnectorsServlet(new PageServices(userManager,
            loginUriProvider, renderer, i18n, xsrfValidator, xsrfAccessor, pageBuilder()), broker,
            applicationProperties);

    @BeforeEach
    void setUp() throws Exception {
        UserProfile alice = mock(UserProfile.class);
        when(alice.getUserKey()).thenReturn(new UserKey("key-alice"));
        when(userManager.getRemoteUser(request)).thenReturn(alice);
        when(request.getContextPath()).thenReturn("/jira");
        when(request.getMethod()).thenReturn("POST");
        when(request.getRequestURL()).thenReturn(new StringBuffer("http://localhost:2990/jira/plugins/servlet/aws-connectors/my"));
        when(response.getWriter()).thenReturn(new PrintWriter(body));
        when(i18n.getText(anyString())).thenAnswer(call -> call.getArgument(0));
        when(i18n.getText(anyString(), any(java.io.Serializable[].class))).thenAnswer(call -> call.getArgument(0));
        when(xsrfAccessor.getXsrfToken(any(), any(), eq(true))).thenReturn("token");
        when(xsrfValidator.getXsrfParameterName()).thenReturn("atl_token");
        when(applicationProperties.getBaseUrl(UrlMode.CANONICAL)).thenReturn("http://jira.example.com/jira/");
        when(broker.region(FEDERATED)).thenReturn(Optional.of("eu-west-1"));
        when(broker.usableConnectors()).thenReturn(List.of(
                ConnectorSummary.builder(FEDERATED, "Developers (federated)", PrincipalType.FEDERATED_USER)
                        .consoleSignInAvailable(true).build()));
        doAnswer(call -> {
            Writer writer = call.getArgument(2);
            writer.write("<html>rendered " + call.getArgument(0) + "</html>");
            return null;
        }).when(renderer).render(anyString(), anyMap(), any(Writer.class));
    }

    @Test
    void aPostWithoutTheXsrfTokenIsRefusedWith403AndAsksNothingOfAws() throws Exception {
        when(xsrfValidator.validateFormEncodedToken(request)).thenReturn(false);
        when(request.getParameter("action")).thenReturn("credentials");
        when(request.getParameter("connectorId")).thenReturn(FEDERATED.toString());

        servlet.doPost(request, response);

        verify(response).setStatus(HttpServletResponse.SC_FORBIDDEN);
        verify(renderer).render(eq(MyConnectorsServlet.MESSAGE_TEMPLATE), anyMap(), any(Writer.class));
        verify(broker, never()).credentials(any(), any(), any());
        verify(broker, never()).consoleSignIn(any(), any(), any());
    }

    @Test
    void credentialsAreShownInEveryFormatWithCacheControlNoStore() throws Exception {
        when(xsrfValidator.validateFormEncodedToken(request)).thenReturn(true);
        when(request.getParameter("action")).thenReturn("credentials");
        when(request.getParameter("connectorId")).thenReturn(FEDERATED.toString());
        when(request.getParameter("durationSeconds")).thenReturn("3600");
        when(broker.credentials(eq(FEDERATED), any(), any())).thenReturn(new TemporaryCredentials(
                "ASIAEXAMPLEEXAMPLE12", SECRET, "session/token+=", Instant.parse("2030-01-01T00:00:00Z"),
                "arn:aws:sts::123456789012:federated-user/alice"));

        servlet.doPost(request, response);

        verify(response).setStatus(HttpServletResponse.SC_OK);
        verify(response).setHeader("Cache-Control", "no-store");
        verify(broker).credentials(FEDERATED, CredentialsRequest.defaults().withDuration(Duration.ofHours(1)),
                RequestOrigin.WEB);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> context = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(MyConnectorsServlet.PAGE_TEMPLATE), context.capture(), any(Writer.class));
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) context.getValue().get("credentials");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> formats = (List<Map<String, String>>) shown.get("formats");
        assertThat(formats).extracting(f -> f.get("id"))
                .containsExactly("bash", "powershell", "fish", "credentials-file", "credential-process");
        assertThat(formats.get(0).get("text")).contains("export AWS_SECRET_ACCESS_KEY=\"" + SECRET + "\"");
        assertThat(formats.get(4).get("text")).isEqualTo("[profile developers-federated]\n"
                + "region = eu-west-1\n"
                + "credential_process = " + CredentialsFormats.credentialProcessCommand("http://jira.example.com/jira"
                + "/rest/aws-connectors/1.0/connectors/" + FEDERATED + "/credentials?format=credential_process"));
    }

    @Test
    void aConnectorThatNeedsAnMfaCodeGetsAnExplanationInsteadOfACredentialProcessProfile() throws Exception {
        when(broker.usableConnectors()).thenReturn(List.of(
                ConnectorSummary.builder(FEDERATED, "Ops (MFA)", PrincipalType.IAM_USER).mfaRequired(true).build()));
        when(xsrfValidator.validateFormEncodedToken(request)).thenReturn(true);
        when(request.getParameter("action")).thenReturn("credentials");
        when(request.getParameter("connectorId")).thenReturn(FEDERATED.toString());
        when(request.getParameter("mfaCode")).thenReturn("123456");
        when(broker.credentials(eq(FEDERATED), any(), any())).thenReturn(new TemporaryCredentials(
                "ASIAEXAMPLEEXAMPLE12", SECRET, "session/token+=", Instant.parse("2030-01-01T00:00:00Z"),
                "arn:aws:iam::123456789012:user/ops"));

        servlet.doPost(request, response);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> context = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(MyConnectorsServlet.PAGE_TEMPLATE), context.capture(), any(Writer.class));
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) context.getValue().get("credentials");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> formats = (List<Map<String, String>>) shown.get("formats");
        assertThat(formats.get(4).get("id")).isEqualTo("credential-process");
        assertThat(formats.get(4).get("text")).isEmpty();
        assertThat(formats.get(4).get("description")).isEqualTo("awsc.user.format.credentialProcess.mfa");
    }

    @Test
    void saysUntilWhenTheCredentialsAreValidInsteadOfClaimingTheyAreShownOnce() {
        MyConnectorsServlet real = new MyConnectorsServlet(new PageServices(userManager, loginUriProvider, renderer,
                new HostI18nResolver(getClass().getClassLoader(), List.of("i18n/aws-connectors"), Locale.ENGLISH),
                xsrfValidator, xsrfAccessor, pageBuilder()), broker, applicationProperties);

        assertThat(real.validUntil(Instant.parse("2026-12-02T14:05:00Z"), Instant.parse("2026-12-02T13:06:30Z")))
                .isEqualTo("These credentials are valid until 2026-12-02 14:05 UTC (58 minutes from now). Asking "
                        + "again before then may give you the same ones; get new ones when they expire.");
        assertThat(real.validUntil(Instant.parse("2026-12-03T01:05:00Z"), Instant.parse("2026-12-02T13:05:00Z")))
                .contains("until 2026-12-03 01:05 UTC (12 hours from now)");
        assertThat(real.validUntil(Instant.parse("2026-12-02T14:05:00Z"), Instant.parse("2026-12-02T14:04:15Z")))
                .contains("(45 seconds from now)");
    }

    @Test
    void aUserIsToldWhatTheyCanDoAboutAnAwsFailureInTheirLanguageNotTheAdministratorsDetails() throws Exception {
        when(xsrfValidator.validateFormEncodedToken(request)).thenReturn(true);
        when(request.getParameter("action")).thenReturn("credentials");
        when(request.getParameter("connectorId")).thenReturn(FEDERATED.toString());
        when(broker.credentials(eq(FEDERATED), any(), any())).thenThrow(AwsCallFailedException.of(
                dev.awsconnectors.i18n.Text.of("awsc.aws.admin.noCallerArn", "sts.example"),
                UserText.of("awsc.aws.user.mfaRejected"), "AccessDenied", "AccessDenied", "r-1").forUser());

        servlet.doPost(request, response);

        verify(response).setStatus(HttpServletResponse.SC_BAD_GATEWAY);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> context = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(MyConnectorsServlet.PAGE_TEMPLATE), context.capture(), any(Writer.class));
        assertThat(context.getValue().get("error")).isEqualTo("awsc.aws.user.mfaRejected");
    }

    @Test
    void openConsoleAnswersA303ToTheSignInUrlWithNoStore() throws Exception {
        URI signIn = URI.create("https://signin.aws.amazon.com/federation?Action=login&SigninToken=t");
        when(xsrfValidator.validateFormEncodedToken(request)).thenReturn(true);
        when(request.getParameter("action")).thenReturn("console");
        when(request.getParameter("connectorId")).thenReturn(FEDERATED.toString());
        when(broker.consoleSignIn(eq(FEDERATED), any(), any())).thenReturn(new ConsoleSignIn(signIn, Instant.now()));

        servlet.doPost(request, response);

        verify(response).setStatus(HttpServletResponse.SC_SEE_OTHER);
        verify(response).setHeader("Location", signIn.toASCIIString());
        verify(response).setHeader("Cache-Control", "no-store");
    }

    @Test
    void anAwsFailureIsAMessageOnThePageWith502() throws Exception {
        when(xsrfValidator.validateFormEncodedToken(request)).thenReturn(true);
        when(request.getParameter("action")).thenReturn("credentials");
        when(request.getParameter("connectorId")).thenReturn(FEDERATED.toString());
        when(broker.credentials(eq(FEDERATED), any(), any()))
                .thenThrow(new AwsRequestFailedException("GetFederationToken was refused", "AccessDenied", "r-1"));

        servlet.doPost(request, response);

        verify(response).setStatus(HttpServletResponse.SC_BAD_GATEWAY);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> context = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(MyConnectorsServlet.PAGE_TEMPLATE), context.capture(), any(Writer.class));
        assertThat(context.getValue().get("error")).isEqualTo("awsc.user.error.awsWithCode");
        assertThat(context.getValue().get("errorConnector")).isEqualTo("Developers (federated)");
    }

    @Test
    void aConnectorThatIsNotTheUsersIsNotFoundLikeOneThatDoesNotExist() throws Exception {
        when(xsrfValidator.validateFormEncodedToken(request)).thenReturn(true);
        when(request.getParameter("action")).thenReturn("console");
        when(request.getParameter("connectorId")).thenReturn(FEDERATED.toString());
        when(broker.consoleSignIn(eq(FEDERATED), any(), any())).thenThrow(
                new ConnectorAccessDeniedException(ConnectorAccessDeniedException.Reason.NOT_IN_CONNECTOR_GROUPS));

        servlet.doPost(request, response);

        verify(response).setStatus(HttpServletResponse.SC_NOT_FOUND);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> context = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq(MyConnectorsServlet.PAGE_TEMPLATE), context.capture(), any(Writer.class));
        assertThat(context.getValue().get("error")).isEqualTo("awsc.user.error.notFound");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        when(userManager.getRemoteUser(request)).thenReturn(null);
        when(request.getMethod()).thenReturn("GET");
        when(loginUriProvider.getLoginUri(any())).thenReturn(LOGIN);

        servlet.doGet(request, response);

        verify(response).sendRedirect(LOGIN.toASCIIString());
        verify(broker, never()).usableConnectors();
    }

    @Test
    void theProfileNameIsMadeOfTheConnectorName() {
        assertThat(CredentialsFormats.profileName("Developers (federated)")).isEqualTo("developers-federated");
        assertThat(CredentialsFormats.profileName("!!!")).isEqualTo("aws-connector");
    }

    /** Jira's page builder, which these tests do not look at: the demo host's tests check the required resources. */
    private static PageBuilderService pageBuilder() {
        return org.mockito.Mockito.mock(PageBuilderService.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
    }
}
