package dev.awsconnectors.testhost.webresource;

import dev.awsconnectors.testhost.plugin.PluginDescriptor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every web resource the host knows, by complete key: the plugin's {@code <web-resource>} modules (their
 * {@code <dependency>} keys and downloadable files) and the host's own (AUI's). Resolves the keys a page required
 * into the files its head links, as Jira's web-resource manager orders them: each resource after everything it
 * depends on, transitively, in declaration order, each file once.
 *
 * <p>An unknown key, required or depended on, fails the resolution with a message naming it and who needs it: a
 * page that would lack its AUI or its script in Jira fails here rather than look fine without it.
 */
public final class HostWebResources {
    private record Module(List<String> dependencies, List<WebResourceFile> files) {
    }

    private final Map<String, Module> modules;

    private HostWebResources(Map<String, Module> modules) {
        this.modules = Map.copyOf(modules);
    }

    /**
     * @param plugin the plugin's descriptor; its web resources are served at
     *               {@code /download/resources/<plugin key>:<module key>/<name>}
     * @param host   the host's own web resources by complete key, each with its files in order
     */
    public static HostWebResources of(PluginDescriptor plugin, Map<String, List<WebResourceFile>> host) {
        Map<String, Module> modules = new LinkedHashMap<>();
        host.forEach((key, files) -> modules.put(key, new Module(List.of(), List.copyOf(files))));
        for (PluginDescriptor.WebResourceModule module : plugin.webResources()) {
            String key = plugin.pluginKey() + ":" + module.key();
            List<WebResourceFile> files = new ArrayList<>();
            for (PluginDescriptor.Resource resource : module.resources()) {
                if ("download".equals(resource.type())) {
                    WebResourceFile.byExtension("/download/resources/" + key + "/" + resource.name())
                            .ifPresent(files::add);
                }
            }
            modules.put(key, new Module(List.copyOf(module.dependencies()), List.copyOf(files)));
        }
        return new HostWebResources(modules);
    }

    /**
     * The files of {@code requiredKeys} and of everything they depend on, dependencies first.
     *
     * @throws UnknownWebResourceException when a key, or a dependency, is not a known web resource, or when
     *                                     dependencies form a cycle
     */
    public List<WebResourceFile> resolve(Collection<String> requiredKeys) {
        Set<String> done = new HashSet<>();
        Set<WebResourceFile> files = new LinkedHashSet<>();
        for (String key : requiredKeys) {
            visit(key, "the page", done, new LinkedHashSet<>(), files);
        }
        return List.copyOf(files);
    }

    private void visit(String key, String neededBy, Set<String> done, LinkedHashSet<String> path,
                       Set<WebResourceFile> files) {
        Objects.requireNonNull(key, "web resource key");
        if (done.contains(key)) {
            return;
        }
        if (!path.add(key)) {
            throw new UnknownWebResourceException("The web resources depend on each other in a cycle: "
                    + String.join(" -> ", path) + " -> " + key);
        }
        Module module = modules.get(key);
        if (module == null) {
            throw new UnknownWebResourceException("Unknown web resource " + key + ", required by " + neededBy
                    + ": no plugin or host web resource has that complete key");
        }
        for (String dependency : module.dependencies()) {
            visit(dependency, "the web resource " + key, done, path, files);
        }
        path.remove(key);
        done.add(key);
        files.addAll(module.files());
    }
}
