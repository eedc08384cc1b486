package dev.awsconnectors.i18n;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnglishBundleTest {

    @Test
    void saysAKeyInEnglishWithNumbersGroupedAsAwsWritesThem() {
        assertThat(EnglishBundle.format("awsc.validation.consoleDestination.tooLong", 43_200, 129_600))
                .isEqualTo("The console destination has at most 43,200 characters; this one has 129,600.");
    }

    @Test
    void failsLoudlyForAKeyWithoutText() {
        assertThatThrownBy(() -> EnglishBundle.format("awsc.no.such.key"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("awsc.no.such.key");
    }

    @Test
    void itsTextsCannotBeChangedByWhoeverReadsThem() {
        assertThat(EnglishBundle.texts()).containsEntry("awsc.text.item", "{0}");
        assertThatThrownBy(() -> EnglishBundle.texts().put("awsc.text.item", "changed"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(EnglishBundle.format("awsc.text.item", "x")).isEqualTo("x");
    }
}
