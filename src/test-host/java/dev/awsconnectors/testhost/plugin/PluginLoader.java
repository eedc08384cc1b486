package dev.awsconnectors.testhost.plugin;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import com.atlassian.plugin.web.api.provider.WebItemProvider;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import jakarta.servlet.Servlet;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.context.support.GenericApplicationContext;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Loads the plugin as Jira does, from its descriptor and spring-scanner index on a class loader:
 * <ol>
 *   <li>every import of the index must be satisfied by a host component — they become singletons of the plugin's
 *       Spring context, the only host services the plugin sees;</li>
 *   <li>every indexed component is registered and autowired through its constructor, and the context started;</li>
 *   <li>every export must name a component implementing the interfaces it is exported as;</li>
 *   <li>the {@code <ao>} module's upgrade tasks newer than the stored model version run, in order;</li>
 *   <li>servlet modules are created through the context's autowire factory, REST modules become Jersey
 *       applications whose resources are created the same way, web resources get their download names;</li>
 *   <li>web-item-providers are created once through the context with constructor autowiring, as Jira creates
 *       them, and every web fragment's condition must be one the demo host knows ({@link WebFragments}); both are
 *       kept, with the descriptor's web-sections and web-items, as the plugin's {@link WebFragments}.</li>
 * </ol>
 * Anything wrong stops the load with a {@link PluginLoadException} naming the module, import or class.
 */
public final class PluginLoader {
    public static final String DESCRIPTOR = "atlassian-plugin.xml";

    /** Lists the classes of the plugin under some packages (and their sub-packages), for REST modules. */
    @FunctionalInterface
    public interface ClassFinder {
        Set<Class<?>> classesUnder(List<String> packages);
    }

    private final ClassLoader classLoader;
    private final String descriptorResource;
    private final String indexDirectory;
    private final ClassFinder classFinder;

    /** The plugin on {@code classLoader}, with its descriptor and index where Jira looks for them. */
    public PluginLoader(ClassLoader classLoader) {
        this(classLoader, DESCRIPTOR, SpringScannerIndex.DEFAULT_DIRECTORY);
    }

    /**
     * The plugin on a bundle's class loader: Jersey's package scanning reads only file and jar URLs, so the
     * bundle's own listing finds the REST resources instead.
     */
    public PluginLoader(ClassLoader classLoader, ClassFinder classFinder) {
        this(classLoader, DESCRIPTOR, SpringScannerIndex.DEFAULT_DIRECTORY, classFinder);
    }

    /** A plugin whose descriptor and index are elsewhere on the class path (fixtures for tests). */
    public PluginLoader(ClassLoader classLoader, String descriptorResource, String indexDirectory) {
        this(classLoader, descriptorResource, indexDirectory, packages -> new ResourceConfig()
                .setClassLoader(classLoader).packages(true, packages.toArray(String[]::new)).getClasses());
    }

