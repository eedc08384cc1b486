package dev.awsconnectors.testhost.plugin;

import com.atlassian.plugin.web.api.WebItem;
import com.atlassian.plugin.web.api.provider.WebItemProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The plugin's web fragments as Jira's web interface manager serves them: web-sections by location and web-items
 * by section, those whose conditions hold for the current user, in weight order, with the items of the
 * web-item-providers of a section merged in (as {@code DefaultWebInterfaceManager.getDisplayableWebItems} does:
 * static items and provided items together, sorted by weight; a provider that throws loses its items, and the
 * error is printed, as Jira logs it).
 *
 * <p>Conditions: the demo host knows only Jira's own {@value #USER_LOGGED_IN_CONDITION} (there is a user); the
 * {@link PluginLoader} refuses to load a plugin naming any other class, so a typo fails a test here rather than a
 * module in a customer's Jira.
 *
 * <p>The loader creates the providers once (as Jira memoizes them), through the plugin's Spring context with
 * constructor autowiring; the loaded plugin holds this object ({@link LoadedPlugin#webFragments()}).
 */
public final class WebFragments {
    /** Jira's condition "a user is logged in". */
    public static final String USER_LOGGED_IN_CONDITION =
            "com.atlassian.jira.plugin.webfragment.conditions.UserLoggedInCondition";

    private static final Comparator<PluginDescriptor.WebSection> SECTION_ORDER =
            Comparator.comparingInt(PluginDescriptor.WebSection::weight);
    private static final Comparator<PluginDescriptor.WebItem> ITEM_ORDER =
            Comparator.comparingInt(PluginDescriptor.WebItem::weight);

    private final PluginDescriptor descriptor;
    private final Map<String, WebItemProvider> providers;
    private final UserManager users;
    private final Optional<I18nResolver> i18n;

    /** Conditions the demo host can evaluate, by class name. */
    static Map<String, Predicate<UserManager>> knownConditions() {
        return Map.of(USER_LOGGED_IN_CONDITION, users -> users.getRemoteUserKey() != null);
    }

    /**
     * @param providers the providers' instances by module key
     * @param i18n      the host's i18n; without one, labels and tooltips show their keys
     */
    WebFragments(PluginDescriptor descriptor, Map<String, WebItemProvider> providers, UserManager users,
                 Optional<I18nResolver> i18n) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.providers = Map.copyOf(providers);
        this.users = users; // null only when no fragment has a condition (the loader checks)
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    /** The web-sections at {@code location} whose conditions hold now, lightest first. */
    public List<PluginDescriptor.WebSection> displayableSections(String location) {
        return descriptor.webSections().stream()
                .filter(section -> section.location().equals(location) && holds(section.conditions()))
                .sorted(SECTION_ORDER)
                .toList();
    }

    /**
     * Whether Jira loads the dropdown at {@code location} only when it is opened: when one of its displayable
     * web-sections has {@code <param name="lazy" value="true"/>} (Jira's {@code DefaultSimpleLinkManager
     * .shouldLocationBeLazy}: a section's {@code lazy} parameter, read with {@code Boolean.parseBoolean}, or a lazy
     * simple-link factory, which the app does not use).
     */
    public boolean isLazy(String location) {
        return displayableSections(location).stream().anyMatch(PluginDescriptor.WebSection::lazy);
    }

    /** The static web-items of {@code section} whose conditions hold now, lightest first. */
    public List<PluginDescriptor.WebItem> displayableItems(String section) {
        return descriptor.webItems().stream()
                .filter(item -> section.equals(item.section()) && holds(item.conditions()))
                .sorted(ITEM_ORDER)
                .toList();
    }

    /**
     * What Jira's {@code getDisplayableWebItems(section, context)} answers: the displayable static items (label
     * and tooltip resolved, the link's id as id, a relative link prefixed with {@code contextPath}) and the items
     * of the section's providers (their URLs as they give them), sorted by weight.
     */
    public List<WebItem> displayableWebItems(String section, String contextPath, Map<String, Object> context) {
        List<WebItem> items = new ArrayList<>();
        for (PluginDescriptor.WebItem item : displayableItems(section)) {
            items.add(new HostWebItem(descriptor.pluginKey() + ":" + item.key(), label(item),
                    tooltip(item),
                    item.linkId().isEmpty() ? null : item.linkId(), item.weight(), section,
                    item.link().startsWith("/") ? contextPath + item.link() : item.link()));
        }
        for (PluginDescriptor.WebItemProviderModule module : descriptor.webItemProviders()) {
            if (!module.section().equals(section)) {
                continue;
            }
            try {
                Iterable<WebItem> provided = providers.get(module.key()).getItems(context);
                if (provided != null) {
                    provided.forEach(items::add);
                }
            } catch (RuntimeException e) {
                System.err.println("WebItemProvider from module '" + descriptor.pluginKey() + ":" + module.key()
                        + "' threw an error '" + e.getMessage() + "'. Web-items provided by this provider will be "
                        + "ignored.");
            }
        }
        items.sort(Comparator.comparingInt(WebItem::getWeight));
        return List.copyOf(items);
    }

    /** The label of a static web-item: its i18n key's text, else its text, else its key. */
    public String label(PluginDescriptor.WebItem item) {
        String label = item.labelKey() == null || item.labelKey().isBlank()
                ? item.labelText() : text(item.labelKey());
        return label == null || label.isBlank() ? item.key() : label;
    }

    /** The tooltip of a static web-item (its {@code <tooltip key>}'s text), or {@code null}. */
    public String tooltip(PluginDescriptor.WebItem item) {
        return item.tooltipKey() == null || item.tooltipKey().isBlank() ? null : text(item.tooltipKey());
    }

    private String text(String key) {
        return i18n.map(resolver -> resolver.getText(key)).orElse(key);
    }

    /** Whether every condition holds now (Jira ANDs the conditions of a fragment). */
    public boolean holds(List<PluginDescriptor.Condition> conditions) {
        Map<String, Predicate<UserManager>> known = knownConditions();
        for (PluginDescriptor.Condition condition : conditions) {
            Predicate<UserManager> test = known.get(condition.className());
            if (test == null) {
                throw new IllegalStateException("Unknown condition " + condition.className());
            }
            if (test.test(users) == condition.inverted()) {
                return false;
            }
        }
        return true;
    }
}
