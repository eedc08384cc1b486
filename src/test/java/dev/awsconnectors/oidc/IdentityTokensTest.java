package dev.awsconnectors.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityTokensTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final String ISSUER = "https://jira.example.com/jira/rest/aws-connectors/1.0/oidc";

    @TempDir
    Path shared;

    private final ManualClock clock = new ManualClock(NOW);

    private IdentityTokens tokens() {
        return new IdentityTokens(new Site("https://jira.example.com/jira/", Optional.of(shared), Optional.empty()),
                clock);
    }

    @Test
    void aMintedTokenVerifiesWithTheJdkAgainstTheJwksKeyOfItsKid() throws Exception {
        IdentityTokens tokens = tokens();

        String token = tokens.mint(TokenClaims.of("jira:connector:c1", "sts.amazonaws.com", Duration.ofMinutes(5)));

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode header = decode(parts[0]);
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(header.get("typ").asText()).isEqualTo("JWT");
        assertThat(verifies(token, publicKey(tokens.jwks(), header.get("kid").asText()))).isTrue();
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"admin\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(verifies(forged, publicKey(tokens.jwks(), header.get("kid").asText()))).as("a changed payload")
                .isFalse();
    }

    @Test
    void aTokenCarriesIssuerSubjectAudienceWholeSecondTimesAndAnId() throws Exception {
        clock.advance(Duration.ofMillis(700));
        IdentityTokens tokens = tokens();

        JsonNode claims = decode(tokens.mint(TokenClaims.of("jira:user:alice", "sts.amazonaws.com",
                Duration.ofMinutes(5))).split("\\.")[1]);

        assertThat(claims.get("iss").asText()).isEqualTo(ISSUER).isEqualTo(tokens.issuerUrl());
        assertThat(claims.get("sub").asText()).isEqualTo("jira:user:alice");
        assertThat(claims.get("aud").isTextual()).as("one audience, as a string").isTrue();
        assertThat(claims.get("aud").asText()).isEqualTo("sts.amazonaws.com");
        for (String time : List.of("iat", "nbf", "exp")) {
            assertThat(claims.get(time).isIntegralNumber()).as(time + " in whole seconds").isTrue();
        }
        assertThat(claims.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.get("nbf").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 300);
        assertThat(claims.get("jti").asText()).isNotBlank();
        assertThat(claims.has(IdentityTokens.SOURCE_IDENTITY_CLAIM)).isFalse();
        assertThat(claims.has(IdentityTokens.TAGS_CLAIM)).isFalse();
    }

    @Test
    void theSourceIdentityAndSessionTagsAreInTheClaimsAwsDefinesForThem() throws Exception {
        TokenClaims claims = new TokenClaims("jira:user:alice", "sts.amazonaws.com", Duration.ofMinutes(5),
                Optional.of("alice"), Map.of("jira-user", "alice", "Project", "X"), List.of("jira-user"));

        JsonNode payload = decode(tokens().mint(claims).split("\\.")[1]);

        assertThat(payload.get("https://aws.amazon.com/source_identity").asText()).isEqualTo("alice");
        assertThat(payload.get("https://aws.amazon.com/tags")).isEqualTo(JSON.readTree("{\"principal_tags\": "
                + "{\"Project\": [\"X\"], \"jira-user\": [\"alice\"]}, \"transitive_tag_keys\": [\"jira-user\"]}"));
    }

    @Test
    void twoTokensHaveDifferentIds() throws Exception {
        IdentityTokens tokens = tokens();
        TokenClaims claims = TokenClaims.of("s", "a", Duration.ofMinutes(1));

        assertThat(decode(tokens.mint(claims).split("\\.")[1]).get("jti"))
                .isNotEqualTo(decode(tokens.mint(claims).split("\\.")[1]).get("jti"));
    }

    @Test
    void refusesALifetimeShorterThanAMinuteOrLongerThanAnHour() {
        assertThatThrownBy(() -> TokenClaims.of("s", "a", Duration.ofSeconds(59)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenClaims.of("s", "a", Duration.ofMinutes(60).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TokenClaims.of("s", "a", Duration.ofHours(1)).lifetime()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> TokenClaims.of(" ", "a", Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> TokenClaims.of("s", "", Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audience");
    }

    @Test
    void theDiscoveryDocumentNamesTheIssuerAndItsJwksUri() throws Exception {
        JsonNode document = JSON.readTree(tokens().discoveryDocument());

        assertThat(document.get("issuer").asText()).isEqualTo(ISSUER);
        assertThat(document.get("jwks_uri").asText()).isEqualTo(ISSUER + "/jwks");
        assertThat(document.get("response_types_supported")).containsExactly(JSON.getNodeFactory().textNode("id_token"));
        assertThat(document.get("subject_types_supported")).containsExactly(JSON.getNodeFactory().textNode("public"));
        assertThat(document.get("id_token_signing_alg_values_supported"))
                .containsExactly(JSON.getNodeFactory().textNode("RS256"));
        assertThat(texts(document.get("claims_supported"))).contains("iss", "sub", "aud", "iat", "exp",
                "https://aws.amazon.com/source_identity", "https://aws.amazon.com/tags");
    }

    @Test
    void aHostedIssuersDiscoveryDocumentNamesItExactlyAndTheJwksBesideIt() throws Exception {
        IdentityTokens tokens = tokens();

        JsonNode hosted = JSON.readTree(tokens.discoveryDocument("https://oidc.example.com/jira/"));

        assertThat(hosted.get("issuer").asText()).as("as the tokens name it, trailing slash and all")
                .isEqualTo("https://oidc.example.com/jira/");
        assertThat(hosted.get("jwks_uri").asText()).isEqualTo("https://oidc.example.com/jira/jwks");
        JsonNode served = JSON.readTree(tokens.discoveryDocument());
        assertThat(hosted.get("claims_supported")).isEqualTo(served.get("claims_supported"));
        assertThat(JSON.readTree(tokens.discoveryDocument(tokens.issuerUrl()))).isEqualTo(served);
    }

    @Test
    void theHostedDocumentsGoWhereAwsLooksForThem() {
        assertThat(IdentityTokens.discoveryUrl("https://oidc.example.com/jira/"))
                .isEqualTo("https://oidc.example.com/jira/.well-known/openid-configuration");
        assertThat(IdentityTokens.discoveryUrl(ISSUER)).isEqualTo(ISSUER + "/.well-known/openid-configuration");
        assertThat(IdentityTokens.jwksUrl("https://oidc.example.com")).isEqualTo("https://oidc.example.com/jwks");
        assertThat(tokens().publicationLead()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theJwksHoldsRsaSigningKeysInUnpaddedBase64UrlWithoutALeadingZeroByte() throws Exception {
        JsonNode key = JSON.readTree(tokens().jwks()).get("keys").get(0);

        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("use").asText()).isEqualTo("sig");
        assertThat(key.get("alg").asText()).isEqualTo("RS256");
        assertThat(key.get("e").asText()).isEqualTo("AQAB");
        String n = key.get("n").asText();
        assertThat(n).doesNotContain("=", "+", "/");
        byte[] modulus = Base64.getUrlDecoder().decode(n);
        assertThat(modulus).hasSize(256);
        assertThat(modulus[0]).isNotZero();
        assertThat(fieldNames(key)).containsExactlyInAnyOrder("kty", "use", "alg", "kid", "n", "e");
    }

    @Test
    void afterARotationTokensVerifyAgainstTheJwksAtEveryStepAndTheOldKeyGoesOnceItsTokensExpired()
            throws Exception {
        IdentityTokens tokens = tokens();
        TokenClaims claims = TokenClaims.of("s", "sts.amazonaws.com", Duration.ofHours(1));
        String old = tokens.mint(claims);
        String oldKid = decode(old.split("\\.")[0]).get("kid").asText();

        String next = tokens.rotate();
        assertThat(tokens.publishedKeyIds()).containsExactlyInAnyOrder(oldKid, next);
        assertThat(decode(tokens.mint(claims).split("\\.")[0]).get("kid").asText()).as("not signing yet")
                .isEqualTo(oldKid);

        clock.advance(Duration.ofHours(1));
        String signedWithOld = old;
        String fresh = tokens.mint(claims);
        assertThat(decode(fresh.split("\\.")[0]).get("kid").asText()).isEqualTo(next);
        assertThat(verifies(fresh, publicKey(tokens.jwks(), next))).isTrue();
        assertThat(verifies(signedWithOld, publicKey(tokens.jwks(), oldKid))).as("the previous key still published")
                .isTrue();

        clock.advance(Duration.ofMinutes(65));
        assertThat(tokens.publishedKeyIds()).containsExactly(next);
    }

    @Test
    void noTextOrFailureShowsPrivateKeyMaterial() throws Exception {
        IdentityTokens tokens = tokens();
        String token = tokens.mint(TokenClaims.of("s", "a", Duration.ofMinutes(5)));
        SigningKeys keys = new SigningKeys(new Site("https://jira.example.com/jira/", Optional.of(shared),
                Optional.empty()), clock, new java.security.SecureRandom());
        SigningKey key = keys.keys().get(0);
        List<String> secrets = List.of(key.privateKey().getPrivateExponent().toString(),
                key.privateKey().getPrivateExponent().toString(16),
                Base64.getEncoder().encodeToString(key.privateKey().getEncoded()).substring(200, 260),
                Base64.getUrlEncoder().withoutPadding().encodeToString(
                        key.privateKey().getPrivateExponent().toByteArray()).substring(10, 60));

        List<String> texts = new ArrayList<>(List.of(tokens.toString(), key.toString(), keys.keys().toString(),
                tokens.jwks(), tokens.discoveryDocument(), token, String.valueOf(tokens.publishedKeyIds())));
        Files.writeString(keys.path(), Files.readString(keys.path()).replace("=CURRENT ", "=SIGNING "));
        try {
            tokens().mint(TokenClaims.of("s", "a", Duration.ofMinutes(5)));
        } catch (RuntimeException damaged) {
            texts.add(damaged.toString());
        }
        assertThat(texts).hasSize(8);

        for (String text : texts) {
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    private static PublicKey publicKey(String jwks, String kid) throws Exception {
        for (JsonNode key : JSON.readTree(jwks).get("keys")) {
            if (key.get("kid").asText().equals(kid)) {
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").asText())),
                        new BigInteger(1, Base64.getUrlDecoder().decode(key.get("e").asText()))));
            }
        }
        throw new AssertionError("no key " + kid + " in " + jwks);
    }

    private static boolean verifies(String token, PublicKey key) throws Exception {
        int lastDot = token.lastIndexOf('.');
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        signature.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
    }

    private static JsonNode decode(String part) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(part));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
