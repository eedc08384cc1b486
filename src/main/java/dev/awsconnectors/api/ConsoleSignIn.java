package dev.awsconnectors.api;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A one-time URL that signs its holder in to the AWS Management Console. The URL carries a sign-in token, so it is
 * a credential: {@link #toString()} does not show it.
 *
 * @since 1.0
 */
public final class ConsoleSignIn {
    private final URI url;
    private final Instant expiresAt;

    /**
     * @param url       the federation endpoint's login URL, with the sign-in token
     * @param expiresAt the time after which AWS no longer accepts the URL
     * @since 1.0
     */
    public ConsoleSignIn(URI url, Instant expiresAt) {
        this.url = Objects.requireNonNull(url, "url");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * @return the URL to open in the user's browser
     * @since 1.0
     */
    public URI getUrl() {
        return url;
    }

    /**
     * @return when AWS stops accepting the URL
     * @since 1.0
     */
    public Instant getExpiresAt() {
        return expiresAt;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConsoleSignIn)) {
            return false;
        }
        ConsoleSignIn that = (ConsoleSignIn) o;
        return url.equals(that.url) && expiresAt.equals(that.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, expiresAt);
    }

    @Override
    public String toString() {
        return "ConsoleSignIn[host=" + url.getHost() + ", expiresAt=" + expiresAt + "]";
    }
}
