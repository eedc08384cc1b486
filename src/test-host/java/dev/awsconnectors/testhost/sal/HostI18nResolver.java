package dev.awsconnectors.testhost.sal;

import com.atlassian.sal.api.message.I18nResolver;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The plugin's texts from the i18n bundles its descriptor names ({@code <resource type="i18n" location="…"/>}),
 * read through the plugin's class loader. As in Jira, {@link #getText} formats with {@link MessageFormat} (so
 * {@code ''} is an apostrophe), {@link #getRawText} returns the pattern untouched, and an unknown key comes back
 * as the key itself, so a missing text shows up on the page instead of breaking it.
 */
public final class HostI18nResolver implements I18nResolver {
    private final List<ResourceBundle> bundles = new ArrayList<>();
    private final Locale locale;

    /**
     * @param locations the descriptor's locations, e.g. {@code i18n/aws-connectors} (no {@code .properties})
     * @throws IllegalArgumentException naming a location that has no bundle
     */
    public HostI18nResolver(ClassLoader classLoader, List<String> locations, Locale locale) {
        this.locale = locale;
        for (String location : locations) {
            try {
                bundles.add(ResourceBundle.getBundle(location.replace('/', '.'), locale, classLoader));
            } catch (MissingResourceException e) {
                throw new IllegalArgumentException("The i18n resource " + location + " has no "
                        + location + ".properties on the plugin's class path", e);
            }
        }
    }

    @Override
    public String getRawText(String key) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return key;
    }

    @Override
    public String getText(String key, Serializable... arguments) {
        String pattern = getRawText(key);
        return new MessageFormat(pattern, locale).format(arguments == null ? new Object[0] : arguments);
    }

    @Override
    public String getText(String key) {
        return getText(key, new Serializable[0]);
    }
}
