package dev.awsconnectors.testhost.aws;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as the double received it.
 *
 * @param time            when it arrived, by the double's clock
 * @param service         {@code sts}, {@code iam} or {@code signin} (the console federation endpoint)
 * @param action          the Action parameter ({@code AssumeRole}, {@code getSigninToken}, ...), or null
 * @param parameters      every parameter, decoded, in the order received (for STS and IAM: the form body)
 * @param accessKeyId     the access key id that signed it (for federation: the session's id), or null
 * @param signatureValid  whether a SigV4 signature was present and verified against a key the double knows
 * @param status          the HTTP status answered, or 0 when the connection was closed without an answer
 * @param errorCode       the AWS error code answered, or null on success
 * @param injectedFailure the injected failure that shaped the answer, or null
 */
public record RecordedRequest(Instant time, String service, String action, Map<String, String> parameters,
                              String accessKeyId, boolean signatureValid, int status, String errorCode,
                              String injectedFailure) {

    public RecordedRequest {
        parameters = Map.copyOf(parameters);
    }

    /** What {@link #toString()} shows instead of a secret parameter's value. */
    public static final String MASK = "****";

    /** A parameter's value, or null. */
    public String parameter(String name) {
        return parameters.get(name);
    }

    /**
     * Whether a parameter carries a secret, so that its value stays out of {@link #toString()}: the federation
     * endpoint's {@code Session} (the JSON of session key and token) and {@code SigninToken}, the MFA
     * {@code TokenCode}, and any parameter whose name speaks of a secret or a token.
     */
    public static boolean isSecret(String parameterName) {
        String lower = parameterName.toLowerCase(Locale.ROOT);
        return parameterName.equals("Session") || lower.contains("secret") || lower.contains("token");
    }

    /**
     * Every field as a record shows them, but the values of secret parameters ({@link #isSecret}) masked as
     * {@value #MASK}: a failing assertion on recorded requests prints them, and a build log is no place for session
     * keys, session tokens or sign-in tokens. {@link #parameters()} still has the real values.
     */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        new TreeMap<>(parameters).forEach((name, value) -> shown.put(name, isSecret(name) ? MASK : value));
        return "RecordedRequest[time=" + time + ", service=" + service + ", action=" + action + ", parameters="
                + shown + ", accessKeyId=" + accessKeyId + ", signatureValid=" + signatureValid + ", status=" + status
                + ", errorCode=" + errorCode + ", injectedFailure=" + injectedFailure + "]";
    }
}
