package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.KeyMaterial;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.awsclients.AwsClientSettings;
import dev.awsconnectors.awsclients.HostCredentialsUnavailableException;
import dev.awsconnectors.i18n.Text;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Serializable;
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
 * on: which call failed, on which resource, and what to check, as a {@link Text} of the i18n bundle (keys
 * {@code awsc.aws.admin.*}) that the pages and REST say in the reader's language and the exception's own message
 * and the audit log in the bundle's English. AWS's own message is added only after that sentence,
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
     *                     ({@code awsc.aws.target.*})
     * @param host         the host that was called (for "could not be reached")
     * @param region       the account's region
     * @param accountName  the Jira account's name
     * @param accountType  how the account signs its calls
     * @param connectorName the connector's name, or null when the call is for the account itself
     * @param accessHint   what to check when AWS denies access: the permissions and trust the call needs
     *                     ({@code awsc.aws.hint.*}, the end of "Check that …")
     * @param mfaCodeSent  whether the call carried a code the user typed, so that a denial may be the code's
     */
    public record AwsCall(String service, String operation, Text target, String host, String region,
                          String accountName, AccountType accountType, String connectorName, Text accessHint,
                          boolean mfaCodeSent) {
        public AwsCall {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(host, "host");
        }

        /** A call without an MFA code. */
        public AwsCall(String service, String operation, Text target, String host, String region,
                       String accountName, AccountType accountType, String connectorName, Text accessHint) {
            this(service, operation, target, host, region, accountName, accountType, connectorName, accessHint,
                    false);
        }

        private Text forWhom() {
            return connectorName == null ? Text.of("awsc.aws.admin.forAccount", accountName)
                    : Text.of("awsc.aws.admin.forConnector", connectorName);
        }
    }

    private final AwsClientSettings settings;

    /** AWS's codes for a web identity token it did not accept (STS API reference, AssumeRoleWithWebIdentity). */
    private static final java.util.Set<String> WEB_IDENTITY_REFUSALS = java.util.Set.of("InvalidIdentityToken",
            "ExpiredTokenException", "ExpiredToken", "IDPRejectedClaim", "IDPCommunicationError");

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
        Text message;
        UserText user;
        if (code == null || code.isEmpty()) {
            return serviceStatus(status, null, requestId, attempts(e), call);
        }
        if (call.accountType() == AccountType.WEB_IDENTITY && WEB_IDENTITY_REFUSALS.contains(code)) {
            // The token, not a key, was refused: what the admin checks is the identity provider in IAM.
            return AwsCallFailedException.of(Text.of("awsc.aws.admin.webIdentityRefused", call.service(),
                            call.accountName(), call.operation(), code, call.accessHint(), awsSaid(awsMessage)),
                    UserText.of("awsc.aws.user.account", code), code, code, requestId);
        }
        switch (code) {
            case "AccessDenied":
            case "AccessDeniedException":
                message = Text.of("awsc.aws.admin.denied", call.service(), call.operation(), call.target(),
                        call.forWhom(), code, call.accessHint(), awsSaid(awsMessage));
                // With a typed code, the code is what the user can do something about; the rest is the admin's.
                user = call.mfaCodeSent() ? UserText.of("awsc.aws.user.mfaRejected")
                        : UserText.of("awsc.aws.user.refused", code);
                break;
            case "InvalidClientTokenId":
            case "SignatureDoesNotMatch":
            case "UnrecognizedClientException":
            case "InvalidAccessKeyId":
                message = call.accountType() == AccountType.HOST_ROLE
                        ? Text.of("awsc.aws.admin.hostRoleRefused", call.service(), code, call.operation(),
                        call.accountName())
                        : Text.of("awsc.aws.admin.accessKeyRefused", call.service(), call.accountName(), code,
                        call.operation());
                user = UserText.of("awsc.aws.user.account", code);
                break;
            case "ExpiredToken":
            case "ExpiredTokenException":
                message = Text.of(call.accountType() == AccountType.HOST_ROLE ? "awsc.aws.admin.hostRoleExpired"
                        : "awsc.aws.admin.accessKeyExpired", call.service(), call.operation(), call.accountName(),
                        code);
                user = UserText.of("awsc.aws.user.account", code);
                break;
            case "RequestExpired":
                message = Text.of("awsc.aws.admin.requestExpired", call.service(), call.operation(),
                        call.accountName(), code);
                user = UserText.of("awsc.aws.user.account", code);
                break;
            case "MalformedPolicyDocument":
            case "MalformedPolicyDocumentException":
                message = Text.of("awsc.aws.admin.malformedPolicy", call.service(), call.forWhom(), code,
                        call.operation(), awsSaid(awsMessage));
                user = UserText.of("awsc.aws.user.settings", code);
                break;
            case "PackedPolicyTooLarge":
            case "PackedPolicyTooLargeException":
                message = Text.of("awsc.aws.admin.packedPolicyTooLarge", call.service(), call.operation(),
                        call.forWhom(), code, awsSaid(awsMessage));
                user = UserText.of("awsc.aws.user.settings", code);
                break;
            case "RegionDisabledException":
            case "RegionDisabled":
                message = Text.of("awsc.aws.admin.regionDisabled", call.service(), call.region(), call.operation(),
                        code, call.accountName());
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
                    message = Text.of("awsc.aws.admin.refused", call.service(), call.operation(), call.target(),
                            call.forWhom(), code, String.valueOf(status), awsSaid(awsMessage));
                    user = UserText.of("awsc.aws.user.refused", code);
                }
        }
        return AwsCallFailedException.of(message, user, code, code, requestId);
    }

    private Text throttled(String code, SdkException e, AwsCall call) {
        // Only STS's quota is spent by how often credentials are requested.
        return Text.of(call.service().equals("AWS STS") ? "awsc.aws.admin.throttled.sts" : "awsc.aws.admin.throttled",
                call.service(), call.operation(), call.accountName(), code, attemptsText(attempts(e)),
                shortName(call));
    }

    private AwsCallFailedException serviceStatus(int status, String code, String requestId, Integer attempts,
                                                 AwsCall call) {
        if (status >= 500) {
            // With no code, the body was not an AWS error: a proxy's or load balancer's page, most likely.
            Text message = code == null
                    ? Text.of("awsc.aws.admin.serverError.notAwsError", call.service(), call.host(),
                    call.operation(), String.valueOf(status), attemptsText(attempts), shortName(call), call.region())
                    : Text.of("awsc.aws.admin.serverError", call.service(), call.host(), call.operation(),
                    String.valueOf(status), code, attemptsText(attempts), shortName(call), call.region());
            String reason = code == null ? "AWS answered HTTP " + status + " with a body that is not an AWS error"
                    : code;
            return AwsCallFailedException.of(message, UserText.of("awsc.aws.user.serverError", status,
                    attempts == null ? settings.maxAttempts() : attempts), reason, code, requestId);
        }
        Text message = code == null
                ? Text.of("awsc.aws.admin.unreadableStatus", call.service(), call.host(), call.operation(),
                String.valueOf(status))
                : Text.of("awsc.aws.admin.unreadableStatusAndCode", call.service(), call.host(), call.operation(),
                String.valueOf(status), code);
        return AwsCallFailedException.of(message, UserText.of("awsc.aws.user.unreadable"),
                code == null ? "AWS answered HTTP " + status + " with a body that is not an AWS error" : code,
                code, requestId);
    }

    private AwsCallFailedException client(SdkException e, AwsCall call) {
        if (findCause(e, HostCredentialsUnavailableException.class) != null) {
            return AwsCallFailedException.of(Text.of("awsc.aws.admin.hostCredentialsUnavailable",
                            call.accountName(), call.operation()),
                    UserText.of("awsc.aws.user.account.noCredentials"),
                    "the host role's credentials could not be loaded", null, null);
        }
        Text reason = unreachableReason(e);
        if (reason != null) {
            return AwsCallFailedException.of(Text.of("awsc.aws.admin.unreachable", call.service(), call.host(),
                    reason), UserText.of("awsc.aws.user.unreachable"), NOT_REACHABLE, null, null);
        }
        String sdkMessage = e.getMessage() == null ? "" : e.getMessage();
        if (sdkMessage.startsWith("Unable to unmarshall response")) {
            return AwsCallFailedException.of(Text.of("awsc.aws.admin.cutShort", call.service(), call.host(),
                    call.operation()), UserText.of("awsc.aws.user.unreadable"), UNREADABLE, null, null);
        }
        return AwsCallFailedException.of(Text.of("awsc.aws.admin.failedBeforeAnswer", call.service(), call.host(),
                        call.operation(), call.forWhom(), clean(e.getMessage())), UserText.of("awsc.aws.user.failed"),
                "the call failed before AWS's answer could be used", null, null);
    }

    /**
     * AWS answered, but not with anything that could be read ({@code operation} without complete credentials, a
     * body cut short, not AWS's XML).
     */
    public static AwsCallFailedException unreadable(Text adminMessage) {
        return AwsCallFailedException.of(adminMessage, UserText.of("awsc.aws.user.unreadable"), UNREADABLE, null,
                null);
    }

    /**
     * The connector, as stored, cannot make its call (settings that the validator now refuses, kept from before):
     * AWS was not called. The administrator is told what to change; the user, that the settings cannot be used.
     *
     * @param auditReason what is wrong, in a few words
     */
    static AwsCallFailedException unusableConnector(Text adminMessage, String auditReason) {
        return AwsCallFailedException.of(adminMessage, UserText.of("awsc.aws.user.connectorUnusable"), auditReason,
                null, null);
    }

    /** Why the host could not be reached, as a sentence; null if the failure was something else. */
    private Text unreachableReason(Throwable e) {
        if (e instanceof ApiCallTimeoutException || findCause(e, ApiCallTimeoutException.class) != null) {
            return Text.of("awsc.aws.admin.unreachable.callTimeout", seconds(settings.apiCallTimeout()),
                    attemptsText(settings.maxAttempts()));
        }
        if (e instanceof ApiCallAttemptTimeoutException
                || findCause(e, ApiCallAttemptTimeoutException.class) != null
                || findCause(e, SocketTimeoutException.class) != null
                || findCause(e, HttpTimeoutException.class) != null
                || findCause(e, InterruptedIOException.class) != null) {
            return Text.of("awsc.aws.admin.unreachable.attemptTimeout", seconds(settings.apiCallAttemptTimeout()),
                    attemptsText(settings.maxAttempts()));
        }
        if (findCause(e, UnknownHostException.class) != null) {
            return Text.of("awsc.aws.admin.unreachable.unknownHost");
        }
        if (findCause(e, ConnectException.class) != null) {
            return Text.of("awsc.aws.admin.unreachable.refused");
        }
        if (findCause(e, NoRouteToHostException.class) != null) {
            return Text.of("awsc.aws.admin.unreachable.noRoute");
        }
        IOException io = findCause(e, IOException.class);
        if (io != null) {
            return Text.of("awsc.aws.admin.unreachable.io", io.getClass().getSimpleName());
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

    /** "1 attempt", "3 attempts": {@code attempts}, or the most the clients make when the SDK did not count. */
    private Text attemptsText(Integer attempts) {
        return attempts(attempts == null ? settings.maxAttempts() : attempts);
    }

    /** "1 attempt", "3 attempts". */
    public static Text attempts(int count) {
        return Text.of("awsc.aws.admin.attempts", count);
    }

    private int attemptCount(SdkException e) {
        Integer attempts = attempts(e);
        return attempts == null ? settings.maxAttempts() : attempts;
    }

    private static Integer attempts(SdkException e) {
        return e.numAttempts();
    }

    /** " AWS said: …" to end a message with, or nothing. */
    private static Serializable awsSaid(String awsMessage) {
        String cleaned = clean(awsMessage);
        return cleaned.isEmpty() ? "" : Text.of("awsc.aws.admin.awsSaid", cleaned);
    }

    /** " (AWS request id …)" to end a message with, or nothing. */
    public static Serializable requestId(java.util.Optional<String> requestId) {
        return requestId.<Serializable>map(id -> Text.of("awsc.aws.admin.requestId", id)).orElse("");
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
