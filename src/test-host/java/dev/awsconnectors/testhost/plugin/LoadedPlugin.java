package dev.awsconnectors.testhost.plugin;

import jakarta.servlet.Servlet;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.context.support.GenericApplicationContext;

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
    private final WebFragments webFragments;

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

    /**
     * A component by the name of its class (or of an interface it implements), as the bundle's object: its class
     * is the bundle's, not the test class path's copy, so reach it through {@link PluginReflection}.
     */
    public Object component(String className) {
        try {
            return context.getBean(Class.forName(className, false, classLoader));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("The plugin has no class " + className, e);
        }
    }

    /** The index's exports, which the host registers as OSGi services ({@link ExportedServices}). */
    List<SpringScannerIndex.Export> exports() {
        return exports;
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
