package dev.awsconnectors.testhost.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a request's {@code Authorization: AWS4-HMAC-SHA256 ...} header the way AWS does: the header is complete,
 * {@code host}, the date header and the session token are signed, the request is no more than 15 minutes from the
 * server's clock, the credential scope names the request's date, a region the endpoint serves and the endpoint's
 * service, and the signature recomputed with the caller's secret matches.
 */
final class SigV4Verifier {

    /** AWS accepts requests signed up to 15 minutes either side of its own clock. */
    static final Duration ALLOWED_SKEW = Duration.ofMinutes(15);

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;
    /** The regions each service may be signed for; null accepts any (the published test vectors). */
    private final SigningRegions regions;

    SigV4Verifier(Clock clock) {
        this(clock, null);
    }

    SigV4Verifier(Clock clock, SigningRegions regions) {
        this.clock = clock;
        this.regions = regions;
    }

    /** The parts of a SigV4 Authorization header. */
    record Authorization(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
                         String signature) {

        String scope() {
            return date + "/" + region + "/" + service + "/" + SigV4.TERMINATOR;
        }
    }

    /** Parses the header, or says (as AWS's IncompleteSignature does) which part is missing. */
    static Authorization parse(String header) {
        String trimmed = header.trim();
        if (!trimmed.startsWith(SigV4.ALGORITHM + " ")) {
            throw AwsErrors.incompleteSignature("Unsupported AWS 'algorithm': '" + trimmed.split(" ", 2)[0] + "'");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : trimmed.substring(SigV4.ALGORITHM.length()).split(",")) {
            String[] nameValue = part.trim().split("=", 2);
            if (nameValue.length == 2) {
                parts.put(nameValue[0], nameValue[1]);
            }
        }
        for (String required : List.of("Credential", "SignedHeaders", "Signature")) {
            if (!parts.containsKey(required)) {
                throw AwsErrors.incompleteSignature("Authorization header requires '" + required
                        + "' parameter. Authorization=" + trimmed);
            }
        }
        String[] credential = parts.get("Credential").split("/");
        if (credential.length != 5 || !SigV4.TERMINATOR.equals(credential[4])) {
            throw AwsErrors.incompleteSignature("Credential must have exactly 5 slash-delimited elements, e.g. "
                    + "keyid/date/region/service/term, got '" + parts.get("Credential") + "'");
        }
        return new Authorization(credential[0], credential[1], credential[2], credential[3],
                List.of(parts.get("SignedHeaders").split(";")), parts.get("Signature"));
    }

    /**
     * The payload hash that goes into the canonical request: the {@code x-amz-content-sha256} header when the
     * client sent one (it must then match the body), otherwise the hash of the body as received.
     */
    static String payloadHash(Map<String, List<String>> headers, byte[] body) {
        String actual = SigV4.sha256Hex(body);
        List<String> declared = SigV4.headerValues(headers, "x-amz-content-sha256");
        if (declared.isEmpty()) {
            return actual;
        }
        if (!declared.get(0).equals(actual)) {
            throw AwsErrors.signatureDoesNotMatch("The provided 'x-amz-content-sha256' header does not match what "
                    + "was computed.");
        }
        return declared.get(0);
    }

    /**
     * Throws the AWS error that a real endpoint would answer with, or returns when the request is authentic. The
     * credential scope's region and service are not checked: for the published test vectors, whose scope names the
     * service "service".
     */
    void verify(SigV4.SignableRequest request, Authorization auth, String secret) {
        verify(request, auth, secret, null);
    }

