package dev.awsconnectors.web.admin;

import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.sal.api.websudo.WebSudoSessionException;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.templaterenderer.RenderingException;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.awsconnectors.web.PageBuilder;
import dev.awsconnectors.web.PageServices;
import dev.awsconnectors.web.PageServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class AdminPageServletTest {
    private static final UserKey ADMIN = new UserKey("key-admin");
    private static final UserKey BOB = new UserKey("key-bob");
    private static final URI LOGIN = URI.create("http://localhost:2990/jira/login.jsp?os_destination=x");

    private final UserManager userManager = mock(UserManager.class);
    private final LoginUriProvider loginUriProvider = mock(LoginUriProvider.class);
    private final WebSudoManager webSudoManager = mock(WebSudoManager.class);
    private final TemplateRenderer renderer = mock(TemplateRenderer.class);
    private final I18nResolver i18n = mock(I18nResolver.class);
    private final XsrfTokenValidator xsrfValidator = mock(XsrfTokenValidator.class);
    private final XsrfTokenAccessor xsrfAccessor = mock(XsrfTokenAccessor.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final StringWriter body = new StringWriter();
    private final List<String> rendered = new ArrayList<>();
    private final AtomicInteger pagesBuilt = new AtomicInteger();

    /** A page whose get() is counted, so the tests see whether the checks let it run. */
    private final class CountingPage extends AdminPageServlet {
        private static final long serialVersionUID = 1L;

        CountingPage() {
            super(new PageServices(userManager, loginUriProvider, renderer, i18n, xsrfValidator, xsrfAccessor,
                    pageBuilder()), webSudoManager);
        }

        @Override
        protected Page get(HttpServletRequest request) {
            pagesBuilt.incrementAndGet();
            return new Page("templates/admin/test.vm", Map.of("value", "shown"));
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        when(request.getRequestURL()).thenAnswer(
                call -> new StringBuffer("http://localhost:2990/jira/plugins/servlet/aws-connectors/admin/connectors"));
        when(response.getWriter()).thenReturn(new PrintWriter(body));
        when(loginUriProvider.getLoginUri(any())).thenReturn(LOGIN);
        when(i18n.getText(anyString())).thenAnswer(call -> "text of " + call.getArgument(0));
        doAnswer(call -> {
            String template = call.getArgument(0);
            Map<String, Object> context = call.getArgument(1);
            Writer writer = call.getArgument(2);
            rendered.add(template);
            writer.write("<p>" + template + " " + context.get("titleKey") + " " + context.get("messageKey") + "</p>");
            return null;
        }).when(renderer).render(anyString(), anyMap(), any(Writer.class));
    }

    private void loggedInAs(UserKey key) {
        UserProfile profile = mock(UserProfile.class);
        when(profile.getUserKey()).thenReturn(key);
        when(userManager.getRemoteUser(request)).thenReturn(profile);
    }

    @Test
    void sendsAnonymousVisitorsToTheLoginPageThatComesBackHereBeforeAnyOtherCheck() throws Exception {
        when(request.getQueryString()).thenReturn("tab=accounts");

        new CountingPage().doGet(request, response);

        verify(loginUriProvider).getLoginUri(
                URI.create("http://localhost:2990/jira/plugins/servlet/aws-connectors/admin/connectors?tab=accounts"));
        verify(response).sendRedirect(LOGIN.toASCIIString());
        verify(userManager, never()).isAdmin(any());
        verify(userManager, never()).isSystemAdmin(any());
        verifyNoInteractions(webSudoManager);
        assertThat(rendered).isEmpty();
        assertThat(pagesBuilt).hasValue(0);
    }

    @Test
    void refusesUsersWhoAreNotJiraAdministratorsWithAPermissionPageBeforeAskingForWebSudo() throws Exception {
        loggedInAs(BOB);

        new CountingPage().doGet(request, response);

        verify(response).setStatus(403);
        assertThat(rendered).containsExactly(AdminPageServlet.MESSAGE_TEMPLATE);
        assertThat(body.toString()).contains("awsc.admin.notAdmin.title", "awsc.admin.notAdmin.message");
        verifyNoInteractions(webSudoManager);
        verify(response, never()).sendRedirect(anyString());
        assertThat(pagesBuilt).hasValue(0);
    }

    @Test
    void asksAdministratorsWithoutASecureSessionForTheirPasswordAndRendersNothing() throws Exception {
        loggedInAs(ADMIN);
        when(userManager.isAdmin(ADMIN)).thenReturn(true);
        when(webSudoManager.canExecuteRequest(request)).thenReturn(false);

        new CountingPage().doGet(request, response);

        verify(webSudoManager).enforceWebSudoProtection(request, response);
        verify(webSudoManager, never()).willExecuteWebSudoRequest(any());
        assertThat(rendered).isEmpty();
        assertThat(pagesBuilt).hasValue(0);
    }

    @Test
    void rendersThePageOnlyAfterLoginAdminAndWebSudoChecksInThatOrder() throws Exception {
        loggedInAs(ADMIN);
        when(userManager.isAdmin(ADMIN)).thenReturn(true);
        when(webSudoManager.canExecuteRequest(request)).thenReturn(true);

        new CountingPage().doGet(request, response);

        InOrder order = inOrder(userManager, webSudoManager, renderer, response);
        order.verify(userManager).getRemoteUser(request);
        order.verify(userManager).isAdmin(ADMIN);
        order.verify(webSudoManager).canExecuteRequest(request);
        order.verify(webSudoManager).willExecuteWebSudoRequest(request);
        order.verify(renderer).render(eq("templates/admin/test.vm"), anyMap(), any(Writer.class));
        order.verify(response).setStatus(200);
        assertThat(pagesBuilt).hasValue(1);
        verify(response).setContentType("text/html;charset=UTF-8");
        verify(response).setHeader("Cache-Control", "no-store");
    }

    @Test
    void letsSystemAdministratorsInToo() throws Exception {
        loggedInAs(ADMIN);
        when(userManager.isSystemAdmin(ADMIN)).thenReturn(true);
        when(webSudoManager.canExecuteRequest(request)).thenReturn(true);

        new CountingPage().doGet(request, response);

        assertThat(pagesBuilt).hasValue(1);
        verify(response).setStatus(200);
    }

    @Test
    void givesTheTemplateTheI18nResolverAndThePagesValues() throws Exception {
        loggedInAs(ADMIN);
        when(userManager.isAdmin(ADMIN)).thenReturn(true);
        when(webSudoManager.canExecuteRequest(request)).thenReturn(true);

        new CountingPage().doGet(request, response);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> context = ArgumentCaptor.forClass(Map.class);
        verify(renderer).render(eq("templates/admin/test.vm"), context.capture(), any(Writer.class));
        assertThat(context.getValue()).containsEntry("i18n", i18n).containsEntry("value", "shown");
    }

    @Test
    void asksForWebSudoAgainWhenTheSecureSessionEndsBetweenTheTwoCalls() throws Exception {
        loggedInAs(ADMIN);
        when(userManager.isAdmin(ADMIN)).thenReturn(true);
        when(webSudoManager.canExecuteRequest(request)).thenReturn(true);
        doThrow(new WebSudoSessionException("expired")).when(webSudoManager).willExecuteWebSudoRequest(request);

        new CountingPage().doGet(request, response);

        verify(webSudoManager).enforceWebSudoProtection(request, response);
        assertThat(pagesBuilt).hasValue(0);
        assertThat(rendered).isEmpty();
    }

    @Test
    void answersAFailingPageWithA500PageThatShowsNoDetailOfTheFailure() throws Exception {
        loggedInAs(ADMIN);
        when(userManager.isAdmin(ADMIN)).thenReturn(true);
        when(webSudoManager.canExecuteRequest(request)).thenReturn(true);
        AdminPageServlet failing = new AdminPageServlet(new PageServices(userManager, loginUriProvider, renderer,
                i18n, xsrfValidator, xsrfAccessor, pageBuilder()), webSudoManager) {
            private static final long serialVersionUID = 1L;

            @Override
            protected Page get(HttpServletRequest request) {
                throw new IllegalStateException("database password is hunter2");
            }
        };

        failing.doGet(request, response);

        verify(response).setStatus(500);
        assertThat(rendered).containsExactly(AdminPageServlet.MESSAGE_TEMPLATE);
        assertThat(body.toString()).contains("awsc.admin.error.message")
                .doesNotContain("hunter2", "IllegalStateException", "at dev.");
    }

    @Test
    void answersWithPlainTextWhenEvenTheErrorPageCannotBeRendered() throws Exception {
        loggedInAs(ADMIN);
        when(userManager.isAdmin(ADMIN)).thenReturn(true);
        when(webSudoManager.canExecuteRequest(request)).thenReturn(true);
        doThrow(new RenderingException("template line 3: secret detail"))
                .when(renderer).render(anyString(), anyMap(), any(Writer.class));

        new CountingPage().doGet(request, response);

        verify(response).setStatus(500);
        verify(response).setContentType("text/plain;charset=UTF-8");
        assertThat(body.toString()).isEqualTo("text of awsc.admin.error.message")
                .doesNotContain("secret detail");
    }

    @Test
    void answersAFailingPermissionCheckWithThe500PageToo() throws Exception {
        when(userManager.getRemoteUser(request)).thenThrow(new IllegalStateException("directory down: ldap://x"));

        new CountingPage().doGet(request, response);

        verify(response).setStatus(500);
        assertThat(body.toString()).doesNotContain("ldap://x");
        assertThat(pagesBuilt).hasValue(0);
        verifyNoInteractions(webSudoManager);
    }

    @Test
    void aSaveWithoutAnIdCreatesAndOneWithAnIdEditsTheStoredItem() {
        UUID stored = UUID.randomUUID();
        when(request.getParameter("id")).thenReturn(" ");

        assertThat(AdminPageServlet.edited(request, id -> Optional.of("item")))
                .hasValueSatisfying(edited -> assertThat(edited.creating()).isTrue());

        when(request.getParameter("id")).thenReturn(stored.toString());

        assertThat(AdminPageServlet.edited(request, id -> id.equals(stored) ? Optional.of("item") : Optional.empty()))
                .contains(new AdminPageServlet.Edited<>(stored, "item"));
    }

    @Test
    void aSaveWhoseIdNamesNothingIsNotTakenForANewItem() {
        when(request.getParameter("id")).thenReturn("not-a-uuid");
        assertThat(AdminPageServlet.edited(request, id -> Optional.of("item"))).isEmpty();

        when(request.getParameter("id")).thenReturn(UUID.randomUUID().toString());
        assertThat(AdminPageServlet.edited(request, id -> Optional.empty())).isEmpty();
    }

    @Test
    void theFormOfAStoredItemSaysSavedOnlyAfterASave() {
        UUID stored = UUID.randomUUID();
        when(request.getParameter("id")).thenReturn(stored.toString());
        when(request.getParameter("saved")).thenReturn("1");

        Optional<PageServlet.Page> page = AdminPageServlet.storedForm(request, id -> Optional.of("item"),
                item -> new PageBuilder("templates/admin/account.vm", 200), "awsc.admin.account.saved");

        assertThat(page).hasValueSatisfying(shown -> assertThat(shown.context())
                .containsEntry("noticeKey", "awsc.admin.account.saved"));
        when(request.getParameter("saved")).thenReturn(null);
        assertThat(AdminPageServlet.storedForm(request, id -> Optional.of("item"),
                item -> new PageBuilder("templates/admin/account.vm", 200), "awsc.admin.account.saved"))
                .hasValueSatisfying(shown -> assertThat(shown.context()).containsEntry("noticeKey", ""));
        assertThat(AdminPageServlet.storedForm(request, id -> Optional.empty(),
                item -> new PageBuilder("templates/admin/account.vm", 200), "awsc.admin.account.saved")).isEmpty();
    }

    /** Jira's page builder, which these tests do not look at: the demo host's tests check the required resources. */
    private static PageBuilderService pageBuilder() {
        return org.mockito.Mockito.mock(PageBuilderService.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
    }
}
