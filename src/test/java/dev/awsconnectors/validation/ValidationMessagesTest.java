package dev.awsconnectors.validation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidationMessagesTest {

    private static Properties bundle() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ValidationMessagesTest.class.getResourceAsStream(Messages.RESOURCE)) {
            assertThat(in).as(Messages.RESOURCE).isNotNull();
            properties.load(in);
        }
        return properties;
    }

    private static Set<String> keysInCode() {
        return Arrays.stream(Keys.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(ValidationMessagesTest::valueOf)
                .collect(Collectors.toSet());
    }

    private static String valueOf(Field field) {
        try {
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void hasATextForEveryKeyTheValidatorUses() throws IOException {
        assertThat(bundle().stringPropertyNames()).containsAll(keysInCode());
    }

    @Test
    void hasNoValidationTextTheValidatorDoesNotUse() throws IOException {
        Set<String> inFile = bundle().stringPropertyNames().stream()
                .filter(key -> key.startsWith(Messages.PREFIX))
                .collect(Collectors.toSet());
        assertThat(keysInCode()).containsAll(inFile);
    }

    @Test
    void formatsEveryTextAsAMessageFormatPattern() throws IOException {
        Properties bundle = bundle();
        Object[] arguments = {1, 2, 3, 4, 5};
        for (String key : keysInCode()) {
            String formatted = new MessageFormat(bundle.getProperty(key), Locale.ENGLISH).format(arguments);
            assertThat(formatted).as(key).isNotBlank().doesNotContain("{").endsWith(".");
        }
    }

    @Test
    void doublesEveryApostropheSoMessageFormatKeepsIt() throws IOException {
        Properties bundle = bundle();
        List<String> broken = new ArrayList<>();
        for (String key : keysInCode()) {
            String pattern = bundle.getProperty(key);
            if (pattern.replace("''", "").contains("'")) {
                broken.add(key);
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void keepsTheFileAsciiSoItsEncodingCannotMatter() throws IOException {
        try (InputStream in = ValidationMessagesTest.class.getResourceAsStream(Messages.RESOURCE)) {
            byte[] bytes = in.readAllBytes();
            for (byte b : bytes) {
                assertThat(b & 0xFF).isLessThan(0x80);
            }
        }
    }

    @Test
    void failsLoudlyForAKeyWithoutText() {
        assertThatThrownBy(() -> new Messages().format("awsc.validation.nothing.here", List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("awsc.validation.nothing.here");
    }
}
