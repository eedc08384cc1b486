package dev.awsconnectors.testhost.plugin;

import jakarta.servlet.Servlet;
import org.glassfish.jersey.server.ResourceConfig;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.springframework.context.support.GenericApplicationContext;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A started plugin: its Spring context, and what the web container mounts — servlets under
 * {@code /plugins/servlet}, REST applications under {@code /rest}, downloadable web resources. Closing it closes
 * the Spring context, as disabling the plugin in Jira would.
 */
public final class LoadedPlugin implements AutoCloseable {
    /** A servlet module: the mapping relative to the context path (e.g. {@code /plugins/servlet/x/*}). */
    public record MountedServlet(String moduleKey, String mapping, Servlet servlet) {
    }

    /** A REST module: the mapping ({@code /rest/<path>/<version>/*}) and its Jersey application. */
    public record MountedRest(String moduleKey, String mapping, ResourceConfig application) {
    }

    private final PluginDescriptor descriptor;
    private final GenericApplicationContext context;
    private final List<MountedServlet> servlets;
    private final List<MountedRest> restApplications;
    private final Map<String, String> webResources;
    private final ClassLoader classLoader;
    private final List<SpringScannerIndex.Export> exports;
    private final WebFragments webFragments;
    private final Map<String, Object> servicesByConsumer = new ConcurrentHashMap<>();
    private final AtomicLong nextBundleId = new AtomicLong(100);

    LoadedPlugin(PluginDescriptor descriptor, GenericApplicationContext context, List<MountedServlet> servlets,
                 List<MountedRest> restApplications, Map<String, String> webResources, ClassLoader classLoader,
                 List<SpringScannerIndex.Export> exports, WebFragments webFragments) {
        this.descriptor = descriptor;
        this.context = context;
        this.servlets = List.copyOf(servlets);
        this.restApplications = List.copyOf(restApplications);
        this.webResources = Map.copyOf(webResources);
        this.classLoader = classLoader;
        this.exports = List.copyOf(exports);
        this.webFragments = webFragments;
    }

    public PluginDescriptor descriptor() {
        return descriptor;
    }

    /** The plugin's Spring context, e.g. to reach its repositories from the demo host. */
    public GenericApplicationContext context() {
        return context;
    }

    public <T> T component(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * The OSGi service the plugin exports as {@code serviceInterface}, as the app (bundle) with plugin key
     * {@code consumerPluginKey} would get it (for example through {@code @ComponentImport}): only a component listed
     * in the index's {@code exports} file under that interface (or, for an entry that names none, one of the
     * interfaces its class implements) is returned, and only as a proxy of that interface, so the caller cannot
     * reach the implementation class or its other methods.
     *
     * <p>As Jira's exporter (Gemini Blueprint's publishing service factory) does, a component that is itself an
     * OSGi {@link ServiceFactory} is asked for the service with the consumer's bundle — a stand-in that answers
     * its symbolic name and manifest headers ({@code Atlassian-Plugin-Key}, {@code Bundle-SymbolicName}) — once per
     * consumer, and the consumer gets what it answered.
     *
     * @return empty when the plugin exports nothing under that interface
     */
    public <T> Optional<T> exportedService(Class<T> serviceInterface, String consumerPluginKey) {
        if (!serviceInterface.isInterface()) {
            throw new IllegalArgumentException(serviceInterface.getName() + " is not an interface; OSGi services "
                    + "are looked up by interface");
        }
        Objects.requireNonNull(consumerPluginKey, "consumerPluginKey");
        for (SpringScannerIndex.Export export : exports) {
            Class<?> type;
            try {
                type = Class.forName(export.className(), false, classLoader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("The export " + export.className() + " does not exist", e);
            }
            boolean listed = export.interfaces().isEmpty()
                    ? Arrays.stream(type.getInterfaces()).anyMatch(i -> i.getName().equals(serviceInterface.getName()))
                    : export.interfaces().contains(serviceInterface.getName());
            if (listed && serviceInterface.isAssignableFrom(type)) {
                Object bean = context.getBean(type);
                Object target = bean instanceof ServiceFactory<?> factory
                        ? servicesByConsumer.computeIfAbsent(export.className() + " for " + consumerPluginKey,
                                k -> serviceFromFactory(factory, consumerPluginKey))
                        : bean;
                if (!serviceInterface.isInstance(target)) {
                    throw new IllegalStateException("The service factory " + export.className() + " answered "
                            + target + ", not a " + serviceInterface.getName());
                }
                return Optional.of(interfaceProxy(serviceInterface, target));
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object serviceFromFactory(ServiceFactory factory, String consumerPluginKey) {
        long bundleId = nextBundleId.incrementAndGet();
        Hashtable<String, String> headers = new Hashtable<>();
        headers.put("Bundle-SymbolicName", consumerPluginKey);
        headers.put("Atlassian-Plugin-Key", consumerPluginKey);
        Bundle consumer = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> consumerPluginKey;
                    case "getHeaders" -> headers;
                    case "getBundleId" -> bundleId;
                    case "toString" -> consumerPluginKey + " [" + bundleId + "]";
                    case "hashCode" -> Long.hashCode(bundleId);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("The demo host's stand-in bundle has no "
                            + method.getName());
                });
        ServiceRegistration registration = (ServiceRegistration) Proxy.newProxyInstance(
                ServiceRegistration.class.getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException("The demo host's stand-in registration has no "
                            + method.getName());
                });
        return factory.getService(consumer, registration);
    }

    private <T> T interfaceProxy(Class<T> serviceInterface, Object target) {
        return serviceInterface.cast(Proxy.newProxyInstance(serviceInterface.getClassLoader(),
                new Class<?>[] {serviceInterface}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        switch (method.getName()) {
                            case "equals":
                                return proxy == args[0];
                            case "hashCode":
                                return System.identityHashCode(proxy);
                            default:
                                return "OSGi service " + serviceInterface.getName() + " of "
                                        + descriptor.pluginKey();
                        }
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    /** The plugin's web-sections, web-items and web-item-providers, as Jira's web interface manager serves them. */
    public WebFragments webFragments() {
        return webFragments;
    }

    public List<MountedServlet> servlets() {
        return servlets;
    }

    public List<MountedRest> restApplications() {
        return restApplications;
    }

    /**
     * The class path location of a downloadable web resource, by its Jira name
     * {@code <plugin key>:<module key>/<resource name>}.
     */
    public Optional<String> webResourceLocation(String completeName) {
        return Optional.ofNullable(webResources.get(completeName));
    }

    public ClassLoader classLoader() {
        return classLoader;
    }

    @Override
    public void close() {
        context.close();
    }
}
