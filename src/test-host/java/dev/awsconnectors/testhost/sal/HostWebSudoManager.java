package dev.awsconnectors.testhost.sal;

import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.sal.api.websudo.WebSudoSessionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Jira's "secure administrator session" (WebSudo): an administrator who wants to change settings types the password
 * again on a re-authentication page, and the session is then elevated for {@link #ELEVATION} — like Jira, which
 * keeps it for 10 minutes by default. The elevation lives in the HTTP session, so logging out ends it too.
 */
public final class HostWebSudoManager implements WebSudoManager {
    /** How long one re-authentication lasts. */
    public static final Duration ELEVATION = Duration.ofMinutes(10);
    /** The re-authentication page, relative to the context path (Jira's own URL). */
    public static final String PAGE_PATH = "/secure/admin/WebSudoAuthenticate.jspa";
    public static final String DESTINATION_PARAMETER = "webSudoDestination";

    private static final String SESSION_ATTRIBUTE = HostWebSudoManager.class.getName() + ".until";

    private final HostUsers users;
    private final Clock clock;

    public HostWebSudoManager(HostUsers users, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean canExecuteRequest(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || users.getRemoteUserKey() == null) {
            return false;
        }
        Object until = session.getAttribute(SESSION_ATTRIBUTE);
        return until instanceof Instant instant && clock.instant().isBefore(instant);
    }

    /** Sends the browser to the re-authentication page, which comes back to this request's URL afterwards. */
    @Override
    public void enforceWebSudoProtection(HttpServletRequest request, HttpServletResponse response) {
        String destination = request.getRequestURI().substring(request.getContextPath().length())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        try {
            response.sendRedirect(request.getContextPath() + PAGE_PATH + "?" + DESTINATION_PARAMETER + "="
                    + URLEncoder.encode(destination, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void willExecuteWebSudoRequest(HttpServletRequest request) throws WebSudoSessionException {
        if (!canExecuteRequest(request)) {
            throw new WebSudoSessionException("This action needs a secure administrator session; "
                    + "confirm your password first.");
        }
    }

    /**
     * Checks the current user's password again and, when it is right, elevates the session.
     *
     * @return whether the password was right
     */
    public boolean reauthenticate(HttpServletRequest request, String password) {
        var user = users.getRemoteUser();
        if (user == null || !users.authenticate(user.getUsername(), password)) {
            return false;
        }
        request.getSession(true).setAttribute(SESSION_ATTRIBUTE, clock.instant().plus(ELEVATION));
        return true;
    }

    /** Ends the elevation (Jira's "drop access" link). */
    public void drop(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_ATTRIBUTE);
        }
    }
}
