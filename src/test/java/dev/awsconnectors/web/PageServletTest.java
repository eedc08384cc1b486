package dev.awsconnectors.web;

import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The way into every page, on a family of pages of its own (the admin layer has its own tests). */
class PageServletTest {
    private static final URI LOGIN = URI.create("http://localhost:2990/jira/login.jsp?os_destination=x");
    private static final PageFamily FAMILY = new PageFamily("/plugins/servlet/example", "examplePath",
            "example:resources", "templates/example/message.vm",
            new PageFamily.Message("example.unreadable.title", "example.unreadable.message"),
            new PageFamily.Message("example.xsrf.title", "example.xsrf.message"),
            new PageFamily.Message("example.error.title", "example.error.message"),
            Map.of("Referrer-Policy", "same-origin"), "An example page");

    private final UserManager userManager = mock(UserManager.class);
    private final LoginUriProvider loginUriProvider = mock(LoginUriProvider.class);
    private final TemplateRenderer renderer = mock(TemplateRenderer.class);
    private final I18nResolver i18n = mock(I18nResolver.class);
    private final XsrfTokenValidator xsrfValidator = mock(XsrfTokenValidator.class);
    private final XsrfTokenAccessor xsrfAccessor = mock(XsrfTokenAccessor.class);
    private final PageBuilderService pageBuilder = mock(PageBuilderService.class, Mockito.RETURNS_DEEP_STUBS);
    private final PageServices services = new PageServices(userManager, loginUriProvider, renderer, i18n,
            xsrfValidator, xsrfAccessor, pageBuilder);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final StringWriter body = new StringWriter();
    private final List<String> templates = new ArrayList<>();
    private final List<Map<String, Object>> contexts = new ArrayList<>();
    private final AtomicInteger pagesBuilt = new AtomicInteger();

    /** A page that answers what it is told to, and counts how often it was asked. */
    private final class ExamplePage extends PageServlet {
        private static final long serialVersionUID = 1L;
        private final transient PageServlet.Page answer;
        private final boolean admitted;

        ExamplePage(PageServlet.Page answer, boolean admitted) {
            super(services, FAMILY);
            this.answer = answer;
            this.admitted = admitted;
        }

        ExamplePage(PageServlet.Page answer) {
            this(answer, true);
        }

        @Override
        protected Page get(HttpServletRequest request) {
            pagesBuilt.incrementAndGet();
            return answer;
        }

        @Override
        protected boolean admits(UserProfile user, HttpServletRequest request, HttpServletResponse response) {
            return admitted;
        }
    }

    private static PageServlet.Page shown() {
        return new PageServlet.Page("templates/example/page.vm", Map.of("value", "shown"));
    }

    @BeforeEach
    void setUp() throws Exception {
        when(request.getRequestURL())
                .thenAnswer(call -> new StringBuffer("http://localhost:2990/jira/plugins/servlet/example"));
        when(request.getContextPath()).thenReturn("/jira");
        when(request.getParameterMap()).thenReturn(new HashMap<>());
        when(response.getWriter()).thenReturn(new PrintWriter(body));
        when(loginUriProvider.getLoginUri(any())).thenReturn(LOGIN);
        when(xsrfAccessor.getXsrfToken(any(), any(), Mockito.eq(true))).thenReturn("token-1");
        when(i18n.getText(anyString())).thenAnswer(call -> "text of " + call.getArgument(0));
        when(userManager.getRemoteUser(request)).thenReturn(mock(UserProfile.class));
        doAnswer(call -> {
            templates.add(call.getArgument(0));
            Map<String, Object> context = call.getArgument(1);
            contexts.add(context);
            ((Writer) call.getArgument(2)).write("<p>" + context.get("titleKey") + "</p>");
            return null;
        }).when(renderer).render(anyString(), anyMap(), any(Writer.class));
    }

    @Test
    void sendsAnAnonymousVisitorToTheLoginPageWhichComesBackToThePageAndItsQuery() throws Exception {
        when(userManager.getRemoteUser(request)).thenReturn(null);
        when(request.getMethod()).thenReturn("GET");
        when(request.getQueryString()).thenReturn("connector=x");

        new ExamplePage(shown()).doGet(request, response);

        verify(loginUriProvider)
                .getLoginUri(URI.create("http://localhost:2990/jira/plugins/servlet/example?connector=x"));
        verify(response).sendRedirect(LOGIN.toASCIIString());
        assertThat(pagesBuilt).hasValue(0);
    }

    @Test
    void sendsAnAnonymousPostBackToThePageWithoutItsQuery() throws Exception {
        when(userManager.getRemoteUser(request)).thenReturn(null);
        when(request.getMethod()).thenReturn("POST");
        when(request.getQueryString()).thenReturn("action=delete");

        new ExamplePage(shown()).doPost(request, response);

        verify(loginUriProvider).getLoginUri(URI.create("http://localhost:2990/jira/plugins/servlet/example"));
        verify(xsrfValidator, never()).validateFormEncodedToken(any());
    }

