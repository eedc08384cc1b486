package dev.awsconnectors.testhost.demo;

import com.atlassian.plugin.web.api.WebItem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.testhost.plugin.PluginDescriptor;
import dev.awsconnectors.testhost.plugin.WebFragments;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * Jira's menu resource, {@code GET /rest/api/1.0/menus/<location>}, from which Jira's header fetches a lazy dropdown
 * when it is opened (Jira's {@code com.atlassian.jira.rest.v1.menus.MenuResource}, public source of the Jira 4-6
 * era: anonymous callers allowed; the displayable web-sections of the location, each with the links of
 * {@code <location>/<section key>}, static items and providers' items together; answered {@code no-cache}). The
 * answer has that resource's shape: {@code {"sections": [{"id", "label", "items": [{"id", "label", "title", "url",
 * "style"}]}]}}; a location with no displayable section is {@code {"sections": []}}. Only GET: other methods get the
 * servlet's 405. Not established for Jira 11: whether the resource and its path are unchanged (Jira's header still
 * loads lazy dropdowns, but no Platform 8 source of it was found).
 */
final class MenusServlet extends HttpServlet {
    static final String PATH = "/rest/api/1.0/menus";
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient WebFragments fragments;

    MenusServlet(WebFragments fragments) {
        this.fragments = Objects.requireNonNull(fragments, "fragments");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String location = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        ObjectNode menu = JSON.createObjectNode();
        ArrayNode sections = menu.putArray("sections");
        List<PluginDescriptor.WebSection> displayable = location.isEmpty() || location.contains("/") ? List.of()
                : fragments.displayableSections(location);
        for (PluginDescriptor.WebSection section : displayable) {
            ObjectNode entry = sections.addObject();
            entry.put("id", section.key());
            entry.putNull("label");
            ArrayNode items = entry.putArray("items");
            // Jira passes its web-fragment context (user, helper, request); the app's provider reads none of it.
            for (WebItem item : fragments.displayableWebItems(section.id(), request.getContextPath(),
                    new HashMap<>())) {
                ObjectNode link = items.addObject();
                link.put("id", item.getId());
                link.put("label", item.getLabel());
                link.put("title", item.getTitle());
                link.put("url", item.getUrl());
                link.put("style", item.getStyleClass());
            }
        }
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store, must-revalidate");
        response.getOutputStream().write(JSON.writeValueAsString(menu).getBytes(StandardCharsets.UTF_8));
    }
}
