package dev.awsconnectors.testhost.demo;

import com.atlassian.sal.api.message.I18nResolver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.awsconnectors.testhost.sal.HostAuditLog;
import dev.awsconnectors.testhost.sal.HostLoginUriProvider;
import dev.awsconnectors.testhost.sal.HostUsers;
import dev.awsconnectors.testhost.sal.Html;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The host's audit log as a page, {@value #PATH}, newest event first, like Jira's "Audit log" administration page:
 * when, who (the author the host recorded), the action and category in the app's words (its i18n texts), the
 * coverage area and level, the affected objects, the attributes and the changed values. For administrators only:
 * anonymous visitors are sent to the login page, other users get 403. The same events as JSON: {@code /host/audit}.
 */
final class AuditLogPageServlet extends HttpServlet {
    static final String PATH = "/host/audit-log";
    /** The page shows at most this many of the newest events. */
    static final int MAX_EVENTS = 500;
    private static final long serialVersionUID = 1L;

    private final transient HostAuditLog audit;
    private final transient HostUsers users;
    private final transient HostLoginUriProvider login;
    private final transient PageFrame frame;
    private final transient I18nResolver i18n;

    AuditLogPageServlet(HostAuditLog audit, HostUsers users, HostLoginUriProvider login, PageFrame frame,
                        I18nResolver i18n) {
        this.audit = audit;
        this.users = users;
        this.login = login;
        this.frame = frame;
        this.i18n = i18n;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (users.getRemoteUserKey() == null) {
            response.sendRedirect(login.getLoginUri(Pages.returnUri(request)).toString());
            return;
        }
        if (!users.isAdmin(users.getRemoteUserKey())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            Pages.html(response, frame.page("Audit log", "", "<h1>Audit log</h1><p id=\"audit-log-forbidden\">"
                    + "Only Jira administrators can view the audit log.</p>"));
            return;
        }
        ArrayNode lines = audit.readLogAsJson();
        StringBuilder body = new StringBuilder("<h1>Audit log</h1>");
        if (lines.isEmpty()) {
            body.append("<p id=\"audit-log-empty\">Nothing has been audited yet.</p>");
        } else {
            int shown = Math.min(lines.size(), MAX_EVENTS);
            body.append("<p id=\"audit-log-count\">").append(lines.size()).append(lines.size() == 1 ? " event" : " events")
                    .append(shown < lines.size() ? ", the newest " + shown + " shown" : "").append(", newest first.")
                    .append(" As JSON: <a href=\"").append(Html.escape(request.getContextPath()))
                    .append("/host/audit\">/host/audit</a>.</p>")
                    .append("<table id=\"audit-log\" class=\"aui\"><thead><tr><th>Date</th><th>Author</th>")
                    .append("<th>Summary</th><th>Category</th><th>Area</th><th>Affected objects</th>")
                    .append("<th>Details</th></tr></thead><tbody>");
            for (int i = lines.size() - 1; i >= lines.size() - shown; i--) {
                row(body, lines.get(i));
            }
            body.append("</tbody></table>");
        }
        Pages.html(response, frame.page("Audit log", "", body.toString()));
    }

    private void row(StringBuilder html, JsonNode event) {
        html.append("<tr class=\"audit-event\" data-action=\"").append(Html.escape(text(event, "action")))
                .append("\"><td>").append(Html.escape(text(event, "timestamp"))).append("</td><td>")
                .append(Html.escape(event.path("author").isNull() || text(event, "author").isEmpty()
                        ? "(no user)" : text(event, "author")))
                .append("</td><td class=\"audit-summary\">").append(Html.escape(translated(text(event, "action"))))
                .append("</td><td>").append(Html.escape(translated(text(event, "category"))))
                .append("</td><td>").append(Html.escape(text(event, "area"))).append(" / ")
                .append(Html.escape(text(event, "level"))).append("</td><td><ul class=\"audit-affected\">");
        for (JsonNode resource : event.path("affectedObjects")) {
            html.append("<li>").append(Html.escape(text(resource, "type"))).append(": ")
                    .append(Html.escape(text(resource, "name")));
            if (!text(resource, "id").isEmpty() && !text(resource, "id").equals(text(resource, "name"))) {
                html.append(" <small>(").append(Html.escape(text(resource, "id"))).append(")</small>");
            }
            html.append("</li>");
        }
        html.append("</ul></td><td><dl class=\"audit-details\">");
        for (JsonNode attribute : event.path("extraAttributes")) {
            String name = text(attribute, "name").isEmpty() ? translated(text(attribute, "nameI18nKey"))
                    : text(attribute, "name");
            html.append("<dt>").append(Html.escape(name)).append("</dt><dd>")
                    .append(Html.escape(text(attribute, "value"))).append("</dd>");
        }
        for (JsonNode value : event.path("changedValues")) {
            html.append("<dt>").append(Html.escape(translated(text(value, "i18nKey")))).append("</dt><dd>")
                    .append(Html.escape(text(value, "from").isEmpty() ? "(none)" : text(value, "from")))
                    .append(" &rarr; ")
                    .append(Html.escape(text(value, "to").isEmpty() ? "(none)" : text(value, "to")))
                    .append("</dd>");
        }
        html.append("</dl></td></tr>");
    }

    /** The app's text for an i18n key; the key itself when there is none (as Jira shows it). */
    private String translated(String key) {
        return key.isEmpty() ? "" : i18n.getText(key);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
