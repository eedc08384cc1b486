package dev.awsconnectors.testhost.aws;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Finds out who signed a request, in the order AWS reports problems: no Authorization header
 * (MissingAuthenticationToken), a malformed one (IncompleteSignature), an unknown, inactive or mismatched key or
 * session token (InvalidClientTokenId), expired temporary credentials (ExpiredToken), and finally a signature
 * that does not verify (SignatureDoesNotMatch).
 */
final class Authenticator {

    /**
     * The outcome, kept even when authentication fails, because the recorder wants the key id and the service
     * the request was signed for either way.
     */
    record Outcome(String accessKeyId, String service, Caller caller, AwsException error) {

        boolean signatureValid() {
            return caller != null;
        }
    }

    private final Directory directory;
    private final IssuedCredentials issued;
    private final SigV4Verifier verifier;
    private final Clock clock;

    Authenticator(Directory directory, IssuedCredentials issued, SigV4Verifier verifier, Clock clock) {
        this.directory = directory;
        this.issued = issued;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * Authenticates a request for {@code endpointService} ({@code sts} or {@code iam}, as the request's Action and
     * Version say): the credential scope must name that service and a region it serves.
     */
    Outcome authenticate(SigV4.SignableRequest request, String endpointService) {
        List<String> header = SigV4.headerValues(request.headers(), "authorization");
        if (header.isEmpty()) {
            return new Outcome(null, null, null, AwsErrors.missingAuthenticationToken());
        }
        SigV4Verifier.Authorization auth;
        try {
            auth = SigV4Verifier.parse(header.get(0));
        } catch (AwsException e) {
            return new Outcome(null, null, null, e);
        }
        try {
            return new Outcome(auth.accessKeyId(), auth.service(), identify(request, auth, endpointService), null);
        } catch (AwsException e) {
            return new Outcome(auth.accessKeyId(), auth.service(), null, e);
        }
    }

    private Caller identify(SigV4.SignableRequest request, SigV4Verifier.Authorization auth, String endpointService) {
        List<String> tokens = SigV4.headerValues(request.headers(), "x-amz-security-token");
        String token = tokens.isEmpty() ? null : tokens.get(0).trim();

        Optional<LongTermKey> longTerm = directory.findKey(auth.accessKeyId());
        if (longTerm.isPresent()) {
            LongTermKey key = longTerm.get();
            boolean active;
            synchronized (directory.lock) {
                active = key.active;
            }
            // A long-term key never comes with a session token; AWS rejects the combination as an invalid token.
            if (!active || token != null) {
                throw AwsErrors.invalidClientTokenId();
            }
            verifier.verify(request, auth, key.key.secretAccessKey(), endpointService);
            return key.user == null
                    ? new Caller(new Principal(Principal.Kind.ROOT, key.account.id(), key.account.rootArn(),
                            key.account.id()), CredentialType.LONG_TERM, auth.accessKeyId(), null, null, false)
                    : new Caller(new Principal(Principal.Kind.IAM_USER, key.account.id(), key.user.arn(),
                            key.user.userId()), CredentialType.LONG_TERM, auth.accessKeyId(), key.user, null, false);
        }

        IssuedCredentials.Session session = issued.find(auth.accessKeyId())
                .orElseThrow(AwsErrors::invalidClientTokenId);
        if (token == null || !token.equals(session.sessionToken())) {
            throw AwsErrors.invalidClientTokenId();
        }
        if (session.expiredAt(clock.instant())) {
            throw AwsErrors.expiredToken();
        }
        verifier.verify(request, auth, session.secretAccessKey(), endpointService);
        return new Caller(session.principal(), session.type(), session.accessKeyId(), session.user(), session.role(),
                session.mfaAuthenticated());
    }
}
