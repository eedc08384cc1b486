package dev.awsconnectors.testhost.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenID Connect issuer the test runs itself on 127.0.0.1: a discovery document and a JWKS with one RSA-2048 key,
 * and RS256 tokens signed with it. The test can serve another JWKS, or stop the issuer to make it unreachable.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String KID = "key-1";

    private final ObjectMapper json = new ObjectMapper();
    private final JsonSite site;
    private final String url;
    private final KeyPair key = newKey();
    private volatile String jwks;

    private TestIssuer(String host, String path) {
        site = JsonSite.start();
        url = "http://" + host + ":" + site.port() + path;
        jwks = jwksOf(key, KID);
        site.serve(path + "/.well-known/openid-configuration", () -> {
            Map<String, Object> discovery = new LinkedHashMap<>();
            discovery.put("issuer", url);
            discovery.put("jwks_uri", url + "/keys.json");
            discovery.put("response_types_supported", List.of("id_token"));
            discovery.put("subject_types_supported", List.of("public"));
            discovery.put("id_token_signing_alg_values_supported", List.of("RS256"));
            return write(discovery);
        });
        site.serve(path + "/keys.json", () -> jwks);
    }

    /** An issuer at {@code http://127.0.0.1:<port><path>}. */
    public static TestIssuer start(String path) {
        return start("127.0.0.1", path);
    }

    /** An issuer on 127.0.0.1 whose URL names it by {@code host}, e.g. {@code localhost}. */
    public static TestIssuer start(String host, String path) {
        return new TestIssuer(host, path);
    }

    /** The issuer URL, as tokens name it in {@code iss}. */
    public String url() {
        return url;
    }

    public int port() {
        return site.port();
    }

    /** The claims of a token valid for five minutes from now. */
    public Map<String, Object> claims(String subject, String audience) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", url);
        claims.put("sub", subject);
        claims.put("aud", audience);
        claims.put("iat", now);
        claims.put("exp", now + 300);
        return claims;
    }

    /** A token with these claims, signed with the issuer's key under {@link #KID}. */
    public String token(Map<String, Object> claims) {
        return token(claims, key, KID);
    }

    /** A token signed with the issuer's key whose header names no key. */
    public String tokenWithoutKid(Map<String, Object> claims) {
        return token(claims, key, null);
    }

    public String token(Map<String, Object> claims, KeyPair signer, String kid) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        if (kid != null) {
            header.put("kid", kid);
        }
        header.put("typ", "JWT");
        String signingInput = b64(write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64(write(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signer.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves this JWKS from now on instead of the issuer's own. */
    public void serveJwks(String document) {
        this.jwks = document;
    }

    /** A JWKS holding one key. */
    public String jwksOf(KeyPair keyPair, String kid) {
        RSAPublicKey publicKey = (RSAPublicKey) keyPair.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", kid);
        jwk.put("n", b64(unsigned(publicKey.getModulus())));
        jwk.put("e", b64(unsigned(publicKey.getPublicExponent())));
        return write(Map.of("keys", List.of(jwk)));
    }

    public static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops serving: the issuer's address refuses connections from now on. */
    @Override
    public void close() {
        site.close();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
