package dev.awsconnectors.oidc;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The app as an OpenID Connect issuer AWS trusts: it mints RS256 identity tokens for AssumeRoleWithWebIdentity and
 * writes the two public documents AWS reads to verify them, the discovery document and the JWKS.
 *
 * <p>The issuer is {@code <Jira base URL>/rest/aws-connectors/1.0/oidc}; AWS fetches
 * {@code <issuer>/.well-known/openid-configuration} and then the {@code jwks_uri} it names ({@code <issuer>/jwks}).
 * The keys are {@link SigningKeys}: a new key is published before it signs, and an old one stays published until
 * the tokens it signed have expired.
 */
@Component
public class IdentityTokens {
    /** Where the issuer's documents are served, below Jira's base URL. */
    public static final String ISSUER_PATH = "/rest/aws-connectors/1.0/oidc";
    public static final String SOURCE_IDENTITY_CLAIM = "https://aws.amazon.com/source_identity";
    public static final String TAGS_CLAIM = "https://aws.amazon.com/tags";
    /**
     * How long a key stays published once it no longer signs: the longest lifetime of a token plus the clock skew
     * AWS tolerates, so that every token it signed has expired when it leaves the JWKS.
     */
    public static final Duration PREVIOUS_KEY_KEPT = SigningKeys.MAX_TOKEN_LIFETIME.plus(SigningKeys.CLOCK_SKEW);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String ALGORITHM = "RS256";

    private final ApplicationProperties applicationProperties;
    private final SigningKeys keys;
    private final Clock clock;

    @Autowired
    public IdentityTokens(@ComponentImport ApplicationProperties applicationProperties) {
        this(applicationProperties, Clock.systemUTC());
    }

    IdentityTokens(ApplicationProperties applicationProperties, Clock clock) {
        this(applicationProperties, new SigningKeys(applicationProperties, clock, new SecureRandom()), clock);
    }

