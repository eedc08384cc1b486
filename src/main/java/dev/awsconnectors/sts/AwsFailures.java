package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.KeyMaterial;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.awsclients.AwsClientSettings;
import dev.awsconnectors.awsclients.HostCredentialsUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns an AWS SDK failure into the API's {@link AwsRequestFailedException}, with a message an administrator can act
 * on: which call failed, on which resource, and what to check. AWS's own message is added only after that sentence,
 * and only for codes where it helps (access denied, malformed policy, packed size, validation), cut short and with
 * anything shaped like key material removed. AWS's error code and request id are kept.
 *
 * <p>Each failure is an {@link AwsCallFailedException}, which also carries what a user who is not an administrator
 * is told ({@link UserText}: what they can do, with no account, ARN or AWS message) and a short reason for the audit
 * log that says what happened: AWS's error code, "AWS not reachable", or what AWS answered when it answered
 * something that is not an AWS error.
 *
 * <p>Nothing is logged here: the exception is thrown, and whoever catches it decides.
 *
 * <p>Used for every AWS service the app calls (STS, IAM): the service's name comes from the {@link AwsCall}.
 */
public final class AwsFailures {
    /** The audit reason when AWS could not be reached at all. */
    public static final String NOT_REACHABLE = "AWS not reachable";
    /** The audit reason when AWS answered with something that could not be read. */
    public static final String UNREADABLE = "AWS answered with a response that could not be read";

