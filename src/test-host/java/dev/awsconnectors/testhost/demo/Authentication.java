package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.sal.HostTokens;
import dev.awsconnectors.testhost.sal.HostUsers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Who makes a request, as Jira's authentication filters decide it: the user of the session (form login), else the
 * user of an HTTP Basic {@code Authorization} header (scripts; wrong credentials are answered 401, no session is
 * made), else the user of a personal access token ({@code Authorization: Bearer <token>}, from {@link HostTokens};
 * a wrong token is answered 401 with {@code WWW-Authenticate: Bearer}); wrong credentials get Seraph's answer. The user is put into {@link HostUsers}
 * for the request's thread and taken out again afterwards, so a pooled thread never carries a user into the next
 * request.
 */
final class Authentication extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final String SESSION_USER = "dev.awsconnectors.demo.user";
    static final String FAILURE = "Basic Authentication Failure - Reason : AUTHENTICATED_FAILED";

    private final transient HostUsers users;
    private final transient HostTokens tokens;

    Authentication(HostUsers users, HostTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String user = sessionUser(request);
        String header = request.getHeader("Authorization");
        if (user == null && header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            user = basicUser(header.substring(6).strip());
            if (user == null) {
                refuse(response);
                return;
            }
        } else if (user == null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            user = tokenUser(header.substring(7).strip());
            if (user == null) {
                response.setHeader("WWW-Authenticate", "Bearer");
                refuse(response);
                return;
            }
        }
        try (HostUsers.Scope ignored = users.actAs(user)) {
            chain.doFilter(request, response);
        }
    }

    /**
     * Wrong credentials, answered as Jira's Seraph answers them, on REST as on pages (atlassian-seraph 4.1.4,
     * {@code auth/DefaultAuthenticator#getUser}, decompiled in ngannk-fptu/Decompiled-Files): status 401, the
     * reason in {@code X-Seraph-LoginReason} ({@code auth/LoginReason}), and the error "Basic Authentication Failure
     * - Reason : AUTHENTICATED_FAILED", which Jira renders in its HTML error page. Not JSON: scripts see the
     * status and header, as they do with Jira. Jira's answer to a wrong personal access token is not established;
     * this host gives it the same shape, with {@code WWW-Authenticate: Bearer}.
     */
    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("X-Seraph-LoginReason", "AUTHENTICATED_FAILED");
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(("<!DOCTYPE html><html><head><title>Unauthorized (401)</title></head><body>"
                + "<div class=\"aui-message aui-message-warning warning\"><p>Encountered a "
                + "<code>&quot;401 - Unauthorized&quot;</code> error while loading this page.</p>"
                + "<p>" + FAILURE + "</p></div></body></html>").getBytes(StandardCharsets.UTF_8));
    }

    private String sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object name = session == null ? null : session.getAttribute(SESSION_USER);
        // A user removed from the users file since logging in no longer counts.
        return name instanceof String userName && users.getUserProfile(userName) != null ? userName : null;
    }

    private String basicUser(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String name = decoded.substring(0, colon);
        return users.authenticate(name, decoded.substring(colon + 1))
                ? users.getUserProfile(name).getUsername() : null;
    }

    private String tokenUser(String token) {
        // A token of a user removed from the users file no longer counts.
        return tokens.userOf(token).map(users::getUserProfile).map(profile -> profile.getUsername()).orElse(null);
    }

    /** Logs the user in for this browser: a new session (against session fixation) holding the user name. */
    static void logIn(HttpServletRequest request, String userName) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true).setAttribute(SESSION_USER, userName);
    }
}
