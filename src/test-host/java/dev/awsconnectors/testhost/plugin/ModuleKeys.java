package dev.awsconnectors.testhost.plugin;

import org.w3c.dom.Element;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Atlassian's rule for the keys of a descriptor's modules: every module needs a key, and no two modules of one
 * plugin share a key; one module breaking it disables the whole plugin. The rule is checked before anything is
 * loaded, so a descriptor Jira would refuse never starts here either.
 *
 * <p>Sources (atlassian-plugins-core 7.4.0, decompiled, ngannk-fptu/Decompiled-Files,
 * {@code com.atlassian.plugins_atlassian-plugins-core-7.4.0/com/atlassian/plugin/...}):
 * {@code parsers/PluginDescriptorReader#getModules} treats every direct child of {@code <atlassian-plugin>} as a
 * module except {@code plugin-info} and {@code resource} (compared ignoring case);
 * {@code descriptors/AbstractModuleDescriptor#provideValidationRules} requires {@code @key} ("The key is
 * required"); {@code parsers/XmlDescriptorParser} throws "Found duplicate key '…' within plugin '…'" and turns a
 * module that fails to initialise into an unloadable plugin ("The module and its plugin … have been disabled").
 * Atlassian's test is only that the attribute exists; an empty key is refused here too, as no complete key
 * ({@code plugin:module}) can be built from it.
 */
final class ModuleKeys {
    private static final List<String> NOT_MODULES = List.of("plugin-info", "resource");

    private ModuleKeys() {
    }

    /** Whether Atlassian's parser treats this direct child of {@code <atlassian-plugin>} as a module. */
    static boolean isModule(Element child) {
        return NOT_MODULES.stream().noneMatch(name -> name.equalsIgnoreCase(child.getTagName()));
    }

    /**
     * @param pluginKey the plugin's key, for the message
     * @param children  the direct children of {@code <atlassian-plugin>}, in document order
     * @throws PluginLoadException naming the first module without a key (element and position) or the first key
     *                             used twice (with both elements)
     */
    static void check(String pluginKey, List<Element> children) {
        Map<String, String> seen = new HashMap<>();
        int position = 0;
        for (Element child : children) {
            if (!isModule(child)) {
                continue;
            }
            position++;
            String key = child.getAttribute("key").strip();
            if (key.isEmpty()) {
                throw new PluginLoadException("The plugin '" + pluginKey + "' is disabled: its module <"
                        + child.getTagName() + "> (module " + position + " of the descriptor) has no key. "
                        + "The key is required");
            }
            String earlier = seen.putIfAbsent(key, "<" + child.getTagName() + ">");
            if (earlier != null) {
                throw new PluginLoadException("The plugin '" + pluginKey + "' is disabled: found duplicate key '"
                        + key + "' within the plugin, on " + earlier + " and on <" + child.getTagName()
                        + "> (module " + position + " of the descriptor)");
            }
        }
    }
}
