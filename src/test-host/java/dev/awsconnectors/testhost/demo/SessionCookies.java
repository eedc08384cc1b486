package dev.awsconnectors.testhost.demo;

import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;

/**
 * The session cookie as a Jira browser gets it: {@code HttpOnly}, so page scripts cannot read it (Tomcat, which runs
 * Jira, sets it on the session cookie by default: its Context's {@code useHttpOnly} defaults to true);
 * {@code SameSite=Lax}, which is what browsers apply to Jira's session cookie, sent without the attribute
 * (resolution.de, "WebSudo Authentication kills session": "Confluence or Jira sends the session cookie (usually
 * called JSESSIONID) without the SameSite flag. Actual browsers interpret this absent value as 'Lax'") — written
 * out here so that every browser the tests drive behaves alike; and {@code Secure} when the host is served over
 * TLS, so the cookie never travels in clear text.
 */
final class SessionCookies {
    private SessionCookies() {
    }

    static void configure(SessionHandler sessions, boolean servedOverTls) {
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.LAX);
        sessions.setSecureCookies(servedOverTls);
    }
}
