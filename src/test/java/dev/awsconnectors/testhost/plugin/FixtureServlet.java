package dev.awsconnectors.testhost.plugin;

import com.atlassian.sal.api.user.UserManager;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** A plugin servlet for loader tests; its constructor argument proves autowiring from the imports. */
public class FixtureServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient UserManager users;

    public FixtureServlet(UserManager users) {
        this.users = users;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("hello " + (users.getRemoteUser() == null ? "anonymous"
                : users.getRemoteUser().getUsername()));
    }
}