    @Test
    void showsNothingWhenTheFamilysOwnCheckRefusesTheUser() throws Exception {
        new ExamplePage(shown(), false).doGet(request, response);

        assertThat(pagesBuilt).hasValue(0);
        assertThat(templates).isEmpty();
    }

    @Test
    void refusesParametersItCannotReadWith400BeforeTheXsrfCheckReadsThem() throws Exception {
        when(request.getContentLengthLong()).thenReturn((long) RequestParameters.MAX_FORM_BYTES + 1);
        when(request.getInputStream()).thenThrow(new java.io.IOException("closed"));

        new ExamplePage(shown()).doPost(request, response);

        verify(response).setStatus(400);
        assertThat(templates).containsExactly("templates/example/message.vm");
        assertThat(contexts.get(0)).containsEntry("titleKey", "example.unreadable.title")
                .containsEntry("messageKey", "example.unreadable.message");
        verify(xsrfValidator, never()).validateFormEncodedToken(any());
    }

    @Test
    void refusesAPostWithoutTheBrowsersXsrfTokenWith403AndNeverAsksThePage() throws Exception {
        when(xsrfValidator.validateFormEncodedToken(request)).thenReturn(false);
        AtomicInteger posts = new AtomicInteger();
        PageServlet page = new PageServlet(services, FAMILY) {
            private static final long serialVersionUID = 1L;

            @Override
            protected Page get(HttpServletRequest request) {
                return shown();
            }

            @Override
            protected Page post(HttpServletRequest request) {
                posts.incrementAndGet();
                return shown();
            }
        };

        page.doPost(request, response);

        verify(response).setStatus(403);
        assertThat(contexts.get(0)).containsEntry("titleKey", "example.xsrf.title");
        assertThat(posts).hasValue(0);
    }

    @Test
    void rendersThePageWithTheFamilysAddressResourceAndHeadersAndNeverCached() throws Exception {
        when(xsrfValidator.getXsrfParameterName()).thenReturn("atl_token");

        new ExamplePage(shown()).doGet(request, response);

        assertThat(templates).containsExactly("templates/example/page.vm");
        assertThat(contexts.get(0)).containsEntry("value", "shown").containsEntry("atlToken", "token-1")
                .containsEntry("xsrfParameterName", "atl_token").containsEntry("contextPath", "/jira")
                .containsEntry("examplePath", "/jira/plugins/servlet/example")
                .containsEntry("esc", HtmlEscaper.instance()).containsEntry("i18n", i18n);
        verify(pageBuilder.assembler().resources()).requireWebResource("example:resources");
        verify(response).setStatus(200);
        verify(response).setHeader("Cache-Control", "no-store");
        verify(response).setHeader("X-Content-Type-Options", "nosniff");
        verify(response).setHeader("Referrer-Policy", "same-origin");
    }

    @Test
    void redirectsToAnotherPageOfTheFamilyBelowItsAddress() throws Exception {
        new ExamplePage(PageServlet.Page.redirect("/other?saved=1")).doGet(request, response);

        verify(response).setStatus(303);
        verify(response).setHeader("Location", "/jira/plugins/servlet/example/other?saved=1");
        assertThat(templates).isEmpty();
    }

    @Test
    void leavesJiraForAnotherSiteWithoutTellingItWhereFrom() throws Exception {
        URI signIn = URI.create("https://signin.aws.amazon.com/federation?Action=login&SigninToken=t");

        new ExamplePage(PageServlet.Page.leaveFor(signIn)).doGet(request, response);

        verify(response).setStatus(303);
        verify(response).setHeader("Location", signIn.toASCIIString());
        verify(response).setHeader("Referrer-Policy", "no-referrer");
        verify(response).setHeader("Cache-Control", "no-store");
    }

    @Test
    void refusesAPostToAPageWithoutFormsWith405() throws Exception {
        when(xsrfValidator.validateFormEncodedToken(request)).thenReturn(true);

        new ExamplePage(shown()).doPost(request, response);

        verify(response).sendError(405);
        assertThat(templates).isEmpty();
    }

    @Test
    void answersAFailingPageWithTheFamilysErrorPageAndNoDetailOfTheFailure() throws Exception {
        PageServlet failing = new PageServlet(services, FAMILY) {
            private static final long serialVersionUID = 1L;

            @Override
            protected Page get(HttpServletRequest request) {
                throw new IllegalStateException("password hunter2");
            }
        };

        failing.doGet(request, response);

        verify(response).setStatus(500);
        assertThat(contexts.get(0)).containsEntry("titleKey", "example.error.title")
                .containsEntry("messageKey", "example.error.message");
        assertThat(body.toString()).doesNotContain("hunter2", "IllegalStateException");
    }

    @Test
    void answersInPlainTextWhenEvenTheErrorPageFails() throws Exception {
        doAnswer(call -> {
            throw new IllegalStateException("template broken: secret");
        }).when(renderer).render(anyString(), anyMap(), any(Writer.class));

        new ExamplePage(shown()).doGet(request, response);

        verify(response).setStatus(500);
        verify(response).setContentType("text/plain;charset=UTF-8");
        verify(response).setHeader("Cache-Control", "no-store");
        assertThat(body.toString()).isEqualTo("text of example.error.message");
    }
}