    IdentityTokens(ApplicationProperties applicationProperties, SigningKeys keys, Clock clock) {
        this.applicationProperties = Objects.requireNonNull(applicationProperties, "applicationProperties");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The issuer URL: the tokens' {@code iss}, and the URL to register as the IAM OIDC identity provider. */
    public String issuerUrl() {
        return withoutTrailingSlashes(applicationProperties.getBaseUrl(UrlMode.CANONICAL)) + ISSUER_PATH;
    }

    /**
     * A compact JWT signed with the current key: header {@code {alg: RS256, kid, typ: JWT}}, claims {@code iss, sub,
     * aud} (one string), {@code iat, nbf, exp} (whole seconds), {@code jti}, and the source identity and session
     * tags in the claims AWS defines for them when there are any.
     */
    public String mint(TokenClaims claims) {
        return mint(claims, issuerUrl());
    }

    /**
     * As {@link #mint(TokenClaims)}, naming {@code issuer} as {@code iss}: the URL where an admin hosts this
     * issuer's documents for AWS when AWS cannot reach Jira (the keys are the same).
     */
    public String mint(TokenClaims claims, String issuer) {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(issuer, "issuer");
        SigningKey key = keys.current();
        long now = clock.instant().getEpochSecond();
        ObjectNode header = JSON.createObjectNode().put("alg", ALGORITHM).put("kid", key.kid()).put("typ", "JWT");
        ObjectNode payload = JSON.createObjectNode()
                .put("iss", issuer)
                .put("sub", claims.subject())
                .put("aud", claims.audience())
                .put("iat", now)
                .put("nbf", now)
                .put("exp", now + claims.lifetime().toSeconds())
                .put("jti", UUID.randomUUID().toString());
        claims.sourceIdentity().ifPresent(identity -> payload.put(SOURCE_IDENTITY_CLAIM, identity));
        if (!claims.principalTags().isEmpty()) {
            ObjectNode tags = payload.putObject(TAGS_CLAIM);
            ObjectNode principalTags = tags.putObject("principal_tags");
            new TreeMap<>(claims.principalTags()).forEach((name, value) -> principalTags.putArray(name).add(value));
            ArrayNode transitive = tags.putArray("transitive_tag_keys");
            claims.transitiveTagKeys().forEach(transitive::add);
        }
        String signingInput = encode(header) + "." + encode(payload);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            // Not chained: a provider's message could describe the key.
            throw new IllegalStateException("could not sign a token with the key " + key.kid() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The OpenID Connect discovery document, served at {@code <issuer>/.well-known/openid-configuration}: the
     * fields AWS's guide for self-hosted issuers publishes.
     */
    public String discoveryDocument() {
        return discoveryDocument(issuerUrl());
    }

    /**
     * The discovery document of {@code issuer}, for an admin to host at {@link #discoveryUrl(String)} where AWS can
     * reach it: {@code issuer} exactly as the tokens name it, and the {@code jwks_uri} {@link #jwksUrl(String)},
     * where the same admin hosts {@link #jwks()}. For the app's own issuer, the document the app serves.
     */
    public String discoveryDocument(String issuer) {
        Objects.requireNonNull(issuer, "issuer");
        ObjectNode document = JSON.createObjectNode();
        document.put("issuer", issuer);
        document.put("jwks_uri", jwksUrl(issuer));
        document.putArray("response_types_supported").add("id_token");
        document.putArray("subject_types_supported").add("public");
        document.putArray("id_token_signing_alg_values_supported").add(ALGORITHM);
        ArrayNode claims = document.putArray("claims_supported");
        List.of("iss", "sub", "aud", "iat", "nbf", "exp", "jti", SOURCE_IDENTITY_CLAIM, TAGS_CLAIM)
                .forEach(claims::add);
        return write(document);
    }

    /**
     * Where AWS reads the discovery document of {@code issuer}: OpenID Connect Discovery 1.0, section 4, appends
     * {@code /.well-known/openid-configuration} to the issuer once any terminating {@code /} is removed.
     */
    public static String discoveryUrl(String issuer) {
        return withoutTrailingSlashes(issuer) + "/.well-known/openid-configuration";
    }

    /** The {@code jwks_uri} of {@code issuer}'s discovery document: {@code <issuer>/jwks}, as the app serves it. */
    public static String jwksUrl(String issuer) {
        return withoutTrailingSlashes(issuer) + "/jwks";
    }

    /**
     * How long a key published by {@link #rotate()} waits before it signs: a JWKS hosted elsewhere must hold it
     * within that time.
     */
    public Duration publicationLead() {
        return SigningKeys.PUBLICATION_LEAD;
    }

    /** The JWKS, {@code {"keys": [...]}}: the next, current and previous public keys as RSA JWKs. */
    public String jwks() {
        keys.maintain();
        ObjectNode document = JSON.createObjectNode();
        ArrayNode array = document.putArray("keys");
        for (SigningKey key : keys.keys()) {
            array.addObject()
                    .put("kty", "RSA")
                    .put("use", "sig")
                    .put("alg", ALGORITHM)
                    .put("kid", key.kid())
                    .put("n", BASE64URL.encodeToString(unsigned(key.publicKey().getModulus())))
                    .put("e", BASE64URL.encodeToString(unsigned(key.publicKey().getPublicExponent())));
        }
        return write(document);
    }

    /** The ids of the keys the JWKS publishes. */
    public List<String> publishedKeyIds() {
        keys.maintain();
        return keys.keys().stream().map(SigningKey::kid).toList();
    }

    /**
     * The keys the JWKS publishes, next first, then the current and previous ones, with what each does: public facts
     * only, for an admin to see which key signs and when that changes.
     */
    public List<PublishedKey> keys() {
        keys.maintain();
        return keys.keys().stream().map(PublishedKey::of).toList();
    }

    /**
     * Publishes a next key, which signs once it has been published for an hour (a next key already waiting stays
     * the one).
     *
     * @return the next key's id
     */
    public String rotate() {
        return publishNextKey().next().kid();
    }

    /**
     * As {@link #rotate()}: the next key with when it starts signing, and whether this call published it or found
     * it already waiting. The keys are the same for every keyless account and every node.
     */
    public KeyRotation publishNextKey() {
        return keys.publishNext();
    }

    private static String withoutTrailingSlashes(String url) {
        String trimmed = Objects.requireNonNull(url, "url");
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static String encode(ObjectNode node) {
        return BASE64URL.encodeToString(write(node).getBytes(StandardCharsets.UTF_8));
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    /** Unsigned big-endian bytes, as JWKs want them: {@link BigInteger#toByteArray} may add a leading sign byte. */
    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
