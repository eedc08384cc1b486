package dev.awsconnectors.testhost.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Small helpers shared by the host's pages. */
final class Pages {
    private Pages() {
    }

    static void html(HttpServletResponse response, String page) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }

    /** The request's path and query within the host, to come back to after logging in. */
    static URI returnUri(HttpServletRequest request) {
        return URI.create(request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
    }
}
