package dev.awsconnectors.sts;

import dev.awsconnectors.i18n.Text;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * AWS's refusals of a keyless account's AssumeRoleWithWebIdentity, each told to the administrator as what is wrong
 * and what to do, naming the issuer URL, audience, subject and role the call presented. AWS tells them apart by code
 * and, for {@code InvalidIdentityToken}, which covers several, by its message (STS API reference,
 * AssumeRoleWithWebIdentity; the messages as AWS sends them):
 * <ul>
 *   <li>{@code InvalidIdentityToken} "No OpenIDConnect provider found in your account for &lt;iss&gt;": no IAM OIDC
 *       identity provider for the issuer;</li>
 *   <li>{@code InvalidIdentityToken} "Incorrect token audience": the audience is not one of the provider's client
 *       IDs;</li>
 *   <li>{@code InvalidIdentityToken} "Couldn't retrieve verification key from your identity provider, …": AWS could
 *       not fetch the discovery document or the JWKS, or the JWKS lacks the token's key;</li>
 *   <li>{@code InvalidIdentityToken} mentioning the signature: the key published under the token's key id is
 *       another (AWS's exact words are not known; matched loosely);</li>
 *   <li>{@code IDPCommunicationError}: AWS could not reach the issuer;</li>
 *   <li>{@code ExpiredTokenException}: the token had expired, which with tokens signed just before the call means
 *       the Jira server's clock;</li>
 *   <li>{@code AccessDenied} "Not authorized to perform sts:AssumeRoleWithWebIdentity": the role's trust policy does
 *       not admit the token's provider, audience or subject (or lacks sts:TagSession / sts:SetSourceIdentity).</li>
 * </ul>
 * Anything else is {@link AwsFailures}'s. Users who are not administrators are told what they were told before: the
 * account or the connector was refused, with no issuer, audience or subject.
 */
final class WebIdentityRefusals {
    private static final String NO_PROVIDER = "no openidconnect provider found";
    private static final String AUDIENCE = "incorrect token audience";
    private static final String NO_KEY = "couldn't retrieve verification key";
    private static final String SIGNATURE = "signature";

    /**
     * What the refused call presented to AWS.
     *
     * @param issuerUrl             the token's {@code iss}
     * @param hostedElsewhere       whether the account names an issuer URL of its own, where the admin hosts the
     *                              issuer's documents, rather than this Jira's
     * @param audience              the token's {@code aud}
     * @param subject               the token's {@code sub}
     * @param roleArn               the role asked for
     * @param sourceIdentityAndTags whether the token carries a source identity and session tags
     */
    record Presented(String issuerUrl, boolean hostedElsewhere, String audience, String subject, String roleArn,
                     boolean sourceIdentityAndTags) {
        Presented {
            Objects.requireNonNull(issuerUrl, "issuerUrl");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(roleArn, "roleArn");
        }
    }

    private final AwsFailures failures;

    WebIdentityRefusals(AwsFailures failures) {
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    /** The exception to throw for a failed AssumeRoleWithWebIdentity. */
    AwsCallFailedException map(SdkException failure, AwsFailures.AwsCall call, Presented presented) {
        if (failure instanceof AwsServiceException e && e.awsErrorDetails() != null
                && e.awsErrorDetails().errorCode() != null) {
            String code = e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails().errorMessage();
            Optional<Text> explained = explain(code, message == null ? "" : message.toLowerCase(Locale.ROOT), call,
                    presented);
            if (explained.isPresent()) {
                UserText user = code.startsWith("AccessDenied") ? UserText.of("awsc.aws.user.refused", code)
                        : UserText.of("awsc.aws.user.account", code);
                return AwsCallFailedException.of(explained.get(), user, code, code, e.requestId());
            }
        }
        return failures.map(failure, call);
    }

    private static Optional<Text> explain(String code, String message, AwsFailures.AwsCall call, Presented p) {
        String key;
        switch (code) {
            case "InvalidIdentityToken":
            case "InvalidIdentityTokenException":
                if (message.startsWith(NO_PROVIDER)) {
                    key = "awsc.aws.admin.webIdentity.providerMissing";
                } else if (message.startsWith(AUDIENCE)) {
                    key = "awsc.aws.admin.webIdentity.audience";
                } else if (message.startsWith(NO_KEY)) {
                    key = "awsc.aws.admin.webIdentity.keyUnavailable";
                } else if (message.contains(SIGNATURE)) {
                    key = "awsc.aws.admin.webIdentity.signature";
                } else {
                    return Optional.empty();
                }
                break;
            case "IDPCommunicationError":
            case "IDPCommunicationErrorException":
                key = "awsc.aws.admin.webIdentity.issuerUnreachable";
                break;
            case "ExpiredTokenException":
            case "ExpiredToken":
                key = "awsc.aws.admin.webIdentity.expired";
                break;
            case "AccessDenied":
            case "AccessDeniedException":
                key = "awsc.aws.admin.webIdentity.untrusted";
                break;
            default:
                return Optional.empty();
        }
        String provider = WebIdentityTrust.providerPath(p.issuerUrl());
        Serializable hosting = Text.of(p.hostedElsewhere() ? "awsc.aws.admin.webIdentity.hostedIssuer"
                : "awsc.aws.admin.webIdentity.ownIssuer", p.issuerUrl());
        Serializable tagActions = p.sourceIdentityAndTags()
                ? Text.of("awsc.aws.admin.webIdentity.untrusted.tagActions") : "";
        Text refused = Text.of("awsc.aws.admin.webIdentity.refused", call.service(), call.connectorName(),
                call.accountName(), call.operation(), code);
        return Optional.of(Text.of(key, refused, p.issuerUrl(), p.audience(),
                p.subject(), p.roleArn(), providerArn(p), provider, tagActions, hosting,
                WebIdentityTokens.LIFETIME_SECONDS / 60));
    }

    /** The provider's ARN in the role's AWS account, or a pattern of it when the role ARN is not one. */
    private static String providerArn(Presented p) {
        try {
            return WebIdentityTrust.providerArn(p.roleArn(), p.issuerUrl());
        } catch (IllegalArgumentException e) {
            return "arn:aws:iam::<account>:oidc-provider/" + WebIdentityTrust.providerPath(p.issuerUrl());
        }
    }
}
