package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.sal.Html;

import dev.awsconnectors.testhost.sal.HostLoginUriProvider;
import dev.awsconnectors.testhost.sal.HostUsers;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * Jira's login page, {@code /login.jsp}: a form posting {@code os_username} and {@code os_password} (Jira's field
 * names); on success the session gets the user and the browser goes to {@code os_destination} when it is a page of
 * this host ({@link LocalDestination}), else to the dashboard; a wrong password shows the form again with an error.
 */
final class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient HostUsers users;
    private final transient PageFrame frame;

    LoginServlet(HostUsers users, PageFrame frame) {
        this.users = users;
        this.frame = frame;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        form(request, response, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("os_username");
        if (!users.authenticate(name, request.getParameter("os_password"))) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            form(request, response, "Sorry, your username and password are incorrect - please try again.");
            return;
        }
        Authentication.logIn(request, users.getUserProfile(name).getUsername());
        response.sendRedirect(request.getContextPath() + destination(request));
    }

    /** Where to go after logging in: {@code os_destination} when it is a page of this host ({@link LocalDestination}). */
    static String destination(HttpServletRequest request) {
        return LocalDestination.of(request, HostLoginUriProvider.DESTINATION_PARAMETER);
    }

    private void form(HttpServletRequest request, HttpServletResponse response, String error) throws IOException {
        String destination = request.getParameter(HostLoginUriProvider.DESTINATION_PARAMETER);
        String body = "<h1>Log in</h1>"
                + (error == null ? "" : "<div id=\"login-error\" class=\"aui-message aui-message-error\">"
                        + Html.escape(error) + "</div>")
                + "<form id=\"login-form\" class=\"aui\" method=\"post\" action=\"" + request.getContextPath()
                + "/login.jsp\">"
                + "<div class=\"field-group\"><label for=\"login-form-username\">Username</label>"
                + "<input class=\"text\" type=\"text\" id=\"login-form-username\" name=\"os_username\" "
                + "autocomplete=\"username\"></div>"
                + "<div class=\"field-group\"><label for=\"login-form-password\">Password</label>"
                + "<input class=\"text\" type=\"password\" id=\"login-form-password\" name=\"os_password\" "
                + "autocomplete=\"current-password\"></div>"
                + (destination == null ? "" : "<input type=\"hidden\" name=\"os_destination\" value=\""
                        + Html.escape(destination) + "\">")
                + "<div class=\"buttons-container\"><div class=\"buttons\"><input class=\"aui-button aui-button-primary\""
                + " type=\"submit\" id=\"login-form-submit\" value=\"Log In\"></div></div></form>"
                + "<p class=\"description\">Demo users: admin/admin (administrator), alice/alice "
                + "(aws-developers), bob/bob (no group).</p>";
        Pages.html(response, frame.page("Log in", "", body));
    }

    /** {@code /logout}: ends the session (and with it any WebSudo elevation). */
    static final class Logout extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login.jsp");
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            doGet(request, response);
        }
    }
}
