package dev.awsconnectors.testhost.plugin;

import jakarta.servlet.Servlet;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.context.support.GenericApplicationContext;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    LoadedPlugin(PluginDescriptor descriptor, GenericApplicationContext context, List<MountedServlet> servlets,
                 List<MountedRest> restApplications, Map<String, String> webResources, ClassLoader classLoader,
                 List<SpringScannerIndex.Export> exports) {
        this.descriptor = descriptor;
        this.context = context;
        this.servlets = List.copyOf(servlets);
        this.restApplications = List.copyOf(restApplications);
        this.webResources = Map.copyOf(webResources);
        this.classLoader = classLoader;
        this.exports = List.copyOf(exports);
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
     * The OSGi service the plugin exports as {@code serviceInterface}, as another app would get it (for example
     * through {@code @ComponentImport}): only a component listed in the index's {@code exports} file under that
     * interface (or, for an entry that names none, one of the interfaces its class implements) is returned, and
     * only as a proxy of that interface, so the caller cannot reach the implementation class or its other methods.
     * Empty when the plugin exports nothing under that interface.
     */
    public <T> Optional<T> exportedService(Class<T> serviceInterface) {
        if (!serviceInterface.isInterface()) {
            throw new IllegalArgumentException(serviceInterface.getName() + " is not an interface; OSGi services "
                    + "are looked up by interface");
        }
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
                Object target = context.getBean(type);
                return Optional.of(serviceInterface.cast(Proxy.newProxyInstance(serviceInterface.getClassLoader(),
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
                        })));
            }
        }
        return Optional.empty();
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
