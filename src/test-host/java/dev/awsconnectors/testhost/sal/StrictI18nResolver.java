package dev.awsconnectors.testhost.sal;

import com.atlassian.sal.api.message.I18nResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** The app's real i18n bundle, formatted as SAL does (MessageFormat); a key it lacks fails the test. */
public final class StrictI18nResolver implements I18nResolver {
    private final Properties texts = new Properties();

    public StrictI18nResolver() {
        try (InputStream in = getClass().getResourceAsStream("/i18n/aws-connectors.properties")) {
            texts.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String getRawText(String key) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new AssertionError("No i18n key " + key);
        }
        return text;
    }

    @Override
    public String getText(String key, Serializable... arguments) {
        return new MessageFormat(getRawText(key), Locale.ENGLISH).format(arguments);
    }

    @Override
    public String getText(String key) {
        return getText(key, new Serializable[0]);
    }
}
