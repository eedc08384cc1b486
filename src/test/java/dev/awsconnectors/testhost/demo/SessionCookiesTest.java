package dev.awsconnectors.testhost.demo;

import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCookiesTest {
    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndSecureOnlyOverTls() {
        SessionHandler plain = new SessionHandler();
        SessionCookies.configure(plain, false);
        SessionHandler tls = new SessionHandler();
        SessionCookies.configure(tls, true);

        assertThat(plain.isHttpOnly()).isTrue();
        assertThat(plain.getSameSite()).hasToString("LAX");
        assertThat(plain.isSecureCookies()).isFalse();
        assertThat(tls.isSecureCookies()).isTrue();
    }
}
