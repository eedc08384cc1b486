package dev.awsconnectors.testhost.webresource;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a web resource as a page links it: its path below the context path and whether the page's head
 * writes it as a stylesheet or a script.
 *
 * @param path e.g. {@code /download/resources/<plugin key>:<module key>/<name>}
 */
public record WebResourceFile(String path, Kind kind) {
    /** How the page's head links a file. */
    public enum Kind { STYLESHEET, SCRIPT }

    public WebResourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A web resource's path starts with /: " + path);
        }
    }

    /** A stylesheet or a script by its name's extension; other files (images, fonts) are not linked from the head. */
    public static Optional<WebResourceFile> byExtension(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".css")) {
            return Optional.of(new WebResourceFile(path, Kind.STYLESHEET));
        }
        if (name.endsWith(".js")) {
            return Optional.of(new WebResourceFile(path, Kind.SCRIPT));
        }
        return Optional.empty();
    }
}
