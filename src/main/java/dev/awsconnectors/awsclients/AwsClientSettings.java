package dev.awsconnectors.awsclients;

import java.time.Duration;
import java.util.Objects;

/**
 * The timeouts and retries every AWS client of the app is built with (see {@link AwsClients}); a constructor
 * parameter so that tests can shorten them.
 */
public record AwsClientSettings(Duration connectTimeout, Duration socketTimeout, Duration apiCallAttemptTimeout,
                                Duration apiCallTimeout, int maxAttempts, Duration baseBackoff, Duration maxBackoff,
                                Duration throttlingBaseBackoff, Duration maxThrottlingBackoff) {

    public AwsClientSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        Objects.requireNonNull(apiCallAttemptTimeout, "apiCallAttemptTimeout");
        Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
        Objects.requireNonNull(baseBackoff, "baseBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(throttlingBaseBackoff, "throttlingBaseBackoff");
        Objects.requireNonNull(maxThrottlingBackoff, "maxThrottlingBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** 5 s connect, 10 s read, 10 s per attempt, 25 s per call, 3 attempts. */
    public static AwsClientSettings defaults() {
        return new AwsClientSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(25), 3, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofMillis(500), Duration.ofSeconds(5));
    }

    /** The same settings with other timeouts. */
    public AwsClientSettings withTimeouts(Duration connect, Duration socket, Duration attempt, Duration call) {
        return new AwsClientSettings(connect, socket, attempt, call, maxAttempts, baseBackoff, maxBackoff,
                throttlingBaseBackoff, maxThrottlingBackoff);
    }

    /** The same settings with another number of attempts and back-off delays. */
    public AwsClientSettings withRetries(int attempts, Duration base, Duration max) {
        return new AwsClientSettings(connectTimeout, socketTimeout, apiCallAttemptTimeout, apiCallTimeout, attempts,
                base, max, base, max);
    }
}
