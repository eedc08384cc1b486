package dev.awsconnectors.testhost.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Checks an OpenID Connect token as STS does for AssumeRoleWithWebIdentity, in the order AWS is known to report
 * problems: a JWT at all, a provider registered for its exact {@code iss}, the required claims, an audience in the
 * provider's ClientIDList, the issuer's key (discovery document, then {@code jwks_uri}, fetched on every call, so a
 * test that changes what its issuer serves sees the effect at once), the RS256/RS384/RS512 signature, and the times
 * with five minutes of clock skew. Then it reads the session tags and source identity the token carries.
 */
final class WebIdentityTokens implements AutoCloseable {

    /** The clock skew AWS is observed to allow on {@code iat}, {@code nbf} and {@code exp}. */
    static final long CLOCK_SKEW_SECONDS = 300;

    static final String TAGS_CLAIM = "https://aws.amazon.com/tags";
    static final String SOURCE_IDENTITY_CLAIM = "https://aws.amazon.com/source_identity";

    private static final Map<String, String> SIGNATURE_ALGORITHMS = Map.of(
            "RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA");
    private static final String TAG_KEY_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+";
    private static final String TAG_VALUE_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";
    private static final String SOURCE_IDENTITY_PATTERN = "[\\w+=,.@-]*";
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);

    /** What a verified token says. */
    record Verified(OidcProvider provider, String subject, String audience, Map<String, String> tags,
                    Set<String> transitiveTagKeys, String sourceIdentity) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "local-aws-oidc-fetch");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
    private final Clock clock;

    WebIdentityTokens(Clock clock) {
        this.clock = clock;
    }

    /** Verifies the token against the provider {@code providers} finds for its issuer, or fails as STS does. */
    Verified verify(String token, Function<String, Optional<OidcProvider>> providers) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw AwsErrors.invalidIdentityToken("The web identity token is not a valid JWT");
        }
        JsonNode header = decodeJson(parts[0]);
        JsonNode claims = decodeJson(parts[1]);
        byte[] signature = decode(parts[2]);

        String issuer = requiredText(claims, "iss");
        OidcProvider provider = providers.apply(issuer).orElseThrow(() -> AwsErrors.invalidIdentityToken(
                "No OpenIDConnect provider found in your account for " + issuer));
        for (String claim : List.of("aud", "sub", "iat", "exp")) {
            requiredClaim(claims, claim);
        }
        String audience = audience(claims);
        if (!provider.clientIds().contains(audience)) {
            throw AwsErrors.invalidIdentityToken("Incorrect token audience");
        }
        long issuedAt = timestamp(claims, "iat");
        long expiration = timestamp(claims, "exp");
        Long notBefore = claims.has("nbf") ? timestamp(claims, "nbf") : null;

        String algorithm = SIGNATURE_ALGORITHMS.get(header.path("alg").asText(""));
        if (algorithm == null) {
            throw AwsErrors.invalidIdentityToken("The web identity token's signing algorithm is not supported");
        }
        PublicKey key = verificationKey(issuer, header.path("kid").isTextual() ? header.get("kid").asText() : null);
        if (!signatureVerifies(algorithm, key, parts[0] + "." + parts[1], signature)) {
            throw AwsErrors.invalidIdentityToken("The web identity token's signature could not be verified");
        }

        long now = clock.instant().getEpochSecond();
        if (now >= expiration + CLOCK_SKEW_SECONDS) {
            throw AwsErrors.webIdentityTokenExpired(now, expiration);
        }
        if (issuedAt > now + CLOCK_SKEW_SECONDS || (notBefore != null && notBefore > now + CLOCK_SKEW_SECONDS)) {
            throw AwsErrors.invalidIdentityToken("The web identity token is not valid yet");
        }

        Map<String, String> tags = new LinkedHashMap<>();
        Set<String> transitive = new LinkedHashSet<>();
        readTags(claims.get(TAGS_CLAIM), tags, transitive);
        return new Verified(provider, claims.get("sub").asText(), audience, Map.copyOf(tags), Set.copyOf(transitive),
                sourceIdentity(claims.get(SOURCE_IDENTITY_CLAIM)));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** {@code aud} as a string or a one-element array; with several audiences, {@code azp} is the one checked. */
    private static String audience(JsonNode claims) {
        JsonNode aud = claims.get("aud");
        if (aud.isTextual()) {
            return aud.asText();
        }
        if (aud.isArray() && aud.size() == 1 && aud.get(0).isTextual()) {
            return aud.get(0).asText();
        }
        if (aud.isArray() && aud.size() > 1) {
            if (claims.path("azp").isTextual()) {
                return claims.get("azp").asText();
            }
            throw AwsErrors.invalidIdentityToken("Missing a required claim: azp");
        }
        throw AwsErrors.invalidIdentityToken("Incorrect token audience");
    }

    private static String requiredText(JsonNode claims, String name) {
        requiredClaim(claims, name);
        return claims.get(name).asText();
    }

    private static void requiredClaim(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        if (value == null || value.isNull() || !(value.isValueNode() || value.isArray())) {
            throw AwsErrors.invalidIdentityToken("Missing a required claim: " + name);
        }
    }

    /** AWS takes integer timestamps only; a fractional or textual one is refused. */
    private static long timestamp(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        if (!value.isIntegralNumber()) {
            throw AwsErrors.invalidIdentityToken("Timestamps in the token must be formatted as either an integer "
                    + "or a long integer: " + name);
        }
        return value.asLong();
    }

    /** The issuer's key for this kid (or its only key when the token names none), freshly fetched. */
    private PublicKey verificationKey(String issuer, String kid) {
        try {
            String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
            JsonNode discovery = fetch(URI.create(base + "/.well-known/openid-configuration"));
            String jwksUri = discovery.path("jwks_uri").asText("");
            if (!OidcProvider.isFetchable(jwksUri)) {
                throw AwsErrors.verificationKeyUnavailable();
            }
            JsonNode keys = fetch(URI.create(jwksUri)).path("keys");
            List<JsonNode> usable = new ArrayList<>();
            keys.forEach(jwk -> {
                if ("RSA".equals(jwk.path("kty").asText()) && !jwk.has("key_ops")
                        && (!jwk.has("use") || "sig".equals(jwk.path("use").asText()))) {
                    usable.add(jwk);
                }
            });
            JsonNode chosen = null;
            if (kid == null) {
                chosen = usable.size() == 1 ? usable.get(0) : null;
            } else {
                // Of two keys with the same kid, the later one is used, as observed of AWS.
                for (JsonNode jwk : usable) {
                    if (kid.equals(jwk.path("kid").asText(null))) {
                        chosen = jwk;
                    }
                }
            }
            if (chosen == null) {
                throw AwsErrors.verificationKeyUnavailable();
            }
            BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(chosen.path("n").asText()));
            BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(chosen.path("e").asText()));
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw AwsErrors.verificationKeyUnavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AwsErrors.verificationKeyUnavailable();
        }
    }

    private JsonNode fetch(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + uri);
        }
        JsonNode node = json.readTree(response.body());
        if (node == null || !node.isObject()) {
            throw new IOException("Not a JSON object from " + uri);
        }
        return node;
    }

    private static boolean signatureVerifies(String algorithm, PublicKey key, String signingInput, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * AWS's object form: {@code {"principal_tags":{"k":["v"]},"transitive_tag_keys":["k"]}}, one value per tag, at
     * most 50 tags, AWS's key and value patterns, keys unique regardless of case.
     */
    private static void readTags(JsonNode claim, Map<String, String> tags, Set<String> transitive) {
        if (claim == null) {
            return;
        }
        JsonNode principalTags = claim.path("principal_tags");
        if (!claim.isObject() || !(principalTags.isObject() || principalTags.isMissingNode())) {
            throw invalidTags();
        }
        Set<String> lowerKeys = new HashSet<>();
        principalTags.fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            JsonNode values = entry.getValue();
            if (!values.isArray() || values.size() != 1 || !values.get(0).isTextual()) {
                throw invalidTags();
            }
            String value = values.get(0).asText();
            if (key.length() > 128 || !key.matches(TAG_KEY_PATTERN) || value.length() > 256
                    || !value.matches(TAG_VALUE_PATTERN) || !lowerKeys.add(key.toLowerCase(Locale.ROOT))) {
                throw invalidTags();
            }
            tags.put(key, value);
        });
        if (tags.size() > 50) {
            throw invalidTags();
        }
        JsonNode transitiveKeys = claim.path("transitive_tag_keys");
        if (!transitiveKeys.isMissingNode()) {
            if (!transitiveKeys.isArray()) {
                throw invalidTags();
            }
            transitiveKeys.forEach(key -> {
                if (!key.isTextual() || !tags.containsKey(key.asText())) {
                    throw invalidTags();
                }
                transitive.add(key.asText());
            });
        }
    }

    private static AwsException invalidTags() {
        return AwsErrors.invalidIdentityToken("The session tags in the web identity token are not valid");
    }

    private static String sourceIdentity(JsonNode claim) {
        if (claim == null) {
            return null;
        }
        String value = claim.asText("");
        if (!claim.isTextual() || value.length() < 2 || value.length() > 64
                || !value.matches(SOURCE_IDENTITY_PATTERN) || value.startsWith("aws:")) {
            throw AwsErrors.invalidIdentityToken("The source identity in the web identity token is not valid");
        }
        return value;
    }

    private JsonNode decodeJson(String segment) {
        try {
            JsonNode node = json.readTree(decode(segment));
            if (node == null || !node.isObject()) {
                throw AwsErrors.invalidIdentityToken("The web identity token is not a valid JWT");
            }
            return node;
        } catch (IOException e) {
            throw AwsErrors.invalidIdentityToken("The web identity token is not a valid JWT");
        }
    }

    private static byte[] decode(String segment) {
        try {
            return Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException e) {
            throw AwsErrors.invalidIdentityToken("The web identity token is not a valid JWT");
        }
    }
}
