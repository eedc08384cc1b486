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
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.awsconnectors.web.HtmlEscaper;
import dev.awsconnectors.web.PluginResources;
import dev.awsconnectors.web.RequestParameters;
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
 * A POST goes through the same checks and then, before anything else, through SAL's XSRF token check: a POST
 * without the browser's token is answered with a 403 page saying so, and nothing is read or written. Before any
 * field is read (the XSRF check included), a request whose parameters the container cannot parse, or that is over
 * the limits of {@link RequestParameters}, is answered with a 400 page saying so.
 *
 * <p>Any failure is answered with a 500 page carrying a generic message: never a stack trace, never an exception's
 * message. A page is rendered into a buffer first, so a template that fails half-way shows the error page, not half
 * a page.
 *
 * <p>Templates get {@code $i18n} (the SAL {@link I18nResolver}) for every text, {@code $atlToken} and
 * {@code $xsrfParameterName} for their forms, {@code $adminPath} (the context path plus the servlet path of the
 * admin pages), {@code $esc} (an {@link HtmlEscaper}, through which they write every value) and their values as
 * plain strings: no HTML is ever built in Java.
 *
 * <p>Before a page is rendered it requires the admin pages' web resource ({@link #WEB_RESOURCE}: AUI and the
 * editor's script) through Jira's {@link PageBuilderService}, which writes the tags into the decorated page's head;
 * templates never write a resource URL themselves.
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
    static final String XSRF_TITLE = "awsc.admin.xsrf.title";
    static final String XSRF_MESSAGE = "awsc.admin.xsrf.message";
    static final String UNREADABLE_TITLE = "awsc.admin.unreadable.title";
    static final String UNREADABLE_MESSAGE = "awsc.admin.unreadable.message";
    /** Where the admin pages live, below the context path. */
    static final String SERVLET_PATH = PluginResources.ADMIN_PAGES_PATH;
    /** The admin pages' {@code <web-resource>} in atlassian-plugin.xml, by its complete key. */
    static final String WEB_RESOURCE = PluginResources.ADMIN_WEB_RESOURCE;

    private final transient UserManager userManager;
    private final transient LoginUriProvider loginUriProvider;
    private final transient WebSudoManager webSudoManager;
    private final transient TemplateRenderer templateRenderer;
    private final transient I18nResolver i18n;
    private final transient XsrfTokenValidator xsrfValidator;
    private final transient XsrfTokenAccessor xsrfAccessor;
    private final transient PageBuilderService pageBuilderService;

    protected AdminPageServlet(UserManager userManager, LoginUriProvider loginUriProvider,
                               WebSudoManager webSudoManager, TemplateRenderer templateRenderer,
                               I18nResolver i18n, XsrfTokenValidator xsrfValidator,
                               XsrfTokenAccessor xsrfAccessor, PageBuilderService pageBuilderService) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.loginUriProvider = Objects.requireNonNull(loginUriProvider, "loginUriProvider");
        this.webSudoManager = Objects.requireNonNull(webSudoManager, "webSudoManager");
        this.templateRenderer = Objects.requireNonNull(templateRenderer, "templateRenderer");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.xsrfValidator = Objects.requireNonNull(xsrfValidator, "xsrfValidator");
        this.xsrfAccessor = Objects.requireNonNull(xsrfAccessor, "xsrfAccessor");
        this.pageBuilderService = Objects.requireNonNull(pageBuilderService, "pageBuilderService");
    }

    /** A template and the values it shows, with its HTTP status; or a redirect to another admin page. */
    protected static final class Page {
        private final String template;
        private final Map<String, Object> context;
        private final int status;
        private final String redirect;

        public Page(String template, Map<String, Object> context) {
            this(template, context, HttpServletResponse.SC_OK);
        }

        public Page(String template, Map<String, Object> context, int status) {
            this.template = Objects.requireNonNull(template, "template");
            this.context = new HashMap<>(Objects.requireNonNull(context, "context"));
            this.status = status;
            this.redirect = null;
        }

        private Page(String redirect) {
            this.template = null;
            this.context = Map.of();
            this.status = HttpServletResponse.SC_SEE_OTHER;
            this.redirect = redirect;
        }

        /**
         * A redirect (303, so the browser GETs it) to an admin page.
         *
         * @param pathAndQuery below {@link #SERVLET_PATH}, e.g. {@code /connectors?deleted=x}, already URL-encoded
         */
        public static Page redirect(String pathAndQuery) {
            return new Page(pathAndQuery);
        }

        int status() {
            return status;
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

    /**
     * Handles a form POST; called only for a Jira administrator in a WebSudo session, and only once the request's
     * XSRF token has been checked. Pages without forms keep the default, which refuses every POST.
     *
     * @param request the request
     * @return the page to show, or a redirect
     */
    protected Page post(HttpServletRequest request) {
        return null;
    }

    /** The host's users and groups. */
    protected final UserManager userManager() {
        return userManager;
    }

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
            if (!RequestParameters.readable(request)) {
                renderMessage(request, response, HttpServletResponse.SC_BAD_REQUEST, UNREADABLE_TITLE,
                        UNREADABLE_MESSAGE);
                return;
            }
            answer(request, response, get(request));
        } catch (RuntimeException | IOException | LinkageError e) {
            failed(request, response, e);
        }
    }

    @Override
    protected final void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!mayProceed(request, response)) {
                return;
            }
            if (!RequestParameters.readable(request)) {
                // Before the XSRF check, which reads the form too.
                renderMessage(request, response, HttpServletResponse.SC_BAD_REQUEST, UNREADABLE_TITLE,
                        UNREADABLE_MESSAGE);
                return;
            }
            if (!xsrfValidator.validateFormEncodedToken(request)) {
                renderMessage(request, response, HttpServletResponse.SC_FORBIDDEN, XSRF_TITLE, XSRF_MESSAGE);
                return;
            }
            Page page = post(request);
            if (page == null) {
                response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                return;
            }
            answer(request, response, page);
        } catch (RuntimeException | IOException | LinkageError e) {
            failed(request, response, e);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Page page) throws IOException {
        if (page.redirect != null) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + SERVLET_PATH + page.redirect);
            return;
        }
        render(request, response, page.status(), page);
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
            renderMessage(request, response, HttpServletResponse.SC_FORBIDDEN, NOT_ADMIN_TITLE, NOT_ADMIN_MESSAGE);
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

    private void render(HttpServletRequest request, HttpServletResponse response, int status, Page page)
            throws IOException {
        Map<String, Object> context = new HashMap<>(page.context());
        context.put("i18n", i18n);
        context.put("esc", HtmlEscaper.instance());
        String token = xsrfAccessor.getXsrfToken(request, response, true);
        context.put("atlToken", token == null ? "" : token);
        context.put("xsrfParameterName", xsrfValidator.getXsrfParameterName() == null ? "atl_token"
                : xsrfValidator.getXsrfParameterName());
        String contextPath = request.getContextPath();
        context.put("contextPath", contextPath == null ? "" : contextPath);
        context.put("adminPath", (contextPath == null ? "" : contextPath) + SERVLET_PATH);
        pageBuilderService.assembler().resources().requireWebResource(WEB_RESOURCE);
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

    private void renderMessage(HttpServletRequest request, HttpServletResponse response, int status,
                               String titleKey, String messageKey) throws IOException {
        render(request, response, status, messagePage(status, titleKey, messageKey));
    }

    static final String CONFIRM_TEMPLATE = "templates/admin/confirm.vm";

    /** Whether a delete, rotation or clean-up was confirmed (by the page's dialog or the confirmation page). */
    static boolean confirmed(HttpServletRequest request) {
        return "yes".equals(request.getParameter("confirm"));
    }

    /**
     * The page that asks before a delete, rotation or clean-up posted without confirmation (no script ran): it posts
     * the same action again with {@code confirm=yes}. Nothing was changed.
     *
     * @param servlet the servlet below {@link #SERVLET_PATH} to post to, e.g. {@code account}
     */
    static Page confirmation(String servlet, String action, String id, String version, String title,
                             String question, String confirmLabel) {
        Map<String, Object> context = new HashMap<>();
        context.put("servlet", servlet);
        context.put("action", action);
        context.put("id", id);
        context.put("version", version == null ? "" : version);
        context.put("title", title);
        context.put("question", question);
        context.put("confirmLabel", confirmLabel);
        return new Page(CONFIRM_TEMPLATE, context, HttpServletResponse.SC_OK);
    }

    /** The page with one message, for refusals and errors the subclasses answer themselves. */
    static Page messagePage(int status, String titleKey, String messageKey) {
        Map<String, Object> context = new HashMap<>();
        context.put("titleKey", titleKey);
        context.put("messageKey", messageKey);
        return new Page(MESSAGE_TEMPLATE, context, status);
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, Throwable failure)
            throws IOException {
        // Answered here and not thrown on, so it is logged here; the page itself says nothing of it.
        LOG.error("An AWS Connectors admin page failed", failure);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        try {
            renderMessage(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, ERROR_TITLE,
                    ERROR_MESSAGE);
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