    private PluginLoader(ClassLoader classLoader, String descriptorResource, String indexDirectory,
                         ClassFinder classFinder) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.descriptorResource = Objects.requireNonNull(descriptorResource, "descriptorResource");
        this.indexDirectory = Objects.requireNonNull(indexDirectory, "indexDirectory");
        this.classFinder = Objects.requireNonNull(classFinder, "classFinder");
    }

    /** The descriptor alone, for host services that need it before the plugin starts (i18n, templates). */
    public PluginDescriptor descriptor() {
        return PluginDescriptor.read(classLoader, descriptorResource);
    }

    /**
     * Starts the plugin.
     *
     * @param host           the host's services; {@link UserManager} is also what the REST security checks use
     * @param modelVersions  where AO model versions are kept; {@code null} when the plugin has no {@code <ao>}
     */
    public LoadedPlugin load(HostComponents host, AoModelVersions modelVersions) {
        PluginDescriptor descriptor = descriptor();
        // Jira's scanner runtime builds the plugin's components only from a Spring context file that asks it to.
        if (classLoader.getResource("META-INF/spring/plugin-context.xml") == null) {
            throw new PluginLoadException("The plugin has no META-INF/spring/plugin-context.xml, so Jira would "
                    + "create none of its components (it needs <atlassian-scanner:scan-indexes/>)");
        }
        SpringScannerIndex index = SpringScannerIndex.read(classLoader, indexDirectory);
        GenericApplicationContext context = new GenericApplicationContext();
        context.setClassLoader(classLoader);
        try {
            registerImports(index, host, context);
            registerComponents(index, context);
            try {
                context.refresh();
            } catch (RuntimeException e) {
                throw new PluginLoadException("The plugin's Spring context cannot start: " + e.getMessage(), e);
            }
            checkExports(index, context);
            runUpgradeTasks(descriptor, host, context, modelVersions);
            List<LoadedPlugin.MountedServlet> servlets = servlets(descriptor, context);
            List<LoadedPlugin.MountedRest> rests = restApplications(descriptor, context, host);
            WebFragments fragments = webFragments(descriptor, context, host);
            return new LoadedPlugin(descriptor, context, servlets, rests, webResources(descriptor), classLoader,
                    index.exports(), fragments);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    private void registerImports(SpringScannerIndex index, HostComponents host, GenericApplicationContext context) {
        for (String imported : index.imports()) {
            Class<?> type = load(imported, "The plugin imports " + imported + " (" + indexDirectory
                    + "/imports), a class that does not exist");
            Object component = host.find(type).orElseThrow(() -> new PluginLoadException("The plugin imports "
                    + imported + " (" + indexDirectory + "/imports), but no host component provides it"));
            // As in Jira, an import is a service proxy of the imported interface only: a plugin that relies on
            // another interface the host object happens to implement fails here, not in a customer's Jira.
            context.getBeanFactory().registerSingleton(imported, onlyAs(type, component));
        }
    }

    private Object onlyAs(Class<?> type, Object component) {
        if (!type.isInterface()) {
            return component;
        }
        return java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(component, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void registerComponents(SpringScannerIndex index, GenericApplicationContext context) {
        for (SpringScannerIndex.Entry entry : index.components()) {
            Class<?> type = load(entry.className(), "The component " + entry.className() + " (" + indexDirectory
                    + "/component) does not exist");
            if (entry.beanName() == null) {
                context.registerBean(type);
            } else {
                registerNamed(context, entry.beanName(), type);
            }
        }
    }

    private static <T> void registerNamed(GenericApplicationContext context, String name, Class<T> type) {
        context.registerBean(name, type);
    }

    private void checkExports(SpringScannerIndex index, GenericApplicationContext context) {
        for (SpringScannerIndex.Export export : index.exports()) {
            Class<?> type = load(export.className(), "The export " + export.className() + " does not exist");
            if (context.getBeanNamesForType(type).length == 0) {
                throw new PluginLoadException("The plugin exports " + export.className() + " (" + indexDirectory
                        + "/exports), which is not one of its components");
            }
            for (String iface : export.interfaces()) {
                if (!load(iface, "The export interface " + iface + " does not exist").isAssignableFrom(type)) {
                    throw new PluginLoadException("The plugin exports " + export.className() + " as " + iface
                            + ", which it does not implement");
                }
            }
        }
    }

    private void runUpgradeTasks(PluginDescriptor descriptor, HostComponents host, GenericApplicationContext context,
                                 AoModelVersions modelVersions) {
        if (descriptor.aoUpgradeTasks().isEmpty() && descriptor.aoEntities().isEmpty()) {
            return;
        }
        ActiveObjects ao = host.get(ActiveObjects.class).orElseThrow(() -> new PluginLoadException(
                "The plugin has an <ao> module, but the host offers no ActiveObjects"));
        for (String entity : descriptor.aoEntities()) {
            load(entity, "The <ao> module names the entity " + entity + ", a class that does not exist");
        }
        List<ActiveObjectsUpgradeTask> tasks = new ArrayList<>();
        for (String taskClass : descriptor.aoUpgradeTasks()) {
            Object task = create(context, load(taskClass, "The <ao> module names the upgrade task " + taskClass
                    + ", a class that does not exist"), "upgrade task " + taskClass);
            if (!(task instanceof ActiveObjectsUpgradeTask upgradeTask)) {
                throw new PluginLoadException("The upgrade task " + taskClass + " is not an ActiveObjectsUpgradeTask");
            }
            tasks.add(upgradeTask);
        }
        tasks.sort(Comparator.comparing(ActiveObjectsUpgradeTask::getModelVersion));
        if (modelVersions == null) {
            throw new PluginLoadException("The plugin has AO upgrade tasks, but the host keeps no model versions");
        }
        String namespace = descriptor.pluginKey();
        ModelVersion current = modelVersions.current(namespace);
        for (ActiveObjectsUpgradeTask task : tasks) {
            if (task.getModelVersion().isNewerThan(current)) {
                try {
                    task.upgrade(current, ao);
                } catch (RuntimeException e) {
                    throw new PluginLoadException("The upgrade task " + task.getClass().getName() + " (model version "
                            + task.getModelVersion() + ") failed: " + e.getMessage(), e);
                }
                current = task.getModelVersion();
                modelVersions.store(namespace, current);
            }
        }
    }

    private List<LoadedPlugin.MountedServlet> servlets(PluginDescriptor descriptor,
                                                       GenericApplicationContext context) {
        Map<String, String> claimedBy = new HashMap<>();
        List<LoadedPlugin.MountedServlet> servlets = new ArrayList<>();
        for (PluginDescriptor.ServletModule module : descriptor.servlets()) {
            String what = "The servlet module '" + module.key() + "'";
            if (module.urlPatterns().isEmpty()) {
                throw new PluginLoadException(what + " has no <url-pattern>");
            }
            Class<?> type = load(module.className(), what + " names the class " + module.className()
                    + ", which does not exist");
            if (!Servlet.class.isAssignableFrom(type)) {
                throw new PluginLoadException(what + " names " + module.className() + ", which is not a servlet");
            }
            Servlet servlet = (Servlet) create(context, type, "servlet module '" + module.key() + "'");
            for (String pattern : module.urlPatterns()) {
                String mapping = "/plugins/servlet" + (pattern.startsWith("/") ? pattern : "/" + pattern);
                String other = claimedBy.putIfAbsent(mapping, module.key());
                if (other != null) {
                    throw new PluginLoadException(what + " claims the URL pattern " + pattern
                            + ", which the servlet module '" + other + "' already has");
                }
                servlets.add(new LoadedPlugin.MountedServlet(module.key(), mapping, servlet));
            }
        }
        return servlets;
    }

    private List<LoadedPlugin.MountedRest> restApplications(PluginDescriptor descriptor,
                                                            GenericApplicationContext context, HostComponents host) {
        Map<String, String> claimedBy = new HashMap<>();
        List<LoadedPlugin.MountedRest> rests = new ArrayList<>();
        UserManager users = host.get(UserManager.class).orElseThrow(() -> new PluginLoadException(
                "The host offers no UserManager to check REST access with"));
        // REST's XSRF check compares a page's origin with the address the page was served from: this node's own
        // (the base URL of the request), which on a second node is not the site's configured base URL.
        URI baseUrl = host.get(ApplicationProperties.class).map(p -> URI.create(p.getBaseUrl(UrlMode.ABSOLUTE)))
                .orElseThrow(() -> new PluginLoadException(
                        "The host offers no ApplicationProperties, so REST's XSRF check has no base URL"));
        for (PluginDescriptor.RestModule module : descriptor.restModules()) {
            String what = "The REST module '" + module.key() + "'";
            String mapping = module.mountPath() + "/*";
            String other = claimedBy.putIfAbsent(mapping, module.key());
            if (other != null) {
                throw new PluginLoadException(what + " claims " + module.mountPath()
                        + ", which the REST module '" + other + "' already has");
            }
            if (module.packages().isEmpty()) {
                throw new PluginLoadException(what + " names no <package> of resources");
            }
            ResourceConfig application = new ResourceConfig();
            application.setApplicationName(module.key());
            // Jira offers no WADL for plugin REST modules; without JAXB Jersey would only warn about it.
            application.property(org.glassfish.jersey.server.ServerProperties.WADL_FEATURE_DISABLE, true);
            application.setClassLoader(classLoader);
            Set<Class<?>> scanned = new TreeSet<>(Comparator.comparing(Class::getName));
            scanned.addAll(classFinder.classesUnder(module.packages()));
            int resources = 0;
            for (Class<?> type : scanned) {
                if (type.isAnnotationPresent(Path.class)) {
                    // Created through Spring, so resources get constructor injection as under spring-scanner.
                    application.register(create(context, type, what + " resource " + type.getName()));
                    resources++;
                } else if (type.isAnnotationPresent(Provider.class)) {
                    application.register(create(context, type, what + " provider " + type.getName()));
                }
            }
            if (resources == 0) {
                throw new PluginLoadException(what + " has no @Path resources in " + module.packages());
            }
            application.register(new RestSecurity(users));
            application.register(new RestXsrfCheck(baseUrl));
            application.register(new JsonBodies());
            rests.add(new LoadedPlugin.MountedRest(module.key(), mapping, application));
        }
        return rests;
    }

    private WebFragments webFragments(PluginDescriptor descriptor, GenericApplicationContext context,
                                      HostComponents host) {
        Map<String, Predicate<UserManager>> known = WebFragments.knownConditions();
        List<String> refused = new ArrayList<>();
        for (PluginDescriptor.WebItem item : descriptor.webItems()) {
            unknownConditions(item.conditions(), known, "The web-item '" + item.key() + "'", refused);
        }
        for (PluginDescriptor.WebSection section : descriptor.webSections()) {
            unknownConditions(section.conditions(), known, "The web-section '" + section.key() + "'", refused);
        }
        if (!refused.isEmpty()) {
            throw new PluginLoadException(String.join("; ", refused) + ". The demo host knows only "
                    + new TreeSet<>(known.keySet()) + "; a class Jira does not have would fail the module there too");
        }
        Map<String, WebItemProvider> providers = new LinkedHashMap<>();
        for (PluginDescriptor.WebItemProviderModule module : descriptor.webItemProviders()) {
            String what = "The web-item-provider module '" + module.key() + "'";
            Class<?> type = load(module.className(), what + " names the class " + module.className()
                    + ", which does not exist");
            if (!WebItemProvider.class.isAssignableFrom(type)) {
                throw new PluginLoadException(what + " names " + module.className() + ", which is not a "
                        + WebItemProvider.class.getName());
            }
            if (providers.containsKey(module.key())) {
                throw new PluginLoadException(what + " is declared twice");
            }
            try {
                // As Jira: a new instance (not a component of the context), its constructor autowired from it.
                providers.put(module.key(), (WebItemProvider) context.getAutowireCapableBeanFactory()
                        .createBean(type, AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR, false));
            } catch (RuntimeException e) {
                throw new PluginLoadException("Cannot create the web-item-provider module '" + module.key()
                        + "' (" + module.className() + "): " + e.getMessage(), e);
            }
        }
        boolean hasConditions = descriptor.webItems().stream().anyMatch(i -> !i.conditions().isEmpty())
                || descriptor.webSections().stream().anyMatch(s -> !s.conditions().isEmpty());
        UserManager users = host.get(UserManager.class).orElse(null);
        if (users == null && hasConditions) {
            throw new PluginLoadException("The plugin's web fragments have conditions, but the host offers no "
                    + "UserManager to evaluate them with");
        }
        return new WebFragments(descriptor, providers, users, host.get(I18nResolver.class));
    }

    private static void unknownConditions(List<PluginDescriptor.Condition> conditions,
                                          Map<String, Predicate<UserManager>> known, String what,
                                          List<String> refused) {
        for (PluginDescriptor.Condition condition : conditions) {
            if (!known.containsKey(condition.className())) {
                refused.add(what + " has the condition class " + condition.className()
                        + ", which the demo host does not know");
            }
        }
    }

    private static Map<String, String> webResources(PluginDescriptor descriptor) {
        Map<String, String> locations = new LinkedHashMap<>();
        for (PluginDescriptor.WebResourceModule module : descriptor.webResources()) {
            for (PluginDescriptor.Resource resource : module.resources()) {
                if ("download".equals(resource.type())) {
                    locations.put(descriptor.pluginKey() + ":" + module.key() + "/" + resource.name(),
                            resource.location());
                }
            }
        }
        return locations;
    }

    private static Object create(GenericApplicationContext context, Class<?> type, String what) {
        try {
            return context.getAutowireCapableBeanFactory().createBean(type);
        } catch (RuntimeException e) {
            throw new PluginLoadException("Cannot create the " + what + ": " + e.getMessage(), e);
        }
    }

    private Class<?> load(String className, String messageIfMissing) {
        try {
            return Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PluginLoadException(messageIfMissing, e);
        }
    }
}
