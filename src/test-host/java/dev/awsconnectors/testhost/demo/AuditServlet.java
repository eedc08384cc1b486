package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.sal.HostAuditLog;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The host's audit log, read-only, as a JSON array at {@code /host/audit} (every node's events), for tests and
 * curious admins. Like Jira's audit log it is for administrators: others get 403, anonymous callers 401. The same
 * events as a page: {@link AuditLogPageServlet}.
 */
final class AuditServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient HostAuditLog audit;
    private final transient dev.awsconnectors.testhost.sal.HostUsers users;

    AuditServlet(HostAuditLog audit, dev.awsconnectors.testhost.sal.HostUsers users) {
        this.audit = audit;
        this.users = users;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (users.getRemoteUserKey() == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"Jira\"");
            return;
        }
        if (!users.isAdmin(users.getRemoteUserKey())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(audit.readLogAsJsonText().getBytes(StandardCharsets.UTF_8));
    }
}
