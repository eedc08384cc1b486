package dev.awsconnectors.testhost.sal;

import dev.awsconnectors.testhost.ManualClock;

import com.atlassian.audit.entity.AuditAttribute;
import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.AuditResource;
import com.atlassian.audit.entity.ChangedValue;
import com.atlassian.audit.entity.CoverageArea;
import com.atlassian.audit.entity.CoverageLevel;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.websudo.WebSudoSessionException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class HostSalServicesTest {
    private static final String FIXTURES = "dev/awsconnectors/testhost/sal/";

    @TempDir
    Path home;

    @Test
    void aSecondNodeReportsTheSitesConfiguredBaseUrlAsCanonicalAndItsOwnAddressAsAbsolute() {
        HostApplicationProperties node2 = new HostApplicationProperties("http://jira.example.com:2990/jira",
                "http://node2.example.com:2991/jira", home.resolve("node2"), home);

        assertThat(node2.getBaseUrl(UrlMode.CANONICAL)).isEqualTo("http://jira.example.com:2990/jira");
        assertThat(node2.getBaseUrl(UrlMode.RELATIVE_CANONICAL)).isEqualTo("/jira");
        assertThat(node2.getBaseUrl(UrlMode.ABSOLUTE)).isEqualTo("http://node2.example.com:2991/jira");
        assertThat(node2.getBaseUrl(UrlMode.RELATIVE)).isEqualTo("/jira");
    }

    @Test
    void templatesEscapeScriptInReferencesButWriteHtmlNamedReferencesRaw() throws Exception {
        HostTemplateRenderer renderer = new HostTemplateRenderer(getClass().getClassLoader(), Map.of());
        StringWriter out = new StringWriter();
        renderer.render(FIXTURES + "escaping.vm",
                Map.of("name", "<script>alert('x')</script>", "noteHtml", "<b>bold</b>"), out);

        assertThat(out.toString()).isEqualTo(
                "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p><div><b>bold</b></div>");
        assertThat(renderer.renderFragment("${user.name} $x.fooHtml()", Map.of("user", Map.of("name", "<i>"),
                "x", new Raw()))).isEqualTo("&lt;i&gt; <u>raw</u>");
        // Only the outer method's name counts, not the names inside its arguments.
        assertThat(renderer.renderFragment("$x.wrapHtml($m.get(\"k\")) $x.plain($x.fooHtml())", Map.of("x", new Raw(),
                "m", Map.of("k", "<i>")))).isEqualTo("<b><i></b> &lt;u&gt;raw&lt;/u&gt;");
        assertThat(renderer.resolve(FIXTURES + "escaping.vm")).isTrue();
        assertThat(renderer.resolve(FIXTURES + "missing.vm")).isFalse();
    }

    public static final class Raw {
        public String fooHtml() {
            return "<u>raw</u>";
        }

        public String wrapHtml(Object value) {
            return "<b>" + value + "</b>";
        }

        public String plain(Object value) {
            return String.valueOf(value);
        }
    }

    @Test
    void i18nFormatsArgumentsWithMessageFormatAndKeepsRawTextAndUnknownKeys() {
        HostI18nResolver i18n = new HostI18nResolver(getClass().getClassLoader(), List.of(FIXTURES + "texts"),
                Locale.ENGLISH);

        assertThat(i18n.getText("greeting", "alice", 2)).isEqualTo("Hello alice, you have 2 connectors.");
        assertThat(i18n.getText("quote", "x")).isEqualTo("It's x");
        assertThat(i18n.getRawText("quote")).isEqualTo("It''s {0}");
        assertThat(i18n.getText("no.such.key")).isEqualTo("no.such.key");
    }

    @Test
    void aFormPostIsValidOnlyWithTheBrowsersXsrfToken() {
        HostXsrfTokens xsrf = new HostXsrfTokens();
        HttpSession session = session();
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getSession(false)).thenReturn(session);
        when(request.getSession(true)).thenReturn(session);
        when(request.getContextPath()).thenReturn("/jira");
        HttpServletResponse response = mock(HttpServletResponse.class);

        String token = xsrf.getXsrfToken(request, response, true);

        verify(response).addCookie(org.mockito.ArgumentMatchers.argThat(c ->
                c.getName().equals("atlassian.xsrf.token") && c.getValue().equals(token)));
        assertThat(xsrf.getXsrfToken(request, response, true)).isEqualTo(token);
        assertThat(xsrf.getXsrfParameterName()).isEqualTo("atl_token");
        when(request.getParameter("atl_token")).thenReturn(token);
        assertThat(xsrf.validateFormEncodedToken(request)).isTrue();
        when(request.getParameter("atl_token")).thenReturn("forged");
        assertThat(xsrf.validateFormEncodedToken(request)).isFalse();
        when(request.getParameter("atl_token")).thenReturn(null);
        assertThat(xsrf.validateFormEncodedToken(request)).isFalse();

        HttpServletRequest cookieOnly = mock(HttpServletRequest.class);
        when(cookieOnly.getCookies()).thenReturn(new Cookie[] {new Cookie("atlassian.xsrf.token", token)});
        when(cookieOnly.getParameter("atl_token")).thenReturn(token);
        assertThat(xsrf.validateFormEncodedToken(cookieOnly)).as("the cookie outlives the session").isTrue();
    }

    @Test
    void webSudoNeedsThePasswordAgainAndLastsTenMinutes() throws Exception {
        HostUsers users = new HostUsers().add("admin", "secret", true, false);
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        HostWebSudoManager webSudo = new HostWebSudoManager(users, clock);
        HttpSession session = session();
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getSession(false)).thenReturn(session);
        when(request.getSession(true)).thenReturn(session);
        when(request.getContextPath()).thenReturn("/jira");
        when(request.getRequestURI()).thenReturn("/jira/plugins/servlet/x");
        when(request.getQueryString()).thenReturn("a=1");
        HttpServletResponse response = mock(HttpServletResponse.class);

        try (HostUsers.Scope ignored = users.actAs("admin")) {
            assertThat(webSudo.canExecuteRequest(request)).isFalse();
            assertThatThrownBy(() -> webSudo.willExecuteWebSudoRequest(request))
                    .isInstanceOf(WebSudoSessionException.class);
            webSudo.enforceWebSudoProtection(request, response);
            verify(response).sendRedirect("/jira/secure/admin/WebSudoAuthenticate.jspa?webSudoDestination="
                    + "%2Fplugins%2Fservlet%2Fx%3Fa%3D1");

            assertThat(webSudo.reauthenticate(request, "wrong")).isFalse();
            assertThat(webSudo.canExecuteRequest(request)).isFalse();
            assertThat(webSudo.reauthenticate(request, "secret")).isTrue();
            assertThat(webSudo.canExecuteRequest(request)).isTrue();
            webSudo.willExecuteWebSudoRequest(request);

            clock.advance(Duration.ofMinutes(10).plusSeconds(1));
            assertThat(webSudo.canExecuteRequest(request)).as("expired after 10 minutes").isFalse();
        }
        assertThat(webSudo.canExecuteRequest(request)).as("never for anonymous").isFalse();
    }

    @Test
    void theAuditLogKeepsEventsInMemoryAndInAJsonLinesFileThatReadsBack() throws Exception {
        HostUsers users = new HostUsers().add("admin", true, false);
        HostAuditLog audit = new HostAuditLog(home, users, Clock.systemUTC());
        AuditEvent event = AuditEvent.fromI18nKeys("awsc.audit.category", "awsc.audit.credentials.issued",
                        CoverageLevel.BASE, CoverageArea.END_USER_ACTIVITY)
                .affectedObject(AuditResource.builder("Developers", "connector").id("c-1").build())
                .changedValue(ChangedValue.fromI18nKeys("awsc.audit.name").from("a").to("b").build())
                .extraAttribute(AuditAttribute.fromI18nKeys("awsc.audit.user", "alice").build())
                .build();

        users.runAs("admin", () -> {
            audit.audit(event);
            return null;
        });

        assertThat(audit.events()).containsExactly(event);
        assertThat(Files.readAllLines(home.resolve("audit.log"))).singleElement().asString()
                .contains("\"author\":\"admin\"").contains("\"action\":\"awsc.audit.credentials.issued\"");
        assertThat(new HostAuditLog(home, users, Clock.systemUTC()).readLog()).containsExactly(event);
    }

    @Test
    void theUsersFileIsCreatedWithTheDemoUsersAndChecksPasswords() throws Exception {
        Path file = home.resolve("users.properties");
        HostUsers users = HostUsers.fromFile(file);

        assertThat(users.authenticate("admin", "admin")).isTrue();
        assertThat(users.authenticate("admin", "wrong")).isFalse();
        assertThat(users.isAdmin(users.getUserProfile("admin").getUserKey())).isTrue();
        assertThat(users.isUserInGroup(users.getUserProfile("alice").getUserKey(), "aws-developers")).isTrue();
        assertThat(users.groupsOf("bob")).isEmpty();

        Files.writeString(file, "carol = pw ; groups: a, b ; sysadmin\n", java.nio.file.StandardOpenOption.APPEND);
        HostUsers edited = HostUsers.fromFile(file);
        assertThat(edited.authenticate("carol", "pw")).isTrue();
        assertThat(edited.isSystemAdmin(edited.getUserProfile("carol").getUserKey())).isTrue();
        assertThat(edited.groupsOf("carol")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void theLoginUriCarriesTheDestination() {
        assertThat(new HostLoginUriProvider("/jira").getLoginUri(URI.create("/jira/plugins/servlet/x?a=1")))
                .hasToString("/jira/login.jsp?os_destination=%2Fjira%2Fplugins%2Fservlet%2Fx%3Fa%3D1");
    }

    private static HttpSession session() {
        Map<String, Object> attributes = new HashMap<>();
        HttpSession session = mock(HttpSession.class);
        doAnswer(i -> attributes.put(i.getArgument(0), i.getArgument(1))).when(session)
                .setAttribute(anyString(), org.mockito.ArgumentMatchers.any());
        when(session.getAttribute(anyString())).thenAnswer(i -> attributes.get(i.<String>getArgument(0)));
        return session;
    }

}
