package dev.awsconnectors.testhost.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * A way for the double to misbehave on purpose, to test how callers cope: answer late, close the connection with
 * no answer, fail with a 5xx, throttle, or answer 200 with a body cut short.
 */
public final class Failure {

    enum Kind { DELAY, CLOSE_CONNECTION, INTERNAL_FAILURE, SERVICE_UNAVAILABLE, THROTTLING, MALFORMED_BODY }

    private final Kind kind;
    private final Duration delay;

    private Failure(Kind kind, Duration delay) {
        this.kind = kind;
        this.delay = delay;
    }

    /** Waits this long, then answers normally (useful against client read timeouts). */
    public static Failure delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        return new Failure(Kind.DELAY, delay);
    }

    /** Closes the connection without sending a status line, as a crashed or reset server would. */
    public static Failure closeConnection() {
        return new Failure(Kind.CLOSE_CONNECTION, Duration.ZERO);
    }

    /** HTTP 500 with AWS's InternalFailure error. */
    public static Failure internalFailure() {
        return new Failure(Kind.INTERNAL_FAILURE, Duration.ZERO);
    }

    /** HTTP 503 with AWS's ServiceUnavailable error. */
    public static Failure serviceUnavailable() {
        return new Failure(Kind.SERVICE_UNAVAILABLE, Duration.ZERO);
    }

    /** HTTP 400 with AWS's Throttling error, "Rate exceeded". */
    public static Failure throttling() {
        return new Failure(Kind.THROTTLING, Duration.ZERO);
    }

    /** HTTP 200 whose XML body stops half way. */
    public static Failure malformedBody() {
        return new Failure(Kind.MALFORMED_BODY, Duration.ZERO);
    }

    Kind kind() {
        return kind;
    }

    Duration delayDuration() {
        return delay;
    }

    @Override
    public String toString() {
        return kind == Kind.DELAY ? "DELAY(" + delay + ")" : kind.name();
    }
}
