package dev.awsconnectors.testhost.plugin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Set;

/**
 * Jira's XSRF rule for REST: a browser can send a form-encoded, multipart or plain-text body across sites without a
 * preflight, so such a state-changing request is refused (403) unless it carries {@code X-Atlassian-Token:
 * no-check}, which a cross-site form cannot set. JSON bodies pass, since they need a CORS preflight.
 */
final class RestXsrfCheck implements ContainerRequestFilter {
    static final String HEADER = "X-Atlassian-Token";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        MediaType type = request.getMediaType();
        boolean simpleBody = type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)
                || type.isCompatible(MediaType.TEXT_PLAIN_TYPE));
        String token = request.getHeaderString(HEADER);
        if (simpleBody && !("no-check".equalsIgnoreCase(token) || "nocheck".equalsIgnoreCase(token))) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity("{\"message\":\"XSRF check failed\",\"status-code\":403}").build());
        }
    }
}
