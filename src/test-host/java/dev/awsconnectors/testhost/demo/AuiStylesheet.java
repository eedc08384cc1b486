package dev.awsconnectors.testhost.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * AUI's stylesheet, served locally at {@code /static/aui/aui.css} (Jira pages load AUI from Jira itself, never from
 * the internet). The {@code demo} build profile unpacks AUI's npm package into {@code target/aui} when npm is
 * installed; the files next to its {@code aui-prototyping.css} (fonts, images) are served too. Without it, a tiny
 * built-in stylesheet keeps the pages readable, and a log line says so.
 */
final class AuiStylesheet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AuiStylesheet.class.getName());
    static final String CSS_NAME = "aui-prototyping.css";

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

    private AuiStylesheet(Optional<Path> directory) {
        this.directory = directory;
    }

    /** Finds AUI under {@code auiDirectory}; logs once when it is not there. */
    static AuiStylesheet lookIn(Path auiDirectory) {
        Optional<Path> css = find(auiDirectory);
        if (css.isEmpty()) {
            LOG.info("AUI is not unpacked in " + auiDirectory.toAbsolutePath() + " (mvn -Pdemo does it when npm is"
                    + " installed); pages use a small built-in stylesheet instead");
        }
        return new AuiStylesheet(css.map(Path::getParent));
    }

    private static Optional<Path> find(Path auiDirectory) {
        if (!Files.isDirectory(auiDirectory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(auiDirectory, 6)) {
            return files.filter(p -> p.getFileName().toString().equals(CSS_NAME)).findFirst();
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
        Path file = name.equals("/aui.css") ? root.resolve(CSS_NAME) : root.resolve(name.substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String type = Files.probeContentType(file);
        response.setContentType(file.toString().endsWith(".css") ? "text/css;charset=UTF-8"
                : type == null ? "application/octet-stream" : type);
        Files.copy(file, response.getOutputStream());
    }
}
