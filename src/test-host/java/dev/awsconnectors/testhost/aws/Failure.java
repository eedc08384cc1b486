package dev.awsconnectors.testhost.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * A way for the double to misbehave on purpose, to test how callers cope: answer late, close the connection with
 * no answer, fail with a 5xx, throttle, answer 200 with a body cut short, or answer 500 with a web page instead of
 * AWS's error (as a proxy or load balancer in front of AWS does).
 */
public final class Failure {

    enum Kind { DELAY, CLOSE_CONNECTION, INTERNAL_FAILURE, SERVICE_UNAVAILABLE, THROTTLING, MALFORMED_BODY, AWS_ERROR, HTML_SERVER_ERROR }

    private final Kind kind;
    private final Duration delay;
    private final AwsException error;

    private Failure(Kind kind, Duration delay) {
        this(kind, delay, null);
    }

    private Failure(Kind kind, Duration delay, AwsException error) {
        this.kind = kind;
        this.delay = delay;
        this.error = error;
    }

    /**
     * Any AWS error in AWS's shape, for conditions the double does not model itself, such as an STS region the
     * account has not activated ({@code 403 RegionDisabledException}).
     */
    public static Failure awsError(int status, String code, String message) {
        return new Failure(Kind.AWS_ERROR, Duration.ZERO, new AwsException(status, code, message, status < 500));
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

    /** HTTP 500 whose body is an HTML page, not AWS's error XML. */
    public static Failure htmlServerError() {
        return new Failure(Kind.HTML_SERVER_ERROR, Duration.ZERO);
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

    AwsException error() {
        return error;
    }

    @Override
    public String toString() {
        if (kind == Kind.DELAY) {
            return "DELAY(" + delay + ")";
        }
        return kind == Kind.AWS_ERROR ? "AWS_ERROR(" + error.code() + ")" : kind.name();
    }
}
