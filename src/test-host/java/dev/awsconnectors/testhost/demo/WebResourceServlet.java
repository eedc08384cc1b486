package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.plugin.LoadedPlugin;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The plugin's downloadable web resources at {@code /download/resources/<plugin key>:<module key>/<name>}, as
 * Jira serves them, read from the plugin's class loader. Only resources the descriptor declares are served.
 */
final class WebResourceServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of(
            "js", "application/javascript;charset=UTF-8", "css", "text/css;charset=UTF-8",
            "png", "image/png", "svg", "image/svg+xml", "gif", "image/gif", "json", "application/json");

    private final transient LoadedPlugin plugin;

    WebResourceServlet(LoadedPlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String location = plugin.webResourceLocation(name).orElse(null);
        InputStream in = location == null ? null : plugin.classLoader().getResourceAsStream(location);
        if (in == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (in) {
            String extension = location.substring(location.lastIndexOf('.') + 1);
            response.setContentType(TYPES.getOrDefault(extension, "application/octet-stream"));
            in.transferTo(response.getOutputStream());
        }
    }
}
