package dev.awsconnectors.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Short-lived AWS credentials. {@link #toString()} shows the access key id, principal and expiry, never the
 * secret access key or the session token, so the object can be logged safely; its getters cannot.
 *
 * @since 1.0
 */
public final class TemporaryCredentials {
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;
    private final Instant expiration;
    private final String principalArn;

    /**
     * @param accessKeyId     the temporary access key id ({@code ASIA…})
     * @param secretAccessKey the secret access key
     * @param sessionToken    the session token
     * @param expiration      when AWS stops accepting the credentials
     * @param principalArn    the ARN AWS sees, e.g. {@code arn:aws:sts::123456789012:federated-user/alice}
     * @since 1.0
     */
    public TemporaryCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                                String principalArn) {
        this.accessKeyId = requireText(accessKeyId, "accessKeyId");
        this.secretAccessKey = requireText(secretAccessKey, "secretAccessKey");
        this.sessionToken = requireText(sessionToken, "sessionToken");
        this.expiration = Objects.requireNonNull(expiration, "expiration");
        this.principalArn = requireText(principalArn, "principalArn");
    }

    private static String requireText(String value, String name) {
        // The message names the field only: the value may be a secret.
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    /**
     * @return the temporary access key id
     * @since 1.0
     */
    public String getAccessKeyId() {
        return accessKeyId;
    }

    /**
     * @return the secret access key; never log it
     * @since 1.0
     */
    public String getSecretAccessKey() {
        return secretAccessKey;
    }

    /**
     * @return the session token; never log it
     * @since 1.0
     */
    public String getSessionToken() {
        return sessionToken;
    }

    /**
     * @return when AWS stops accepting the credentials
     * @since 1.0
     */
    public Instant getExpiration() {
        return expiration;
    }

    /**
     * @return the ARN of the principal AWS sees for these credentials
     * @since 1.0
     */
    public String getPrincipalArn() {
        return principalArn;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TemporaryCredentials)) {
            return false;
        }
        TemporaryCredentials that = (TemporaryCredentials) o;
        return accessKeyId.equals(that.accessKeyId) && secretAccessKey.equals(that.secretAccessKey)
                && sessionToken.equals(that.sessionToken) && expiration.equals(that.expiration)
                && principalArn.equals(that.principalArn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKeyId, expiration, principalArn);
    }

    @Override
    public String toString() {
        return "TemporaryCredentials[accessKeyId=" + accessKeyId + ", principalArn=" + principalArn
                + ", expiration=" + expiration + ", secretAccessKey=*****, sessionToken=*****]";
    }
}
