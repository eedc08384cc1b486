package dev.awsconnectors.i18n;

import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTest {
    /** Says a key with its arguments, so that a test sees exactly what the host's i18n was asked. */
    private static final Text.Translator SHOW_KEYS = (key, arguments) -> key + Arrays.toString(arguments);

    @Test
    void isSaidInTheBundlesEnglishWithItsArguments() {
        assertThat(Text.of("awsc.aws.admin.forAccount", "Prod").english()).isEqualTo("account 'Prod'");
    }

    @Test
    void saysANestedTextInTheSameLanguageBeforeTheTextAroundIt() {
        Text text = Text.of("awsc.aws.admin.unreachable", "AWS STS", "sts.example",
                Text.of("awsc.aws.admin.unreachable.refused"));

        assertThat(text.in(SHOW_KEYS))
                .isEqualTo("awsc.aws.admin.unreachable[AWS STS, sts.example, awsc.aws.admin.unreachable.refused[]]");
        assertThat(text.english()).isEqualTo("AWS STS at sts.example could not be reached: the connection was "
                + "refused. Check the network path from Jira to AWS (DNS, firewall, proxy, VPC endpoint) and the "
                + "account's endpoint override.");
    }

    @Test
    void keepsTheLeadingSpaceOfAPartThatFollowsAnotherSentence() {
        Text text = Text.of("awsc.aws.hint.federationToken", "Prod", Text.of("awsc.aws.hint.andTagSession"));

        assertThat(text.english()).startsWith("the IAM user of account 'Prod' has a policy that allows "
                + "sts:GetFederationToken and sts:TagSession, that no permissions boundary");
    }

    @Test
    void asASentenceEndsWithAFullStopOnlyWhenItHasNone() {
        assertThat(Text.of("awsc.admin.rotate.report.failure", "AWS said no").asSentence().english())
                .isEqualTo("AWS said no.");
        assertThat(Text.of("awsc.admin.rotate.report.failure", "AWS said no.").asSentence().english())
                .isEqualTo("AWS said no.");
        assertThat(Text.of("awsc.admin.rotate.report.failure", "AWS said no (request id 1)").asSentence().english())
                .isEqualTo("AWS said no (request id 1)");
        assertThat(Text.of("awsc.admin.rotate.report.failure", "AWS said no").english()).isEqualTo("AWS said no");
    }

    @Test
    void changesEveryStringArgumentNestedOrNotAndLeavesNumbersAndKeysAlone() {
        Text text = Text.of("awsc.admin.rotate.report.created", "AKIA1",
                Text.of("awsc.admin.rotate.report.iamUser", "secret-ish"), 3);

        Text changed = text.mapStrings(s -> s.replace("secret-ish", "[redacted]"));

        assertThat(changed).isEqualTo(Text.of("awsc.admin.rotate.report.created", "AKIA1",
                Text.of("awsc.admin.rotate.report.iamUser", "[redacted]"), 3));
    }

    @Test
    void listsItemsAsTheBundleSeparatesThem() {
        List<Serializable> items = List.of("AKIA1", Text.of("awsc.text.quoted", "Prod"), "AKIA3");

        assertThat(Text.list(items).english()).isEqualTo("AKIA1, 'Prod', AKIA3");
        assertThat(Text.list(List.of("AKIA1")).english()).isEqualTo("AKIA1");
        assertThatThrownBy(() -> Text.list(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyMissingFromTheBundleFailsLoudlyRatherThanShowingTheKey() {
        assertThatThrownBy(() -> Text.of("awsc.no.such.key").english())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("awsc.no.such.key");
    }

    @Test
    void everyTextOfTheBundleIsAPatternTheHostsMessageFormatAccepts() {
        EnglishBundle.texts().forEach((key, pattern) ->
                assertThat(new MessageFormat(pattern, Locale.ENGLISH)).as(key).isNotNull());
    }

    @Test
    void aCreateAccessKeyHintQuotesAwsPolicyVariableLiterally() {
        assertThat(Text.of("awsc.aws.hint.createAccessKey", "Prod", "aws").english()).isEqualTo("the IAM user of "
                + "account 'Prod' is allowed iam:CreateAccessKey on itself (arn:aws:iam::<account>:user/"
                + "${aws:username})");
    }

    @Test
    void aKeyMissingFromTheBundleIsShownAsTheKeyAndItsArgumentsWhenOnlyPrinted() {
        assertThat(Text.of("awsc.no.such.key", "Prod", 3)).hasToString("awsc.no.such.key[Prod, 3]");
        assertThat(Text.of("awsc.aws.admin.forAccount", "Prod")).hasToString("account 'Prod'");
    }

    @Test
    void aMissingArgumentIsSaidAsNothing() {
        assertThat(Text.of("awsc.aws.admin.forAccount", (Serializable) null).english()).isEqualTo("account ''");
        assertThat(Text.of("awsc.text.list", "AKIA1", null).english()).isEqualTo("AKIA1, ");
        assertThat(new Text("awsc.text.item", null, false).arguments()).isEmpty();
    }
}
