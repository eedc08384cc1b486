package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.sal.Html;

import dev.awsconnectors.testhost.sal.HostLoginUriProvider;
import dev.awsconnectors.testhost.sal.HostUsers;
import dev.awsconnectors.testhost.sal.HostWebSudoManager;
import dev.awsconnectors.testhost.sal.HostXsrfTokens;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Jira's WebSudo page, {@value HostWebSudoManager#PAGE_PATH}: an administrator types the password again
 * ({@code webSudoPassword}, with the XSRF token) and goes back to {@code webSudoDestination} with an elevated
 * session. Anonymous visitors are sent to log in first.
 */
final class WebSudoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient HostUsers users;
    private final transient HostWebSudoManager webSudo;
    private final transient HostXsrfTokens xsrf;
    private final transient HostLoginUriProvider login;
    private final transient PageFrame frame;

    WebSudoServlet(HostUsers users, HostWebSudoManager webSudo, HostXsrfTokens xsrf, HostLoginUriProvider login,
                   PageFrame frame) {
        this.users = users;
        this.webSudo = webSudo;
        this.xsrf = xsrf;
        this.login = login;
        this.frame = frame;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (users.getRemoteUser() == null) {
            response.sendRedirect(login.getLoginUri(Pages.returnUri(request)).toString());
            return;
        }
        form(request, response, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (users.getRemoteUser() == null) {
            response.sendRedirect(login.getLoginUri(Pages.returnUri(request)).toString());
            return;
        }
        if (!xsrf.validateFormEncodedToken(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            form(request, response, "Your session has expired or the XSRF token is missing; try again.");
            return;
        }
        if (!webSudo.reauthenticate(request, request.getParameter("webSudoPassword"))) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            form(request, response, "The password is incorrect.");
            return;
        }
        response.sendRedirect(request.getContextPath() + destination(request));
    }

    /** {@code webSudoDestination} when it is a page of this host ({@link LocalDestination}), else the dashboard. */
    private static String destination(HttpServletRequest request) {
        return LocalDestination.of(request, HostWebSudoManager.DESTINATION_PARAMETER);
    }

    private void form(HttpServletRequest request, HttpServletResponse response, String error) throws IOException {
        String token = xsrf.getXsrfToken(request, response, true);
        String body = "<h1>Administrator access</h1>"
                + "<p>You have requested access to an administrative function in Jira and are required to "
                + "validate your credentials below.</p>"
                + (error == null ? "" : "<div id=\"websudo-error\" class=\"aui-message aui-message-error\">"
                        + Html.escape(error) + "</div>")
                + "<form id=\"websudo-form\" class=\"aui\" method=\"post\" action=\"" + request.getContextPath()
                + HostWebSudoManager.PAGE_PATH + "\">"
                + "<div class=\"field-group\"><label>Username</label><span class=\"field-value\">"
                + Html.escape(users.getRemoteUser().getUsername()) + "</span></div>"
                + "<div class=\"field-group\"><label for=\"login-form-authenticatePassword\">Password</label>"
                + "<input class=\"text\" type=\"password\" id=\"login-form-authenticatePassword\" "
                + "name=\"webSudoPassword\" autocomplete=\"current-password\"></div>"
                + "<input type=\"hidden\" name=\"" + HostXsrfTokens.PARAMETER_NAME + "\" value=\""
                + Html.escape(token) + "\">"
                + "<input type=\"hidden\" name=\"" + HostWebSudoManager.DESTINATION_PARAMETER + "\" value=\""
                + Html.escape(destination(request)) + "\">"
                + "<div class=\"buttons-container\"><div class=\"buttons\"><input class=\"aui-button "
                + "aui-button-primary\" type=\"submit\" id=\"login-form-submit\" value=\"Confirm\"></div></div>"
                + "</form>";
        Pages.html(response, frame.page("Administrator access", "", body));
    }

    static String pageUrl(String contextPath, String destination) {
        return contextPath + HostWebSudoManager.PAGE_PATH + "?" + HostWebSudoManager.DESTINATION_PARAMETER + "="
                + URLEncoder.encode(destination, StandardCharsets.UTF_8);
    }
}