    /** Longer AWS messages are cut: they are shown in pages and REST answers. */
    static final int MAX_AWS_MESSAGE = 400;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}]+");

    /**
     * What was being called, for the messages.
     *
     * @param service      {@code "AWS STS"} or {@code "AWS IAM"}
     * @param operation    the API action, e.g. {@code AssumeRole}
     * @param target       what it was called on, e.g. {@code role arn:aws:iam::123456789012:role/Dev}
     * @param host         the host that was called (for "could not be reached")
     * @param region       the account's region
     * @param accountName  the Jira account's name
     * @param accountType  how the account signs its calls
     * @param connectorName the connector's name, or null when the call is for the account itself
     * @param accessHint   what to check when AWS denies access: the permissions and trust the call needs
     * @param mfaCodeSent  whether the call carried a code the user typed, so that a denial may be the code's
     */
    public record AwsCall(String service, String operation, String target, String host, String region,
                          String accountName, AccountType accountType, String connectorName, String accessHint,
                          boolean mfaCodeSent) {
        public AwsCall {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(host, "host");
        }

        /** A call without an MFA code. */
        public AwsCall(String service, String operation, String target, String host, String region,
                       String accountName, AccountType accountType, String connectorName, String accessHint) {
            this(service, operation, target, host, region, accountName, accountType, connectorName, accessHint,
                    false);
        }

        private String forWhom() {
            return connectorName == null ? "account '" + accountName + "'" : "connector '" + connectorName + "'";
        }
    }

    private final AwsClientSettings settings;

    /** @param settings the settings the clients were built with, for "after N attempts" and timeouts */
    public AwsFailures(AwsClientSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The exception to throw for a failed SDK call. */
    public AwsCallFailedException map(SdkException failure, AwsCall call) {
        if (failure instanceof AwsServiceException) {
            return service((AwsServiceException) failure, call);
        }
        if (failure instanceof SdkServiceException) {
            // A service answer the SDK could not read as an AWS error.
            SdkServiceException e = (SdkServiceException) failure;
            return serviceStatus(e.statusCode(), null, e.requestId(), attempts(e), call);
        }
        return client(failure, call);
    }

    private AwsCallFailedException service(AwsServiceException e, AwsCall call) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String awsMessage = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        String requestId = e.requestId();
        int status = e.statusCode();
        String message;
        UserText user;
        if (code == null || code.isEmpty()) {
            return serviceStatus(status, null, requestId, attempts(e), call);
        }
        switch (code) {
            case "AccessDenied":
            case "AccessDeniedException":
                message = call.service() + " denied " + call.operation() + " on " + call.target() + " for "
                        + call.forWhom() + " (" + code + "). Check that " + call.accessHint() + "."
                        + awsSaid(awsMessage);
                // With a typed code, the code is what the user can do something about; the rest is the admin's.
                user = call.mfaCodeSent() ? UserText.of("awsc.aws.user.mfaRejected")
                        : UserText.of("awsc.aws.user.refused", code);
                break;
            case "InvalidClientTokenId":
            case "SignatureDoesNotMatch":
            case "UnrecognizedClientException":
            case "InvalidAccessKeyId":
                message = call.accountType() == AccountType.HOST_ROLE
                        ? call.service() + " refused the credentials of the host's role (" + code + ") when "
                        + "calling " + call.operation() + " for account '" + call.accountName() + "'. Check the "
                        + "instance profile or task role Jira runs with, and that the account's partition and "
                        + "region match it."
                        : call.service() + " refused the access key of account '" + call.accountName() + "' ("
                        + code + ") when calling " + call.operation() + ": the access key ID or secret access key "
                        + "is wrong, or the key was deleted or deactivated in IAM. Re-enter the key in the "
                        + "account, or create a new access key for its IAM user and rotate to it.";
                user = UserText.of("awsc.aws.user.account", code);
                break;
            case "ExpiredToken":
            case "ExpiredTokenException":
                message = call.service() + " refused " + call.operation() + " for account '" + call.accountName()
                        + "' because the credentials that signed it have expired (" + code + "). "
                        + (call.accountType() == AccountType.HOST_ROLE
                        ? "Check that the host's role credentials are being refreshed (instance metadata or "
                        + "container credentials endpoint) and that the Jira server's clock is correct."
                        : "Check that the Jira server's clock is correct, and that the account holds a long-term "
                        + "access key of an IAM user, not temporary credentials.");
                user = UserText.of("awsc.aws.user.account", code);
                break;
            case "RequestExpired":
                message = call.service() + " refused " + call.operation() + " for account '" + call.accountName()
                        + "' because the request's time is too far from AWS's (" + code + "). Correct the Jira "
                        + "server's clock (NTP).";
                user = UserText.of("awsc.aws.user.account", code);
                break;
            case "MalformedPolicyDocument":
            case "MalformedPolicyDocumentException":
                message = call.service() + " refused the session policy of " + call.forWhom() + " as malformed ("
                        + code + ") when calling " + call.operation() + ". Fix the connector's inline policy JSON "
                        + "and policy ARNs." + awsSaid(awsMessage);
                user = UserText.of("awsc.aws.user.settings", code);
                break;
            case "PackedPolicyTooLarge":
            case "PackedPolicyTooLargeException":
                message = call.service() + " refused " + call.operation() + " for " + call.forWhom()
                        + ": the session policy, policy ARNs and session tags are too large together once AWS "
                        + "packs them (" + code + "). Shorten the connector's policy, use fewer policy ARNs, or turn "
                        + "off session tags." + awsSaid(awsMessage);
                user = UserText.of("awsc.aws.user.settings", code);
                break;
            case "RegionDisabledException":
            case "RegionDisabled":
                message = call.service() + " is not activated in region " + call.region() + " for the AWS account "
                        + "that " + call.operation() + " needs (" + code + "). Activate STS for " + call.region()
                        + " in the IAM console (Account settings, Security Token Service endpoints), or choose "
                        + "another region for account '" + call.accountName() + "'.";
                user = UserText.of("awsc.aws.user.account", code);
                break;
            case "Throttling":
            case "ThrottlingException":
            case "RequestLimitExceeded":
            case "TooManyRequestsException":
                message = throttled(code, e, call);
                user = UserText.of("awsc.aws.user.throttled", attemptCount(e));
                break;
            default:
                if (e.isThrottlingException()) {
                    message = throttled(code, e, call);
                    user = UserText.of("awsc.aws.user.throttled", attemptCount(e));
                } else if (status >= 500) {
                    return serviceStatus(status, code, requestId, attempts(e), call);
                } else {
                    message = call.service() + " refused " + call.operation() + " on " + call.target() + " for "
                            + call.forWhom() + " (" + code + ", HTTP " + status + ")." + awsSaid(awsMessage);
                    user = UserText.of("awsc.aws.user.refused", code);
                }
        }
        return AwsCallFailedException.of(message, user, code, code, requestId);
    }

    private String throttled(String code, SdkException e, AwsCall call) {
        return call.service() + " throttled " + call.operation() + " for account '" + call.accountName() + "' ("
                + code + ") and the call still failed after " + attemptsText(e) + ". Try again in a minute; if it "
                + "keeps happening, " + (call.service().equals("AWS STS") ? "request credentials less often or " : "")
                + "ask AWS for a higher " + shortName(call) + " request quota.";
    }

    private AwsCallFailedException serviceStatus(int status, String code, String requestId, Integer attempts,
                                                 AwsCall call) {
        if (status >= 500) {
            // With no code, the body was not an AWS error: a proxy's or load balancer's page, most likely.
            String what = code == null ? "HTTP " + status + " with a body that is not an AWS error"
                    : "HTTP " + status + ", " + code;
            String message = call.service() + " at " + call.host() + " failed " + call.operation() + " with an "
                    + "error on its side (" + what + "), after " + attemptsText(attempts) + ". Try again later, and "
                    + "check the AWS Health Dashboard for " + shortName(call) + " in " + call.region()
                    + (code == null ? ", and the proxy or load balancer in between." : " (or the proxy in between).");
            String reason = code == null ? "AWS answered HTTP " + status + " with a body that is not an AWS error"
                    : code;
            return AwsCallFailedException.of(message, UserText.of("awsc.aws.user.serverError", status,
                    attempts == null ? settings.maxAttempts() : attempts), reason, code, requestId);
        }
        String what = code == null ? "HTTP " + status : "HTTP " + status + ", " + code;
        String message = call.service() + " at " + call.host() + " answered " + call.operation() + " with " + what
                + " in a form Jira could not read. Check that the account's endpoint override points at "
                + call.service() + ".";
        return AwsCallFailedException.of(message, UserText.of("awsc.aws.user.unreadable"),
                code == null ? "AWS answered HTTP " + status + " with a body that is not an AWS error" : code,
                code, requestId);
    }

    private AwsCallFailedException client(SdkException e, AwsCall call) {
        if (findCause(e, HostCredentialsUnavailableException.class) != null) {
            return AwsCallFailedException.of("The credentials of the host's role could not be loaded for "
                    + "account '" + call.accountName() + "' when calling " + call.operation() + ": neither a "
                    + "container credentials endpoint (ECS or EKS task role) nor an EC2 instance profile answered. "
                    + "Run Jira with a task role or instance profile, or give the account an access key instead.",
                    UserText.of("awsc.aws.user.account", "no credentials"),
                    "the host role's credentials could not be loaded", null, null);
        }
        String reason = unreachableReason(e);
        if (reason != null) {
            return AwsCallFailedException.of(call.service() + " at " + call.host() + " could not be reached: "
                    + reason + " Check the network path from Jira to AWS (DNS, firewall, proxy, VPC endpoint) and "
                    + "the account's endpoint override.", UserText.of("awsc.aws.user.unreachable"),
                    NOT_REACHABLE, null, null);
        }
        String sdkMessage = e.getMessage() == null ? "" : e.getMessage();
        if (sdkMessage.startsWith("Unable to unmarshall response")) {
            return AwsCallFailedException.of(call.service() + " at " + call.host() + " answered "
                    + call.operation() + " with a response Jira could not read (cut short, or not AWS's XML). Check "
                    + "that the account's endpoint override points at " + call.service() + ", and try again.",
                    UserText.of("awsc.aws.user.unreadable"), UNREADABLE, null, null);
        }
        return AwsCallFailedException.of(call.service() + " at " + call.host() + ": " + call.operation()
                + " for " + call.forWhom() + " failed before an answer could be used ("
                + clean(e.getMessage()) + ").", UserText.of("awsc.aws.user.failed"),
                "the call failed before AWS's answer could be used", null, null);
    }

    /**
     * AWS answered, but not with anything that could be read ({@code operation} without complete credentials, a
     * body cut short, not AWS's XML).
     */
    public static AwsCallFailedException unreadable(String adminMessage) {
        return AwsCallFailedException.of(adminMessage, UserText.of("awsc.aws.user.unreadable"), UNREADABLE, null,
                null);
    }

    /** Why the host could not be reached, as a sentence; null if the failure was something else. */
    private String unreachableReason(Throwable e) {
        if (e instanceof ApiCallTimeoutException || findCause(e, ApiCallTimeoutException.class) != null) {
            return "no answer within " + seconds(settings.apiCallTimeout()) + " in all ("
                    + attemptsText(settings.maxAttempts()) + " at most).";
        }
        if (e instanceof ApiCallAttemptTimeoutException
                || findCause(e, ApiCallAttemptTimeoutException.class) != null
                || findCause(e, SocketTimeoutException.class) != null
                || findCause(e, HttpTimeoutException.class) != null
                || findCause(e, InterruptedIOException.class) != null) {
            return "no answer within " + seconds(settings.apiCallAttemptTimeout()) + " per attempt ("
                    + attemptsText(settings.maxAttempts()) + " at most).";
        }
        if (findCause(e, UnknownHostException.class) != null) {
            return "its host name could not be resolved.";
        }
        if (findCause(e, ConnectException.class) != null) {
            return "the connection was refused.";
        }
        if (findCause(e, NoRouteToHostException.class) != null) {
            return "there is no route to the host.";
        }
        IOException io = findCause(e, IOException.class);
        if (io != null) {
            return "the connection failed (" + io.getClass().getSimpleName() + ").";
        }
        return null;
    }

    /** {@code STS} for {@code AWS STS}. */
    private static String shortName(AwsCall call) {
        return call.service().startsWith("AWS ") ? call.service().substring(4) : call.service();
    }

    /** {@code 10 s}, or {@code 250 ms} for a duration that is not whole seconds. */
    public static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            return (millis / 1000) + " s";
        }
        return millis + " ms";
    }

    private String attemptsText(SdkException e) {
        return attemptsText(attempts(e));
    }

    private String attemptsText(Integer attempts) {
        int n = attempts == null ? settings.maxAttempts() : attempts;
        return n == 1 ? "1 attempt" : n + " attempts";
    }

    private int attemptCount(SdkException e) {
        Integer attempts = attempts(e);
        return attempts == null ? settings.maxAttempts() : attempts;
    }

    private static Integer attempts(SdkException e) {
        return e.numAttempts();
    }

    private static String awsSaid(String awsMessage) {
        String cleaned = clean(awsMessage);
        return cleaned.isEmpty() ? "" : " AWS said: " + cleaned;
    }

    /**
     * A message from AWS or the SDK, fit to show: on one line, without anything shaped like key material, and cut
     * to {@value #MAX_AWS_MESSAGE} characters.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = CONTROL.matcher(text).replaceAll(" ").strip();
        String redacted = KeyMaterial.redacted(oneLine);
        if (redacted.length() > MAX_AWS_MESSAGE) {
            int cut = MAX_AWS_MESSAGE;
            if (Character.isHighSurrogate(redacted.charAt(cut - 1))) {
                cut--;
            }
            redacted = redacted.substring(0, cut) + "…";
        }
        return redacted;
    }

    static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        Throwable current = e;
        for (int depth = 0; current != null && depth < 20; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            for (Throwable suppressed : current.getSuppressed()) {
                if (type.isInstance(suppressed)) {
                    return type.cast(suppressed);
                }
            }
            current = current.getCause();
        }
        return null;
    }
}
