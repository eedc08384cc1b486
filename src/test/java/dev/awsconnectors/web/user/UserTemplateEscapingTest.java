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
import dev.awsconnectors.api.AwsConnectorService;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.api.TemporaryCredentials;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
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

    private final AwsConnectorService connectors = mock(AwsConnectorService.class);
    private final UserManager userManager = mock(UserManager.class);
    private final XsrfTokenValidator xsrfValidator = mock(XsrfTokenValidator.class);
    private final XsrfTokenAccessor xsrfAccessor = mock(XsrfTokenAccessor.class);
    private final ApplicationProperties applicationProperties = mock(ApplicationProperties.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final StringWriter body = new StringWriter();
    private final MyConnectorsServlet servlet = new MyConnectorsServlet(connectors, userManager,
            mock(LoginUriProvider.class), new PlainVelocity(), new BundleI18n(), xsrfValidator, xsrfAccessor,
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
        when(xsrfAccessor.getXsrfToken(any(), any(), eq(true))).thenReturn("token");
        when(xsrfValidator.getXsrfParameterName()).thenReturn("atl_token");
        when(xsrfValidator.validateFormEncodedToken(request)).thenReturn(true);
        when(applicationProperties.getBaseUrl(UrlMode.CANONICAL)).thenReturn("http://jira.example.com/jira/");
        when(connectors.getUsableConnectors()).thenReturn(List.of(
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
        when(connectors.getCredentials(eq(ID), any())).thenReturn(new TemporaryCredentials("ASIAEXAMPLEEXAMPLE12",
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
        when(connectors.getCredentials(eq(ID), any()))
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

    /** Apache Velocity reading the plugin's templates from the class path, escaping nothing. */
    static final class PlainVelocity implements TemplateRenderer {
        private final VelocityEngine engine = new VelocityEngine();

        PlainVelocity() {
            engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
            engine.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
            engine.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
            engine.init();
        }

        @Override
        public void render(String templateName, Writer writer) throws IOException {
            render(templateName, Map.of(), writer);
        }

        @Override
        public void render(String templateName, Map<String, Object> context, Writer writer) throws IOException {
            engine.getTemplate(templateName, StandardCharsets.UTF_8.name()).merge(new VelocityContext(context), writer);
        }

        @Override
        public String renderFragment(String fragment, Map<String, Object> context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean resolve(String templateName) {
            return engine.resourceExists(templateName);
        }
    }

    /** The app's real i18n bundle, formatted as SAL does (MessageFormat). */
    static final class BundleI18n implements I18nResolver {
        private final Properties texts = new Properties();

        BundleI18n() {
            try (InputStream in = getClass().getResourceAsStream("/i18n/aws-connectors.properties")) {
                texts.load(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getRawText(String key) {
            String text = texts.getProperty(key);
            if (text == null) {
                throw new AssertionError("No i18n key " + key);
            }
            return text;
        }

        @Override
        public String getText(String key, Serializable... arguments) {
            return new MessageFormat(getRawText(key), Locale.ENGLISH).format(arguments);
        }

        @Override
        public String getText(String key) {
            return getText(key, new Serializable[0]);
        }
    }
}
