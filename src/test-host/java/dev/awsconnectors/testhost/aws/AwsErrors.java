package dev.awsconnectors.testhost.aws;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The errors AWS's query-protocol services answer with, with their real codes, HTTP statuses and (where AWS's
 * wording is known) messages. One place, so that a test asserting on an AWS message asserts on this list.
 */
final class AwsErrors {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private AwsErrors() {
    }

    static AwsException missingAuthenticationToken() {
        return new AwsException(403, "MissingAuthenticationToken", "Request is missing Authentication Token", true);
    }

    static AwsException incompleteSignature(String detail) {
        return new AwsException(400, "IncompleteSignature", detail, true);
    }

    static AwsException invalidClientTokenId() {
        return new AwsException(403, "InvalidClientTokenId", "The security token included in the request is invalid.",
                true);
    }

    static AwsException signatureDoesNotMatch() {
        return signatureDoesNotMatch("The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }

    static AwsException signatureDoesNotMatch(String message) {
        return new AwsException(403, "SignatureDoesNotMatch", message, true);
    }

    /**
     * AWS's sentence for a credential scope naming a region the endpoint does not serve, as STS and IAM answer it
     * (SignatureDoesNotMatch, e.g. IAM signed for us-west-2: "Credential should be scoped to a valid region, not
     * 'us-west-2'. "), trailing space included: AWS ends each sentence of a scope error so.
     */
    static String wrongRegion(String region) {
        return "Credential should be scoped to a valid region, not '" + region + "'. ";
    }

    /** AWS's sentence for a credential scope naming another service than the endpoint's. */
    static String wrongService(String service) {
        return "Credential should be scoped to correct service: '" + service + "'. ";
    }

    /** A header that must be among SignedHeaders and is not (the form of AWS's message for 'Host'). */
    static AwsException headerMustBeSigned(String header) {
        return signatureDoesNotMatch("'" + header + "' must be a 'SignedHeader' in the AWS Authorization.");
    }

    /** AWS's wording when the X-Amz-Date is more than 15 minutes in the past. */
    static AwsException signatureExpired(Instant signed, Instant now) {
        return signatureDoesNotMatch("Signature expired: " + AMZ_DATE.format(signed) + " is now earlier than "
                + AMZ_DATE.format(now.minusSeconds(900)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
    }

    /** AWS's wording when the X-Amz-Date is more than 15 minutes in the future. */
    static AwsException signatureNotYetCurrent(Instant signed, Instant now) {
        return signatureDoesNotMatch("Signature not yet current: " + AMZ_DATE.format(signed) + " is still later than "
                + AMZ_DATE.format(now.plusSeconds(900)) + " (" + AMZ_DATE.format(now) + " + 15 min.)");
    }

    /** The authentication failure for expired temporary credentials: code ExpiredToken, HTTP 403. */
    static AwsException expiredToken() {
        return new AwsException(403, "ExpiredToken", "The security token included in the request is expired", true);
    }

    static AwsException accessDenied(String message) {
        return new AwsException(403, "AccessDenied", message, true);
    }

    static AwsException notAuthorized(String callerArn, String action, String resource) {
        return accessDenied("User: " + callerArn + " is not authorized to perform: " + action + " on resource: "
                + resource);
    }

    static AwsException invalidMfa() {
        return accessDenied("MultiFactorAuthentication failed with invalid MFA one time pass code. ");
    }

    static AwsException validation(String message) {
        return new AwsException(400, "ValidationError", message, true);
    }

    /** AWS's "N validation error(s) detected: ...; ..." form for parameter constraint violations. */
    static AwsException validation(List<String> violations) {
        String count = violations.size() == 1 ? "1 validation error" : violations.size() + " validation errors";
        return validation(count + " detected: " + String.join("; ", violations));
    }

    static AwsException malformedPolicyDocument(String message) {
        return new AwsException(400, "MalformedPolicyDocument", message, true);
    }

    static AwsException packedPolicyTooLarge(int percent) {
        return new AwsException(400, "PackedPolicyTooLarge",
                "Packed policy consumes " + percent + "% of allotted space, please use smaller policy.", true);
    }

    static AwsException invalidAction(String action, String version) {
        return new AwsException(400, "InvalidAction",
                "Could not find operation " + action + " for version " + version, true);
    }

    static AwsException noSuchEntity(String message) {
        return new AwsException(404, "NoSuchEntity", message, true);
    }

    static AwsException entityAlreadyExists(String message) {
        return new AwsException(409, "EntityAlreadyExists", message, true);
    }

    static AwsException invalidInput(String message) {
        return new AwsException(400, "InvalidInput", message, true);
    }

    /** STS's code for any token it cannot accept (unknown issuer, wrong audience, bad signature, missing claim). */
    static AwsException invalidIdentityToken(String message) {
        return new AwsException(400, "InvalidIdentityToken", message, true);
    }

    /** AWS's sentence, two spaces after the comma included, when the issuer's keys cannot be had or used. */
    static AwsException verificationKeyUnavailable() {
        return invalidIdentityToken("Couldn't retrieve verification key from your identity provider,  please "
                + "reference AssumeRoleWithWebIdentity documentation for requirements");
    }

    /** A web identity token past its {@code exp}: code ExpiredTokenException, HTTP 400, times in epoch seconds. */
    static AwsException webIdentityTokenExpired(long now, long expiration) {
        return new AwsException(400, "ExpiredTokenException", "Token expired: current date/time " + now
                + " must be before the expiration date/time " + expiration, true);
    }

    static AwsException limitExceeded(String message) {
        return new AwsException(409, "LimitExceeded", message, true);
    }

    static AwsException throttling() {
        return new AwsException(400, "Throttling", "Rate exceeded", true);
    }

    static AwsException internalFailure() {
        return new AwsException(500, "InternalFailure",
                "The request processing has failed because of an unknown error, exception or failure.", false);
    }

    static AwsException serviceUnavailable() {
        return new AwsException(503, "ServiceUnavailable",
                "The request has failed due to a temporary failure of the server.", false);
    }
}
