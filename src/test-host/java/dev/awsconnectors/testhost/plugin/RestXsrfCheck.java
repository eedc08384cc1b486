package dev.awsconnectors.testhost.plugin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Atlassian REST's XSRF rule for the plugin's REST modules, run once Jersey has matched the resource method (REST
 * runs it as a resource filter, so a body type the method does not consume is 415 before it). Source: the
 * decompiled atlassian-rest-module 7.1.9 in ngannk-fptu/Decompiled-Files
 * ({@code com/atlassian/plugins/rest/common/security/jersey/XsrfResourceFilter.java} and
 * {@code XsrfResourceFilterFactory.java}, atlassian-http 3.0.3 {@code Methods}, {@code SameOrigin},
 * {@code UserAgentUtil}, sal-api 5.1.4 {@code XsrfHeaderValidator}); the README's "REST's XSRF rule" lists them.
 * <ol>
 *   <li>Every method but GET, HEAD, OPTIONS and TRACE is checked (REST checks every non-GET resource method unless
 *       it carries {@code @XsrfProtectionExcluded}; the app excludes none).</li>
 *   <li>A body a page of another site can send without a CORS preflight — no {@code Content-Type} at all, or
 *       {@code application/x-www-form-urlencoded}, {@code multipart/form-data}, {@code text/plain} (type and
 *       subtype; parameters such as {@code charset} do not matter) — needs {@code X-Atlassian-Token: no-check}
 *       (any case; the deprecated {@code nocheck} too).</li>
 *   <li>A request from a page of another origin is refused whatever its type and token: its {@code Origin}, else
 *       its {@code Referer}, is not the base URL's origin (scheme, host, port). A request whose
 *       {@code User-Agent} names a browser (REST's list of families) and that carries neither is refused too.</li>
 * </ol>
 * The answer is REST's {@code XsrfCheckFailedException}: 403 with the body {@code XSRF check failed}.
 *
 * <p>Stricter than REST 7.1.9 where no Platform 8 source says otherwise, so a request this host lets through is
 * let through by Jira: 7.1.9 only logs a PUT or DELETE that fails either check, looks at origins only when the
 * User-Agent names a browser, lets a same-origin {@code Referer} outweigh a foreign {@code Origin}, and also lets
 * through origins of its CORS allowlist and browser extensions (this host has no allowlist), and a form that
 * carries the session's {@code atl_token}.
 */
final class RestXsrfCheck implements ContainerRequestFilter {
    static final String HEADER = "X-Atlassian-Token";
    static final String FAILED = "XSRF check failed";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> SIMPLE_TYPES = Set.of("application/x-www-form-urlencoded",
            "multipart/form-data", "text/plain");
    private static final Set<String> TOKENS = Set.of("no-check", "nocheck");
    /** atlassian-http's {@code UserAgentUtil.BrowserFamily} markers, looked for anywhere in the User-Agent. */
    private static final List<String> BROWSER_MARKERS = List.of("google/", "Googlebot/", "msnbot", "webcrawler/",
            "MSIE", "Trident/", "Edge/", "Firefox", "Chrome/", "Safari/", "Opera/", "Gecko/", "Lotus-Notes/",
            "Netscape/", "Konqueror/", "KHTML");

    private final Origin base;

    /** @param baseUrl the host's base URL, whose origin is the only one pages may send from */
    RestXsrfCheck(URI baseUrl) {
        this.base = Origin.of(Objects.requireNonNull(baseUrl, "baseUrl"));
        if (base == null) {
            throw new IllegalArgumentException("The base URL " + baseUrl + " has no origin");
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return;
        }
        if (!fromThisSite(request) || (simpleBody(request.getMediaType()) && !hasToken(request))) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity(FAILED).build());
        }
    }

    /** No page of another origin sent it: by its Origin, else its Referer, else (a browser's) by neither. */
    private boolean fromThisSite(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        String referer = request.getHeaderString("Referer");
        String sender = origin != null ? origin : referer;
        if (sender == null) {
            return !fromBrowser(request.getHeaderString(HttpHeaders.USER_AGENT));
        }
        return base.equals(Origin.of(sender));
    }

    private static boolean fromBrowser(String userAgent) {
        return userAgent != null && BROWSER_MARKERS.stream().anyMatch(userAgent::contains);
    }

    private static boolean simpleBody(MediaType type) {
        return type == null || SIMPLE_TYPES.contains(
                (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
    }

    private static boolean hasToken(ContainerRequestContext request) {
        String token = request.getHeaderString(HEADER);
        return token != null && TOKENS.contains(token.strip().toLowerCase(Locale.ROOT));
    }

    /** Scheme, host and port, with the scheme's default port filled in; {@code null} for what has none. */
    private record Origin(String scheme, String host, int port) {
        static Origin of(String text) {
            try {
                return of(new URI(text.strip()));
            } catch (URISyntaxException e) {
                return null;
            }
        }

        static Origin of(URI uri) {
            if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort()
                    : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
            return new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
        }
    }
}
