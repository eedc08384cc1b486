package dev.awsconnectors.web.admin;

import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.sal.api.websudo.WebSudoSessionException;
import com.atlassian.templaterenderer.TemplateRenderer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The base of every admin page of the app. It holds the permission checks in one place, in this order, as
 * Atlassian's own apps do:
 * <ol>
 *   <li>no user logged in: redirect to Jira's login page, which comes back to this page;</li>
 *   <li>not a Jira administrator (nor system administrator): 403 with a page saying so;</li>
 *   <li>no WebSudo (secure administrator session): let Jira ask for the password again, and stop;</li>
 *   <li>only then: build and render the page.</li>
 * </ol>
 * Any failure is answered with a 500 page carrying a generic message: never a stack trace, never an exception's
 * message. A page is rendered into a buffer first, so a template that fails half-way shows the error page, not half
 * a page.
 *
 * <p>Templates get {@code $i18n} (the SAL {@link I18nResolver}) for every text, and their values as plain
 * references: no HTML is ever built in Java.
 */
public abstract class AdminPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AdminPageServlet.class);

    /** The template of the permission and error pages. */
    static final String MESSAGE_TEMPLATE = "templates/admin/message.vm";
    static final String NOT_ADMIN_TITLE = "awsc.admin.notAdmin.title";
    static final String NOT_ADMIN_MESSAGE = "awsc.admin.notAdmin.message";
    static final String ERROR_TITLE = "awsc.admin.error.title";
    static final String ERROR_MESSAGE = "awsc.admin.error.message";

    private final transient UserManager userManager;
    private final transient LoginUriProvider loginUriProvider;
    private final transient WebSudoManager webSudoManager;
    private final transient TemplateRenderer templateRenderer;
    private final transient I18nResolver i18n;

    protected AdminPageServlet(UserManager userManager, LoginUriProvider loginUriProvider,
                               WebSudoManager webSudoManager, TemplateRenderer templateRenderer,
                               I18nResolver i18n) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.loginUriProvider = Objects.requireNonNull(loginUriProvider, "loginUriProvider");
        this.webSudoManager = Objects.requireNonNull(webSudoManager, "webSudoManager");
        this.templateRenderer = Objects.requireNonNull(templateRenderer, "templateRenderer");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    /** A template and the values it shows. */
    protected static final class Page {
        private final String template;
        private final Map<String, Object> context;

        public Page(String template, Map<String, Object> context) {
            this.template = Objects.requireNonNull(template, "template");
            this.context = new HashMap<>(Objects.requireNonNull(context, "context"));
        }

        String template() {
            return template;
        }

        Map<String, Object> context() {
            return context;
        }
    }

    /**
     * Builds the page a GET shows; called only for a Jira administrator in a WebSudo session.
     *
     * @param request the request
     * @return the template to render and its values
     */
    protected abstract Page get(HttpServletRequest request);

    /** The texts the app's classes put into a page. */
    protected final I18nResolver i18n() {
        return i18n;
    }

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!mayProceed(request, response)) {
                return;
            }
            render(response, HttpServletResponse.SC_OK, get(request));
        } catch (RuntimeException | IOException | LinkageError e) {
            failed(response, e);
        }
    }

    /**
     * The permission checks, in their order. Answers the request and returns false when the page must not render.
     */
    private boolean mayProceed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserProfile user = userManager.getRemoteUser(request);
        if (user == null) {
            response.sendRedirect(loginUriProvider.getLoginUri(thisPage(request)).toASCIIString());
            return false;
        }
        UserKey key = user.getUserKey();
        if (!(userManager.isAdmin(key) || userManager.isSystemAdmin(key))) {
            renderMessage(response, HttpServletResponse.SC_FORBIDDEN, NOT_ADMIN_TITLE, NOT_ADMIN_MESSAGE);
            return false;
        }
        if (!webSudoManager.canExecuteRequest(request)) {
            webSudoManager.enforceWebSudoProtection(request, response);
            return false;
        }
        try {
            webSudoManager.willExecuteWebSudoRequest(request);
        } catch (WebSudoSessionException e) {
            // The session ended between the two calls.
            webSudoManager.enforceWebSudoProtection(request, response);
            return false;
        }
        return true;
    }

    /** This page's own address, with its query, for the login page to come back to. */
    static URI thisPage(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL();
        String query = request.getQueryString();
        if (query != null && !query.isEmpty()) {
            url.append('?').append(query);
        }
        return URI.create(url.toString());
    }

    private void render(HttpServletResponse response, int status, Page page) throws IOException {
        Map<String, Object> context = new HashMap<>(page.context());
        context.put("i18n", i18n);
        StringWriter html = new StringWriter();
        templateRenderer.render(page.template(), context, html);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        PrintWriter writer = response.getWriter();
        writer.write(html.toString());
        writer.flush();
    }

    private void renderMessage(HttpServletResponse response, int status, String titleKey, String messageKey)
            throws IOException {
        Map<String, Object> context = new HashMap<>();
        context.put("titleKey", titleKey);
        context.put("messageKey", messageKey);
        render(response, status, new Page(MESSAGE_TEMPLATE, context));
    }

    private void failed(HttpServletResponse response, Throwable failure) throws IOException {
        // Answered here and not thrown on, so it is logged here; the page itself says nothing of it.
        LOG.error("An AWS Connectors admin page failed", failure);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        try {
            renderMessage(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, ERROR_TITLE, ERROR_MESSAGE);
        } catch (RuntimeException | IOException | LinkageError again) {
            if (response.isCommitted()) {
                return;
            }
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(plainErrorText());
        }
    }

    private String plainErrorText() {
        try {
            return i18n.getText(ERROR_MESSAGE);
        } catch (RuntimeException e) {
            return "Something went wrong. Try again, or ask your Jira administrator to check Jira's log.";
        }
    }
}
