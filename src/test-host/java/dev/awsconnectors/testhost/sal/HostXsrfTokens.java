package dev.awsconnectors.testhost.sal;

import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * XSRF tokens as Jira hands them out and checks them: one random token per browser, kept in the session and in the
 * cookie {@value #COOKIE_NAME} (pages put it in forms as {@value #PARAMETER_NAME}); a form-encoded request is valid
 * only when its {@value #PARAMETER_NAME} parameter equals the browser's token.
 */
public final class HostXsrfTokens implements XsrfTokenValidator, XsrfTokenAccessor {
    public static final String COOKIE_NAME = "atlassian.xsrf.token";
    public static final String PARAMETER_NAME = "atl_token";

    private static final String SESSION_ATTRIBUTE = COOKIE_NAME;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String getXsrfToken(HttpServletRequest request, HttpServletResponse response, boolean create) {
        String token = existingToken(request);
        if (token == null && create) {
            byte[] bytes = new byte[20];
            random.nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
            request.getSession(true).setAttribute(SESSION_ATTRIBUTE, token);
            Cookie cookie = new Cookie(COOKIE_NAME, token);
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setHttpOnly(false); // Jira's pages read it from JavaScript for AJAX requests.
            response.addCookie(cookie);
        }
        return token;
    }

    @Override
    public boolean validateFormEncodedToken(HttpServletRequest request) {
        String expected = existingToken(request);
        String given = request.getParameter(PARAMETER_NAME);
        // Constant-time comparison: the token is a secret of the browser.
        return expected != null && given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String getXsrfParameterName() {
        return PARAMETER_NAME;
    }

    /** The session's token, else the cookie's (a session that expired keeps the browser's token, as in Jira). */
    private static String existingToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof String token) {
            return token;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE_NAME.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
