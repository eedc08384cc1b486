package dev.awsconnectors.testhost.aws;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The arithmetic of AWS Signature Version 4: canonical request, string to sign, signing key and signature.
 * Pure functions, written from the published specification (not from an SDK), so that the double checks the
 * SDK instead of agreeing with it by construction.
 */
final class SigV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String TERMINATOR = "aws4_request";

    private SigV4() {
    }

    /** What of an HTTP request goes into its signature, as it arrived on the wire. */
    record SignableRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                           String payloadHash) {
    }

    static String canonicalRequest(SignableRequest request, List<String> signedHeaders) {
        StringBuilder canonical = new StringBuilder()
                .append(request.method()).append('\n')
                .append(canonicalUri(request.rawPath())).append('\n')
                .append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            canonical.append(name).append(':').append(canonicalHeaderValue(headerValues(request.headers(), name)))
                    .append('\n');
        }
        return canonical.append('\n')
                .append(String.join(";", signedHeaders)).append('\n')
                .append(request.payloadHash())
                .toString();
    }

    static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] kDate = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        byte[] kRegion = hmac(kDate, region);
        byte[] kService = hmac(kRegion, service);
        return hmac(kService, TERMINATOR);
    }

    static String signature(byte[] signingKey, String stringToSign) {
        return HexFormat.of().formatHex(hmac(signingKey, stringToSign));
    }

    /**
     * Every service except S3 signs the path normalised (empty, "." and ".." segments removed, as RFC 3986
     * normalisation does) and with each segment URI-encoded once more, on top of its encoding on the wire.
     */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        List<String> kept = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!kept.isEmpty()) {
                    kept.remove(kept.size() - 1);
                }
                continue;
            }
            kept.add(uriEncode(segment));
        }
        String path = "/" + String.join("/", kept);
        boolean trailingSlash = rawPath.endsWith("/") && !kept.isEmpty();
        return trailingSlash ? path + "/" : path;
    }

    /** Query parameters are decoded, re-encoded the AWS way (RFC 3986 unreserved only), then sorted. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new String[] {uriEncode(FormCodec.decode(name)), uriEncode(FormCodec.decode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        return pairs.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    /** Trimmed, inner runs of spaces collapsed to one, several header lines joined with commas. */
    static String canonicalHeaderValue(List<String> values) {
        return values.stream().map(v -> v.trim().replaceAll(" +", " ")).collect(Collectors.joining(","));
    }

    static List<String> headerValues(Map<String, List<String>> headers, String lowerCaseName) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(lowerCaseName)) {
                values.addAll(header.getValue());
            }
        }
        return values;
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters, upper-case hex, as AWS requires. */
    static String uriEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
