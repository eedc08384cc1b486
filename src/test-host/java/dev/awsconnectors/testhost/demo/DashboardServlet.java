package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.sal.Html;

import dev.awsconnectors.testhost.sal.HostLoginUriProvider;
import dev.awsconnectors.testhost.sal.HostUsers;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Jira's dashboard, {@code /secure/Dashboard.jspa} (and the context root): for logged-in users only. */
final class DashboardServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient HostUsers users;
    private final transient HostLoginUriProvider login;
    private final transient PageFrame frame;

    DashboardServlet(HostUsers users, HostLoginUriProvider login, PageFrame frame) {
        this.users = users;
        this.login = login;
        this.frame = frame;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (users.getRemoteUser() == null) {
            response.sendRedirect(login.getLoginUri(Pages.returnUri(request)).toString());
            return;
        }
        StringBuilder body = new StringBuilder("<h1>System dashboard</h1><p>Welcome, ")
                .append(Html.escape(users.getRemoteUser().getFullName()))
                .append(". This is the demo host of AWS Connectors for Jira.</p><ul id=\"plugin-pages\">");
        for (PageFrame.Link link : frame.pluginLinks()) {
            body.append("<li><a href=\"").append(Html.escape(request.getContextPath() + link.path())).append("\">")
                    .append(Html.escape(link.label())).append("</a></li>");
        }
        body.append("</ul>");
        Pages.html(response, frame.page("System dashboard", "", body.toString()));
    }
}
