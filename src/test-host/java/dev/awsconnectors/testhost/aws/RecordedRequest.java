package dev.awsconnectors.testhost.aws;

import java.time.Instant;
import java.util.Map;

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

    /** A parameter's value, or null. */
    public String parameter(String name) {
        return parameters.get(name);
    }
}
