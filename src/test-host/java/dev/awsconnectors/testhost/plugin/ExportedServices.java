package dev.awsconnectors.testhost.plugin;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Publishes the plugin's exports in the OSGi service registry, as spring-scanner's runtime (through Gemini
 * Blueprint) does in Jira: each component listed in {@code META-INF/plugin-components/exports} is registered with
 * the plugin's own bundle context under the interfaces the entry names, or, for an entry that names none, under
 * every interface its class implements. A component that is an OSGi {@code ServiceFactory} is registered as such, so
 * the framework asks it for the service once per consuming bundle, with that bundle.
 */
public final class ExportedServices {
    private ExportedServices() {
    }

    /** @return the registrations; they end when the plugin's bundle stops */
    public static List<ServiceRegistration<?>> register(LoadedPlugin plugin, BundleContext pluginContext) {
        List<ServiceRegistration<?>> registrations = new ArrayList<>();
        for (SpringScannerIndex.Export export : plugin.exports()) {
            Class<?> type;
            try {
                type = Class.forName(export.className(), false, plugin.classLoader());
            } catch (ClassNotFoundException e) {
                throw new PluginLoadException("The export " + export.className() + " does not exist", e);
            }
            String[] interfaces = export.interfaces().isEmpty()
                    ? Arrays.stream(type.getInterfaces()).map(Class::getName).toArray(String[]::new)
                    : export.interfaces().toArray(String[]::new);
            if (interfaces.length == 0) {
                throw new PluginLoadException("The plugin exports " + export.className()
                        + ", which implements no interface to export it as");
            }
            Object bean = plugin.context().getBean(type);
            registrations.add(pluginContext.registerService(interfaces, bean, null));
        }
        return registrations;
    }
}
