package dev.awsconnectors.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where key material is recognised: broadly in what AWS and the SDK say, narrowly in what people type. */
class KeyMaterialTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void redactsASecretKeyAndASessionTokenInAMessage() {
        String token = "FwoGZXIvYXdzEBYaDHqa0AP1/2xl+KaQxyKuAfN0xzTkJ=";

        assertThat(KeyMaterial.redacted("secret " + SECRET + " token " + token + "."))
                .isEqualTo("secret [redacted] token [redacted].");
    }

    @Test
    void redactsFortyBase64CharactersButNotThirtyNine() {
        assertThat(KeyMaterial.redacted("a".repeat(40))).isEqualTo(KeyMaterial.REDACTED);
        assertThat(KeyMaterial.redacted("a".repeat(39))).isEqualTo("a".repeat(39));
    }

    @Test
    void keepsKeyIdsArnsAndRequestIdsInAMessage() {
        String text = "Key AKIAIOSFODNN7EXAMPLE of arn:aws:iam::123456789012:user/jira-broker "
                + "(AWS request id 4bb02eca-8abb-4a5a-909c-ea9177cf8030)";

        assertThat(KeyMaterial.redacted(text)).isEqualTo(text);
    }

    @Test
    void recognisesATypedSecretKeyAlsoWithSomethingPastedAgainstIt() {
        assertThat(KeyMaterial.looksLikeSecretKey(SECRET)).isTrue();
        assertThat(KeyMaterial.looksLikeSecretKey("key=" + SECRET + " end")).isTrue();
        assertThat(KeyMaterial.looksLikeSecretKey("x" + SECRET)).isTrue();
    }

    @Test
    void doesNotTakeALongTypedNameOfOneCaseForASecretKey() {
        assertThat(KeyMaterial.looksLikeSecretKey("a".repeat(60))).isFalse();
        assertThat(KeyMaterial.looksLikeSecretKey("productionreadonlyaccessforthedataplatformteam")).isFalse();
        assertThat(KeyMaterial.looksLikeSecretKey(null)).isFalse();
    }
}
