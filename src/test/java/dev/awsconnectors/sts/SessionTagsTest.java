package dev.awsconnectors.sts;

import dev.awsconnectors.api.AwsConnectorService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTagsTest {

    @Test
    void usesAJiraUserNameThatFitsUnchanged() {
        assertThat(SessionTags.jiraUserTagValue("alice.smith@example.com")).isEqualTo("alice.smith@example.com");
    }

    @Test
    void keepsLettersAndDigitsOfEveryScriptAndTheSpaceAwsAllows() {
        assertThat(SessionTags.jiraUserTagValue("Jürgen Müller 日本 ٣")).isEqualTo("Jürgen Müller 日本 ٣");
    }

    @Test
    void keepsEveryPunctuationMarkAwsAllows() {
        assertThat(SessionTags.jiraUserTagValue("a_b.c:d/e=f+g-h@i")).isEqualTo("a_b.c:d/e=f+g-h@i");
    }

    @Test
    void replacesOtherCharactersAndAddsAHashOfTheWholeName() {
        String value = SessionTags.jiraUserTagValue("o'brien!");

        assertThat(value).matches("o_brien_-[0-9a-f]{8}");
        assertThat(SessionTags.isValidTagValue(value)).isTrue();
    }

    @Test
    void twoNamesThatShapeAlikeStillGetDifferentValues() {
        assertThat(SessionTags.jiraUserTagValue("a!b")).isNotEqualTo(SessionTags.jiraUserTagValue("a#b"));
    }

    @Test
    void cutsALongNameToTwoHundredFiftySixCharactersWithAHash() {
        String value = SessionTags.jiraUserTagValue("u".repeat(300));

        assertThat(value).hasSize(256).startsWith("u".repeat(247)).matches("u{247}-[0-9a-f]{8}");
    }

    @Test
    void keepsANameOfExactlyTwoHundredFiftySixCharacters() {
        assertThat(SessionTags.jiraUserTagValue("u".repeat(256))).isEqualTo("u".repeat(256));
    }

    @Test
    void neverSplitsACharacterOutsideTheBasicPlaneWhenCutting() {
        // U+20000 is a CJK letter: allowed, and two chars long in Java.
        String letter = new String(Character.toChars(0x20000));
        String value = SessionTags.jiraUserTagValue(letter.repeat(200));

        assertThat(value.length()).isLessThanOrEqualTo(256);
        assertThat(value.codePoints().limit(123)).allMatch(c -> c == 0x20000);
        assertThat(SessionTags.isValidTagValue(value)).isTrue();
        assertThat(value).matches("(?s).*-[0-9a-f]{8}");
    }

    @Test
    void replacesAnEmojiWithOneUnderscore() {
        assertThat(SessionTags.jiraUserTagValue("bob\uD83D\uDE00")).matches("bob_-[0-9a-f]{8}");
    }

    @Test
    void theSystemOwnerHasTheDocumentedSessionNames() {
        assertThat(SessionOwner.system().federatedUserName()).isEqualTo(AwsConnectorService.SYSTEM_SESSION_NAME);
        assertThat(SessionOwner.system().roleSessionName()).isEqualTo(AwsConnectorService.SYSTEM_SESSION_NAME);
        assertThat(SessionOwner.system().jiraUserName()).isEmpty();
    }

    @Test
    void aJiraUserOwnerHasNamesAwsAccepts() {
        SessionOwner owner = SessionOwner.jiraUser("Jürgen Müller");

        assertThat(owner.federatedUserName()).matches("[\\w+=,.@-]{2,32}");
        assertThat(owner.roleSessionName()).matches("[\\w+=,.@-]{2,64}");
    }
}
