package dev.awsconnectors.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExcerptsTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void quotesAShortValueAsItIs() {
        assertThat(Excerpts.of("mars-1")).isEqualTo("mars-1");
    }

    @Test
    void quotesFortyCharactersOfALongValueAndAnEllipsis() {
        assertThat(Excerpts.of("r".repeat(100_000))).isEqualTo("r".repeat(40) + "…");
        assertThat(Excerpts.of("😀".repeat(41))).as("characters as people count them")
                .isEqualTo("😀".repeat(40) + "…");
    }

    @Test
    void quotesArnsFurtherSinceTheirEndOftenSaysWhatIsWrong() {
        String arn = "arn:aws:iam::123456789012:role/" + "path/".repeat(100) + "Role";
        assertThat(Excerpts.ofArn("arn:aws:iam:us-east-1:123456789012:role/Regional"))
                .isEqualTo("arn:aws:iam:us-east-1:123456789012:role/Regional");
        assertThat(Excerpts.ofArn(arn)).isEqualTo(arn.substring(0, 100) + "…");
    }

    @Test
    void neverQuotesAValueShapedLikeASecretKeyAloneOrWithinText() {
        assertThat(Excerpts.of(SECRET)).isEqualTo(Excerpts.HIDDEN);
        assertThat(Excerpts.of("key=" + SECRET + " end")).isEqualTo(Excerpts.HIDDEN);
        assertThat(Excerpts.secretShaped(SECRET)).isTrue();
    }

    @Test
    void doesNotTakeAccessKeyIdsNamesOrArnsForSecrets() {
        assertThat(Excerpts.secretShaped("AKIAIOSFODNN7EXAMPLE")).isFalse();
        assertThat(Excerpts.secretShaped("arn:aws:iam::123456789012:role/Developers")).isFalse();
        assertThat(Excerpts.secretShaped("a".repeat(40))).isFalse();
    }

    @Test
    void hidesASecretKeyWithMoreCharactersStuckToItRatherThanQuoteItsFirstForty() {
        assertThat(Excerpts.of(SECRET + "A")).isEqualTo(Excerpts.HIDDEN);
        assertThat(Excerpts.of("x" + SECRET + "Ab3")).isEqualTo(Excerpts.HIDDEN);
        assertThat(Excerpts.secretShaped(SECRET + SECRET)).isTrue();
    }

    @Test
    void replacesControlCharactersSoAnExcerptCannotForgeALogLine() {
        assertThat(Excerpts.of("a\nb\u0000c")).isEqualTo("a?b?c");
    }
}
