package dev.awsconnectors.testhost.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.testhost.sal.HostUsers;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Jira's group picker REST resource, {@code GET /rest/api/2/groups/picker?query=&maxResults=}, which Jira's own
 * group pickers are fed by (Jira Java API reference 10.7.0, {@code com.atlassian.jira.rest.v2.issue.GroupPickerResource}:
 * groups whose names contain the query, unique and sorted, at most {@code maxResults}, limited by
 * {@code jira.ajax.autocomplete.limit}, wrapped with a header "Showing X of Y matching groups"). The answer has
 * Jira's shape, {@code {"header", "total", "groups": [{"name", "html", "labels"}]}}, where {@code html} is the
 * escaped name with the match in {@code <b>}. Not established for Jira 11: the default and maximum of
 * {@code maxResults} (20 here, as the property's default is understood), whether the match ignores case (it does
 * here), and what an anonymous caller gets (401 here, as the host's other REST answers).
 */
final class GroupPickerServlet extends HttpServlet {
    static final String PATH = "/rest/api/2/groups/picker";
    private static final long serialVersionUID = 1L;
    private static final int AUTOCOMPLETE_LIMIT = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient HostUsers users;

    GroupPickerServlet(HostUsers users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json;charset=UTF-8");
        if (users.getRemoteUserKey() == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            write(response, JSON.createObjectNode()
                    .put("message", "Client must be authenticated to access this resource.")
                    .put("status-code", 401));
            return;
        }
        String query = Objects.requireNonNullElse(request.getParameter("query"), "").strip();
        int limit = AUTOCOMPLETE_LIMIT;
        String max = request.getParameter("maxResults");
        if (max != null && max.matches("[0-9]{1,4}")) {
            limit = Math.min(Integer.parseInt(max), AUTOCOMPLETE_LIMIT);
        }
        List<String> excluded = request.getParameterValues("exclude") == null ? List.of()
                : List.of(request.getParameterValues("exclude"));
        String needle = query.toLowerCase(Locale.ROOT);
        List<String> matching = users.groupNames().stream()
                .filter(g -> g.toLowerCase(Locale.ROOT).contains(needle) && !excluded.contains(g))
                .collect(Collectors.toList());
        List<String> shown = matching.subList(0, Math.min(limit, matching.size()));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("header", "Showing " + shown.size() + " of " + matching.size() + " matching groups");
        answer.put("total", matching.size());
        ArrayNode groups = answer.putArray("groups");
        for (String group : shown) {
            ObjectNode suggestion = groups.addObject();
            suggestion.put("name", group);
            suggestion.put("html", highlighted(group, needle));
            suggestion.putArray("labels");
        }
        write(response, answer);
    }

    private static String highlighted(String group, String needle) {
        int at = needle.isEmpty() ? -1 : group.toLowerCase(Locale.ROOT).indexOf(needle);
        if (at < 0) {
            return escape(group);
        }
        return escape(group.substring(0, at)) + "<b>" + escape(group.substring(at, at + needle.length())) + "</b>"
                + escape(group.substring(at + needle.length()));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static void write(HttpServletResponse response, ObjectNode body) throws IOException {
        response.getOutputStream().write(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }
}
