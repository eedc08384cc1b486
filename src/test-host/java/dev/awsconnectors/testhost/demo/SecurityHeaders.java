package dev.awsconnectors.testhost.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The anti-clickjacking headers Jira adds to every response ("To prevent clickjacking, Jira adds the X-Frame-Options
 * and Content-Security-Policy security headers to each HTTP response": Atlassian KB "Security headers in Jira",
 * https://confluence.atlassian.com/jirakb/security-headers-in-jira-939919914.html, with the values
 * {@code SAMEORIGIN} and {@code frame-ancestors 'self'}). Set before the request goes on, so the host's pages, the
 * plugin's servlets, REST answers and error pages all carry them; a page that only works inside a foreign frame
 * fails here as it would in Jira.
 */
final class SecurityHeaders extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final String FRAME_OPTIONS = "SAMEORIGIN";
    static final String CONTENT_SECURITY_POLICY = "frame-ancestors 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", FRAME_OPTIONS);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        chain.doFilter(request, response);
    }
}