    /**
     * As {@link #verify(SigV4.SignableRequest, Authorization, String)}, and the credential scope must name
     * {@code endpointService} ({@code sts} or {@code iam}: the endpoint the request is for) and a region that
     * endpoint serves. In AWS's order: the signed headers, the date, the credential scope, the signature.
     */
    void verify(SigV4.SignableRequest request, Authorization auth, String secret, String endpointService) {
        String amzDate = requestDate(request.headers());
        checkSignedHeaders(request.headers(), auth.signedHeaders());
        Instant signedAt = parseAmzDate(amzDate);
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(ALLOWED_SKEW))) {
            throw AwsErrors.signatureExpired(signedAt, now);
        }
        if (signedAt.isAfter(now.plus(ALLOWED_SKEW))) {
            throw AwsErrors.signatureNotYetCurrent(signedAt, now);
        }
        // AWS reports every problem of the scope at once, each sentence ending in ". ".
        StringBuilder scope = new StringBuilder();
        if (endpointService != null && regions != null && !regions.accepts(endpointService, auth.region())) {
            scope.append(AwsErrors.wrongRegion(auth.region()));
        }
        if (endpointService != null && !endpointService.equals(auth.service())) {
            scope.append(AwsErrors.wrongService(endpointService));
        }
        if (!amzDate.startsWith(auth.date())) {
            scope.append("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '")
                    .append(auth.date()).append("' != '").append(amzDate, 0, Math.min(8, amzDate.length()))
                    .append("', from '").append(amzDate).append("'.");
        }
        if (!scope.isEmpty()) {
            throw AwsErrors.signatureDoesNotMatch(scope.toString());
        }
        String expected = expectedSignature(request, auth, amzDate, secret);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw AwsErrors.signatureDoesNotMatch();
        }
    }

    /**
     * SignedHeaders must name {@code host}, the date header the request is dated by ({@code x-amz-date}, or
     * {@code date} without it) and {@code x-amz-security-token} when the request carries one; AWS's words for a
     * missing one are "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization." and the same
     * sentence with the header's name. The list is the canonical request's: lower-case, sorted, without repeats,
     * each a header the request has; anything else cannot have been signed as AWS computes it and is a signature
     * that does not match.
     */
    private static void checkSignedHeaders(Map<String, List<String>> headers, List<String> signedHeaders) {
        if (!signedHeaders.contains("host")) {
            throw AwsErrors.signatureDoesNotMatch("'Host' or ':authority' must be a 'SignedHeader' in the AWS "
                    + "Authorization.");
        }
        boolean amzDate = !SigV4.headerValues(headers, "x-amz-date").isEmpty();
        if (amzDate && !signedHeaders.contains("x-amz-date")) {
            throw AwsErrors.headerMustBeSigned("X-Amz-Date");
        }
        if (!amzDate && !signedHeaders.contains("date")) {
            throw AwsErrors.headerMustBeSigned("Date");
        }
        if (!SigV4.headerValues(headers, "x-amz-security-token").isEmpty()
                && !signedHeaders.contains("x-amz-security-token")) {
            throw AwsErrors.headerMustBeSigned("X-Amz-Security-Token");
        }
        String previous = null;
        for (String name : signedHeaders) {
            boolean inOrder = previous == null || previous.compareTo(name) < 0;
            if (!inOrder || !name.equals(name.toLowerCase(Locale.ROOT))
                    || SigV4.headerValues(headers, name).isEmpty()) {
                throw AwsErrors.signatureDoesNotMatch();
            }
            previous = name;
        }
    }

    static String expectedSignature(SigV4.SignableRequest request, Authorization auth, String amzDate, String secret) {
        String canonical = SigV4.canonicalRequest(request, auth.signedHeaders());
        String stringToSign = SigV4.stringToSign(amzDate, auth.scope(), canonical);
        byte[] key = SigV4.signingKey(secret, auth.date(), auth.region(), auth.service());
        return SigV4.signature(key, stringToSign);
    }

    /** X-Amz-Date, or failing that the HTTP Date header converted to the same basic ISO-8601 form. */
    static String requestDate(Map<String, List<String>> headers) {
        List<String> amzDate = SigV4.headerValues(headers, "x-amz-date");
        if (!amzDate.isEmpty()) {
            return amzDate.get(0).trim();
        }
        List<String> date = SigV4.headerValues(headers, "date");
        if (!date.isEmpty()) {
            try {
                return AMZ_DATE.format(ZonedDateTime.parse(date.get(0).trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException e) {
                throw AwsErrors.incompleteSignature("Date must be in ISO-8601 'basic format'. Got '" + date.get(0)
                        + "'.");
            }
        }
        throw AwsErrors.incompleteSignature("Authorization header requires existence of either a 'X-Amz-Date' or a "
                + "'Date' header.");
    }

    private static Instant parseAmzDate(String amzDate) {
        try {
            return AMZ_DATE.parse(amzDate, Instant::from);
        } catch (DateTimeParseException e) {
            throw AwsErrors.incompleteSignature("Date must be in ISO-8601 'basic format'. Got '" + amzDate
                    + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

}
