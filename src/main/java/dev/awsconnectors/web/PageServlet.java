package dev.awsconnectors.web;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
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
 * The one way into every page of the app, admin or not. Each request goes through these steps, in this order:
 * <ol>
 *   <li>no user logged in: redirect to Jira's login page, which comes back to this page (with the query of a GET;
 *       a POST comes back to the page itself);</li>
 *   <li>the family's own checks ({@link #admits}; the admin pages' administrator and WebSudo checks);</li>
 *   <li>a request whose parameters the container cannot parse, or that is over the limits of
 *       {@link RequestParameters}: a 400 page saying so, and no field is read;</li>
 *   <li>a POST: SAL's XSRF token check; without the browser's token a 403 page saying so, and nothing is read or
 *       written;</li>
 *   <li>only then: the page's {@link #get} or {@link #post}, and its answer rendered.</li>
 * </ol>
 *
 * <p>Any failure is answered with a 500 page carrying a generic message: never a stack trace, never an exception's
 * message. A page is rendered into a buffer first, so a template that fails half-way shows the error page, not half
 * a page. Every answer carries {@code Cache-Control: no-store}: pages are per user and may hold credentials.
 *
 * <p>Templates get {@code $i18n} (the SAL {@link I18nResolver}) for every text, {@code $atlToken} and
 * {@code $xsrfParameterName} for their forms, {@code $contextPath}, the family's address (under the name
 * {@link PageFamily#pathVariable()}), {@code $esc} (an {@link HtmlEscaper}, through which they write every value)
 * and their values as plain strings: no HTML is ever built in Java. Before a page is rendered its family's web
 * resource is required through Jira's page builder, which writes the tags into the decorated page's head.
 */
public abstract class PageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** What is left to say when even the error page cannot be rendered, nor its text read. */
    private static final String LAST_RESORT = "Something went wrong. Try again, or ask your Jira administrator to "
            + "check Jira's log.";

    // Named after the page's own class, so that a site can tune the logging of one page.
    private final transient Logger log = LoggerFactory.getLogger(getClass());

    private final transient PageServices services;
    private final transient PageFamily family;

    protected PageServlet(PageServices services, PageFamily family) {
        this.services = Objects.requireNonNull(services, "services");
        this.family = Objects.requireNonNull(family, "family");
    }

    /**
     * What a page answers: a template and the values it shows, with its HTTP status; a redirect; or a bare status.
     */
    public static final class Page {
        private final String template;
        private final Map<String, Object> context;
        private final int status;
        private final String redirect;
        private final URI elsewhere;

        public Page(String template, Map<String, Object> context) {
            this(template, context, HttpServletResponse.SC_OK);
        }

        public Page(String template, Map<String, Object> context, int status) {
            this(Objects.requireNonNull(template, "template"), new HashMap<>(Objects.requireNonNull(context,
                    "context")), status, null, null);
        }

        private Page(String template, Map<String, Object> context, int status, String redirect, URI elsewhere) {
            this.template = template;
            this.context = context;
            this.status = status;
            this.redirect = redirect;
            this.elsewhere = elsewhere;
        }

        /**
         * A redirect (303, so the browser GETs it) to another page of the same family.
         *
         * @param pathAndQuery below the family's {@link PageFamily#path()}, e.g. {@code /connectors?deleted=x},
         *                     already URL-encoded
         */
        public static Page redirect(String pathAndQuery) {
            return new Page(null, Map.of(), HttpServletResponse.SC_SEE_OTHER,
                    Objects.requireNonNull(pathAndQuery, "pathAndQuery"), null);
        }

        /** A redirect (303) out of Jira, which tells the other site nothing of the page it came from. */
        public static Page leaveFor(URI url) {
            return new Page(null, Map.of(), HttpServletResponse.SC_SEE_OTHER, null,
                    Objects.requireNonNull(url, "url"));
        }

        /** An error status with the container's own page, for a request no page of the app answers. */
        public static Page refuse(int status) {
            return new Page(null, Map.of(), status, null, null);
        }

        public int status() {
            return status;
        }

        /** The template, or null when the page is a redirect or a bare status. */
        public String template() {
            return template;
        }

        public Map<String, Object> context() {
            return context;
        }
    }

    /**
     * Builds the page a GET shows; called only once every check has let the request in.
     *
     * @param request the request
     * @return the page to show, or a redirect
     */
    protected abstract Page get(HttpServletRequest request);

    /**
     * Handles a form POST; called only once every check has let the request in, its XSRF token included. Pages
     * without forms keep the default, which refuses every POST with 405.
     *
     * @param request the request
     * @return the page to show, or a redirect
     */
    protected Page post(HttpServletRequest request) {
        return Page.refuse(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    /**
     * The family's own checks, after the login and before anything is read. Answers the request and returns false
     * when the page must not be shown; the default lets every logged-in user in.
     */
    protected boolean admits(UserProfile user, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return true;
    }

    /** The host's users and groups. */
    protected final UserManager userManager() {
        return services.userManager();
    }

    /** The texts the app's classes put into a page. */
    protected final I18nResolver i18n() {
        return services.i18n();
    }

    // Public (HttpServlet's are protected) so that each page's tests, in the page's own package, can call them.
    @Override
    public final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    @Override
    public final void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean post) throws IOException {
        try {
            UserProfile user = services.userManager().getRemoteUser(request);
            if (user == null) {
                response.sendRedirect(services.loginUriProvider().getLoginUri(thisPage(request)).toASCIIString());
                return;
            }
            if (!admits(user, request, response)) {
                return;
            }
            if (!RequestParameters.readable(request)) {
                // Before the XSRF check, which reads the form too.
                renderMessage(request, response, HttpServletResponse.SC_BAD_REQUEST, family.unreadable());
                return;
            }
            if (post && !services.xsrfValidator().validateFormEncodedToken(request)) {
                renderMessage(request, response, HttpServletResponse.SC_FORBIDDEN, family.xsrfRefused());
                return;
            }
            answer(request, response, post ? post(request) : get(request));
        } catch (RuntimeException | IOException | LinkageError e) {
            failed(request, response, e);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Page page) throws IOException {
        if (page.template != null) {
            render(request, response, page);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        if (page.redirect != null) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", contextPath(request) + family.path() + page.redirect);
        } else if (page.elsewhere != null) {
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", page.elsewhere.toASCIIString());
        } else {
            response.sendError(page.status);
        }
    }

    /** This page's own address, for the login page to come back to: with its query, unless it was a POST. */
    static URI thisPage(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL();
        String query = request.getQueryString();
        if (!"POST".equalsIgnoreCase(request.getMethod()) && query != null && !query.isEmpty()) {
            url.append('?').append(query);
        }
        return URI.create(url.toString());
    }

    private static String contextPath(HttpServletRequest request) {
        return request.getContextPath() == null ? "" : request.getContextPath();
    }

    private void render(HttpServletRequest request, HttpServletResponse response, Page page) throws IOException {
        Map<String, Object> context = new HashMap<>(page.context());
        context.put("i18n", services.i18n());
        // Every value the templates write goes through $esc, whatever the host's escaping.
        context.put("esc", HtmlEscaper.instance());
        String token = services.xsrfAccessor().getXsrfToken(request, response, true);
        context.put("atlToken", token == null ? "" : token);
        String parameterName = services.xsrfValidator().getXsrfParameterName();
        context.put("xsrfParameterName", parameterName == null ? "atl_token" : parameterName);
        context.put("contextPath", contextPath(request));
        context.put(family.pathVariable(), contextPath(request) + family.path());
        services.pageBuilderService().assembler().resources().requireWebResource(family.webResource());
        StringWriter html = new StringWriter();
        services.templateRenderer().render(page.template(), context, html);
        response.setStatus(page.status());
        response.setContentType("text/html;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        family.headers().forEach(response::setHeader);
        PrintWriter writer = response.getWriter();
        writer.write(html.toString());
        writer.flush();
    }

    /** Answers with the family's page of one message. */
    protected final void renderMessage(HttpServletRequest request, HttpServletResponse response, int status,
                                       PageFamily.Message message) throws IOException {
        render(request, response, messagePage(family, status, message.titleKey(), message.messageKey()));
    }

    /** The family's page with one message, for refusals and errors a page answers itself. */
    protected static Page messagePage(PageFamily family, int status, String titleKey, String messageKey) {
        Map<String, Object> context = new HashMap<>();
        context.put("titleKey", titleKey);
        context.put("messageKey", messageKey);
        return new Page(family.messageTemplate(), context, status);
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, Throwable failure)
            throws IOException {
        // Answered here and not thrown on, so it is logged here; the app's exceptions carry no secret, and the page
        // itself says nothing of it.
        log.error("{} failed", family.description(), failure);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        try {
            renderMessage(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, family.failed());
        } catch (RuntimeException | IOException | LinkageError again) {
            if (response.isCommitted()) {
                return;
            }
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(plainErrorText());
        }
    }

    private String plainErrorText() {
        try {
            return services.i18n().getText(family.failed().messageKey());
        } catch (RuntimeException e) {
            return LAST_RESORT;
        }
    }
}
