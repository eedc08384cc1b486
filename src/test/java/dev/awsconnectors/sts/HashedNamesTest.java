package dev.awsconnectors.sts;

import org.junit.jupiter.api.Test;

import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The one way a name AWS would refuse is shortened: replaced characters, a cut, and a hash of the whole name. */
class HashedNamesTest {
    private static final IntPredicate LETTERS = Character::isLetter;

    @Test
    void replacesRefusedCharactersAndEndsWithEightHexDigitsOfTheWholeName() {
        assertThat(HashedNames.shortened("ab!c", 64, LETTERS, "_")).matches("ab_c-[0-9a-f]{8}");
    }

    @Test
    void cutsTheNameSoThatTheResultHasExactlyTheMaximumLength() {
        assertThat(HashedNames.shortened("a".repeat(100), 32, LETTERS, "-")).hasSize(32).startsWith("a".repeat(23));
    }

    @Test
    void namesThatDifferOnlyAfterTheCutStillDiffer() {
        assertThat(HashedNames.shortened("a".repeat(100) + "x", 32, LETTERS, "-"))
                .isNotEqualTo(HashedNames.shortened("a".repeat(100) + "y", 32, LETTERS, "-"));
    }

    @Test
    void neverSplitsACharacterOutsideTheBasicPlaneAtTheCut() {
        String letter = "\uD835\uDD18";
        // 23 characters of room before the hash: two letters and ten pairs fill 22, and a pair does not fit in one.
        String shortened = HashedNames.shortened("aa" + letter.repeat(20), 32, LETTERS, "-");

        assertThat(shortened).hasSize(31).startsWith("aa" + letter.repeat(10) + "-");
    }

    @Test
    void replacesACharacterOutsideTheBasicPlaneByOneReplacement() {
        assertThat(HashedNames.shortened("a\uD83D\uDE00b", 64, LETTERS, "-")).matches("a-b-[0-9a-f]{8}");
    }
}
