package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.webresource.WebResourceFile;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * AUI, served locally below {@code /static/aui/} (Jira pages load AUI from Jira itself, never from the internet), and
 * the web resources by which plugins require it ({@code com.atlassian.auiplugin:*}, see {@link #webResources()}).
 *
 * <p>The build unpacks AUI's npm package and the jQuery it expects as a global ({@code src/build/fetch-aui.sh}) into
 * {@code target/aui}: {@code package/dist/aui} (its {@code aui-prototyping.css}, {@code aui-prototyping.js}, fonts
 * and images) and {@code jquery/package/dist}. AUI's stylesheet is also the frame's, at {@code /static/aui/aui.css}.
 * Without the package (offline {@code mvn -Pdemo}), a tiny built-in stylesheet keeps the pages readable and a
 * warning says that AUI, its script included, is missing.
 */
final class AuiStylesheet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AuiStylesheet.class.getName());
    static final String CSS_NAME = "aui-prototyping.css";
    static final String JS_NAME = "aui-prototyping.js";
    static final String JQUERY_NAME = "jquery.min.js";
    /** Where the frame and the AUI web resources link AUI's stylesheet. */
    static final String CSS_PATH = "/static/aui/aui.css";
    /**
     * The AUI web-resource keys plugins may depend on, each with a public source of its use by Atlassian's own
     * plugins (README, "Web resources"). One bundle, {@code aui-prototyping}, holds every AUI component, so each key
     * stands for the same files.
     */
    static final List<String> AUI_KEYS = List.of("ajs", "aui-core", "aui-forms", "aui-message", "aui-select",
            "aui-dropdown2", "aui-flag", "dialog2", "aui-page-layout", "aui-page-header");

    static final String FALLBACK = """
            body{margin:0;font-family:-apple-system,system-ui,"Segoe UI",Roboto,sans-serif;font-size:14px;color:#172b4d;background:#f4f5f7}
            .aui-header{background:#0747a6;color:#fff;padding:0 20px;height:48px;display:flex;align-items:center}
            .aui-header-inner{display:flex;justify-content:space-between;width:100%}
            .aui-header-primary,.aui-header-secondary{display:flex;align-items:center}
            .aui-header a,.aui-header span{color:#fff;text-decoration:none}
            .aui-header-logo{font-weight:bold;font-size:18px;margin-right:20px}
            .aui-nav{list-style:none;display:flex;gap:16px;margin:0;padding:0}
            .aui-page-panel{background:#fff;margin:20px auto;max-width:1000px;border:1px solid #dfe1e6;border-radius:3px}
            .aui-page-panel-content{padding:20px}
            .aui-message{padding:10px;margin:10px 0;border-radius:3px;background:#deebff}
            .aui-message-error{background:#ffebe6}
            .aui-message-success{background:#e3fcef}
            .field-group{margin:10px 0}.field-group label{display:inline-block;min-width:140px}
            .aui-button{padding:6px 12px;border:1px solid #c1c7d0;border-radius:3px;background:#f4f5f7;cursor:pointer}
            .aui-button-primary{background:#0052cc;color:#fff;border-color:#0052cc}
            table.aui{border-collapse:collapse;width:100%}table.aui th,table.aui td{text-align:left;padding:7px 10px;border-bottom:1px solid #dfe1e6}
            """;

    private final transient Optional<Path> directory;
    private final transient Optional<Path> jquery;

    private AuiStylesheet(Optional<Path> directory, Optional<Path> jquery) {
        this.directory = directory;
        this.jquery = jquery;
    }

    /**
     * Finds AUI and jQuery under {@code auiDirectory}; when either is missing, warns, and the pages get the
     * built-in stylesheet and no AUI script.
     */
    static AuiStylesheet lookIn(Path auiDirectory) {
        Optional<Path> css = find(auiDirectory, CSS_NAME).filter(p -> Files.isRegularFile(p.resolveSibling(JS_NAME)));
        Optional<Path> jquery = find(auiDirectory.resolve("jquery"), JQUERY_NAME);
        if (css.isEmpty() || jquery.isEmpty()) {
            LOG.warning("AUI IS MISSING: its npm package (with jQuery) is not unpacked in "
                    + auiDirectory.toAbsolutePath() + "; the build's fetch-aui step does it when npm is installed."
                    + " Pages get a small built-in stylesheet and no AUI script, so they do not look or behave as"
                    + " in Jira.");
            return new AuiStylesheet(Optional.empty(), Optional.empty());
        }
        return new AuiStylesheet(css.map(Path::getParent), jquery.map(Path::getParent));
    }

    /**
     * The host's {@code com.atlassian.auiplugin:*} web resources: jQuery, AUI's stylesheet and AUI's script, in
     * that order (AUI's script reads the global jQuery); only the built-in stylesheet when AUI is missing.
     */
    Map<String, List<WebResourceFile>> webResources() {
        return webResources(directory.isPresent());
    }

    /** {@link #webResources()} of the AUI under {@code auiDirectory}, without a warning when it is missing. */
    static Map<String, List<WebResourceFile>> webResourcesIn(Path auiDirectory) {
        return webResources(find(auiDirectory, CSS_NAME).filter(p -> Files.isRegularFile(p.resolveSibling(JS_NAME)))
                .isPresent() && find(auiDirectory.resolve("jquery"), JQUERY_NAME).isPresent());
    }

    private static Map<String, List<WebResourceFile>> webResources(boolean aui) {
        List<WebResourceFile> files = !aui
                ? List.of(new WebResourceFile(CSS_PATH, WebResourceFile.Kind.STYLESHEET))
                : List.of(new WebResourceFile("/static/aui/jquery/" + JQUERY_NAME, WebResourceFile.Kind.SCRIPT),
                        new WebResourceFile(CSS_PATH, WebResourceFile.Kind.STYLESHEET),
                        new WebResourceFile("/static/aui/" + JS_NAME, WebResourceFile.Kind.SCRIPT));
        Map<String, List<WebResourceFile>> resources = new LinkedHashMap<>();
        for (String key : AUI_KEYS) {
            resources.put("com.atlassian.auiplugin:" + key, files);
        }
        return resources;
    }

    private static Optional<Path> find(Path auiDirectory, String name) {
        if (!Files.isDirectory(auiDirectory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(auiDirectory, 6)) {
            return files.filter(p -> p.getFileName().toString().equals(name)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAui() {
        return directory.isPresent();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "/aui.css" : request.getPathInfo();
        response.setHeader("Cache-Control", "max-age=3600");
        if (directory.isEmpty()) {
            if (!name.equals("/aui.css")) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType("text/css;charset=UTF-8");
            response.getOutputStream().write(FALLBACK.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Path root = directory.get();
        if (name.startsWith("/jquery/")) {
            root = jquery.orElseThrow();
            name = name.substring("/jquery".length());
        }
        Path file = name.equals("/aui.css") ? root.resolve(CSS_NAME) : root.resolve(name.substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String type = Files.probeContentType(file);
        String fileName = file.getFileName().toString();
        response.setContentType(fileName.endsWith(".css") ? "text/css;charset=UTF-8"
                : fileName.endsWith(".js") ? "application/javascript;charset=UTF-8"
                : type == null ? "application/octet-stream" : type);
        Files.copy(file, response.getOutputStream());
    }
}
