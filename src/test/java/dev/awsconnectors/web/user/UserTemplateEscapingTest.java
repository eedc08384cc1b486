package dev.awsconnectors.web.user;

import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.awsconnectors.testhost.sal.StrictI18nResolver;
import dev.awsconnectors.testhost.sal.UnescapedTemplateRenderer;
import dev.awsconnectors.web.PageServices;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.broker.CredentialsBroker;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The user templates escape every value themselves: "My AWS connectors" rendered by its servlet with a plain
 * Velocity engine that escapes nothing, with a connector whose name and description carry markup and quotes.
 */
class UserTemplateEscapingTest {
    private static final String EVIL = "Evil \"quoted\" <script>alert(1)</script>";
    private static final String ESCAPED = "Evil &quot;quoted&quot; &lt;script&gt;alert(1)&lt;/script&gt;";
    private static final UUID ID = UUID.fromString("11111111-1111-1111-1111-111111111111");

    private final CredentialsBroker broker = mock(CredentialsBroker.class);
    private final UserManager userManager = mock(UserManager.class);
    private final XsrfTokenValidator xsrfValidator = mock(XsrfTokenValidator.class);
    private final XsrfTokenAccessor xsrfAccessor = mock(XsrfTokenAccessor.class);
    private final ApplicationProperties applicationProperties = mock(ApplicationProperties.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final StringWriter body = new StringWriter();
    private final MyConnectorsServlet servlet = new MyConnectorsServlet(new PageServices(userManager,
            mock(LoginUriProvider.class), new UnescapedTemplateRenderer(), new StrictI18nResolver(), xsrfValidator,
            xsrfAccessor, pageBuilder()), broker, applicationProperties);

    @BeforeEach
    void setUp() throws Exception {
        UserProfile alice = mock(UserProfile.class);
        when(alice.getUserKey()).thenReturn(new UserKey("key-alice"));
        when(userManager.getRemoteUser(request)).thenReturn(alice);
        when(request.getContextPath()).thenReturn("/jira");
        when(request.getMethod()).thenReturn("POST");
        when(request.getRequestURL()).thenReturn(new StringBuffer("http://localhost:2990/jira/plugins/servlet/aws-connectors/my"));
        when(response.getWriter()).thenReturn(new PrintWriter(body));
        when(xsrfAccessor.getXsrfToken(any(), any(), eq(true))).thenReturn("token");
        when(xsrfValidator.getXsrfParameterName()).thenReturn("atl_token");
        when(xsrfValidator.validateFormEncodedToken(request)).thenReturn(true);
        when(applicationProperties.getBaseUrl(UrlMode.CANONICAL)).thenReturn("http://jira.example.com/jira/");
        when(broker.usableConnectors()).thenReturn(List.of(
                ConnectorSummary.builder(ID, EVIL, PrincipalType.IAM_ROLE).description(EVIL)
                        .maxDuration(Duration.ofHours(1)).consoleSignInAvailable(true).mfaRequired(true).build()));
        when(request.getParameter("connectorId")).thenReturn(ID.toString());
    }

    private void assertOnlyEscaped() {
        String html = body.toString();
        assertThat(html).contains("</html>", ESCAPED)
                .doesNotContain("<script>alert(1)</script>", "\"quoted\"", "&amp;lt;", "&amp;quot;", "&amp;#39;")
                .doesNotContain("$esc", "$i18n");
    }

    @Test
    void theListEscapesNamesAndDescriptions() throws Exception {
        when(request.getMethod()).thenReturn("GET");

        servlet.doGet(request, response);

        assertOnlyEscaped();
        assertThat(body.toString()).contains("<h2 class=\"awsc-connector-name\">" + ESCAPED + "</h2>");
    }

    @Test
    void theCredentialsDialogEscapesTheConnectorNameInItsTitle() throws Exception {
        when(request.getParameter("action")).thenReturn("credentials");
        when(request.getParameter("mfaCode")).thenReturn("123456");
        when(broker.credentials(eq(ID), any(), any())).thenReturn(new TemporaryCredentials("ASIAEXAMPLEEXAMPLE12",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "session/token+=", Instant.parse("2030-01-01T00:00:00Z"),
                "arn:aws:sts::123456789012:assumed-role/Developer/alice"));

        servlet.doPost(request, response);

        assertOnlyEscaped();
        assertThat(body.toString()).contains("id=\"awsc-credentials-title\"");
    }

    @Test
    void anAwsFailureNamesTheConnectorEscaped() throws Exception {
        when(request.getParameter("action")).thenReturn("credentials");
        when(request.getParameter("mfaCode")).thenReturn("123456");
        when(broker.credentials(eq(ID), any(), any()))
                .thenThrow(new AwsRequestFailedException(EVIL, "AccessDenied", "r-1"));

        servlet.doPost(request, response);

        assertOnlyEscaped();
        assertThat(body.toString()).contains("<strong id=\"awsc-error-connector\">" + ESCAPED + "</strong>");
    }

    @Test
    void theMessagePageRendersWithoutTheHostsEscaping() throws Exception {
        when(xsrfValidator.validateFormEncodedToken(request)).thenReturn(false);

        servlet.doPost(request, response);

        assertThat(body.toString()).contains("id=\"awsc-user-message-text\"", "href=\"/jira/plugins/servlet/aws-connectors/my\"")
                .doesNotContain("$esc", "$i18n");
    }


    /** Jira's page builder, which these tests do not look at: the demo host's tests check the required resources. */
    private static PageBuilderService pageBuilder() {
        return org.mockito.Mockito.mock(PageBuilderService.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
    }
}
