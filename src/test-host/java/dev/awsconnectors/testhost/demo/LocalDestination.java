package dev.awsconnectors.testhost.demo;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the login and WebSudo pages may send the browser afterwards: a page of this host only. Jira (Seraph's
 * {@code DefaultRedirectPolicy#allowedRedirectDestination}, atlassian-seraph 4.1.4, decompiled in
 * ngannk-fptu/Decompiled-Files: {@code com.atlassian.seraph_atlassian-seraph-4.1.4/com/atlassian/seraph/config/
 * DefaultRedirectPolicy.java}) follows a destination only when it parses as a URI with neither scheme nor host, or
 * is a URL of its own context; anything it cannot parse is refused. This host is at least as strict: a destination
 * is a path (or a URL of this very origin, as SAL's examples pass the page's full URL) that, once its dot segments
 * are resolved, stays inside the context path; anything else — {@code //host}, backslashes, other schemes,
 * encoded slashes or dots that climb out, control characters or spaces, broken percent-encoding, more than
 * {@value #MAX_LENGTH} characters — yields nothing, and the caller goes to the dashboard.
 */
final class LocalDestination {
    static final int MAX_LENGTH = 2048;
    static final String DASHBOARD = "/secure/Dashboard.jspa";
    /** Printable ASCII that has no business in a path or query (RFC 3986 neither reserves nor allows them). */
    private static final String REFUSED = "\\\"<>^`{|} ";

    private LocalDestination() {
    }

    /** The destination in the request's parameter, relative to the context path, else the dashboard. */
    static String of(HttpServletRequest request, String parameter) {
        return relativePath(request.getParameter(parameter), request.getContextPath(), request.getScheme(),
                request.getServerName(), request.getServerPort()).orElse(DASHBOARD);
    }

    /**
     * @param raw         what the browser sent (already URL-decoded once, as a request parameter)
     * @param contextPath the host's context path, e.g. {@code /jira}
     * @return the destination's path and query relative to {@code contextPath}, starting with one {@code /}
     */
    static Optional<String> relativePath(String raw, String contextPath, String scheme, String host, int port) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH || !printable(raw) || !wellEncoded(raw)) {
            return Optional.empty();
        }
        String candidate = raw;
        if (!raw.startsWith("/")) {
            Optional<String> path = pathOfOwnUrl(raw, scheme, host, port);
            if (path.isEmpty()) {
                return Optional.empty();
            }
            candidate = path.get();
        }
        int end = firstOf(candidate, '?', '#');
        String path = candidate.substring(0, end);
        String rest = candidate.substring(end);
        if (path.equals(contextPath)) {
            path = "/";
        } else if (!contextPath.isEmpty() && path.startsWith(contextPath + "/")) {
            path = path.substring(contextPath.length());
        }
        return normalized(path).map(normal -> normal + rest);
    }

    /** A URL of this very origin (scheme, host and port), as the path and query it names. */
    private static Optional<String> pathOfOwnUrl(String raw, String scheme, String host, int port) {
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawUserInfo() != null || uri.getHost() == null
                || !uri.getScheme().equalsIgnoreCase(scheme) || !uri.getHost().equalsIgnoreCase(host)
                || effectivePort(uri) != port || uri.getRawPath() == null || !uri.getRawPath().startsWith("/")) {
            return Optional.empty();
        }
        return Optional.of(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -2;
        };
    }

    /**
     * Resolves {@code .} and {@code ..} segments (also when percent-encoded), refusing a {@code ..} that would leave
     * the context, an empty segment inside the path ({@code //}) and a segment hiding a slash or backslash in
     * percent-encoding.
     */
    private static Optional<String> normalized(String path) {
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        String[] segments = path.substring(1).split("/", -1);
        Deque<String> kept = new ArrayDeque<>();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            Optional<String> decoded = decode(segment);
            if (decoded.isEmpty() || decoded.get().contains("/") || decoded.get().contains("\\")
                    || !controlFree(decoded.get())) {
                return Optional.empty();
            }
            switch (decoded.get()) {
                case "." -> {
                    if (last) {
                        kept.addLast("");
                    }
                }
                case ".." -> {
                    if (kept.isEmpty()) {
                        return Optional.empty();
                    }
                    kept.removeLast();
                    if (last) {
                        kept.addLast("");
                    }
                }
                case "" -> {
                    if (!last) {
                        return Optional.empty();
                    }
                    kept.addLast("");
                }
                default -> kept.addLast(segment);
            }
        }
        return Optional.of("/" + String.join("/", kept));
    }

    /** Visible ASCII only: no control characters (CR, LF, tab), no spaces, no characters a URL never holds raw. */
    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7e || REFUSED.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean controlFree(String text) {
        return text.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static boolean wellEncoded(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }

    /** Percent-decoding of one path segment as UTF-8; nothing for a byte sequence that is not UTF-8. */
    private static Optional<String> decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return Optional.of(segment);
        }
        ByteBuffer bytes = ByteBuffer.allocate(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                bytes.put((byte) Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static int firstOf(String text, char a, char b) {
        int first = text.length();
        int ia = text.indexOf(a);
        int ib = text.indexOf(b);
        if (ia >= 0) {
            first = ia;
        }
        if (ib >= 0 && ib < first) {
            first = ib;
        }
        return first;
    }
}
