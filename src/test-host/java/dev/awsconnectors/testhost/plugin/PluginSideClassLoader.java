package dev.awsconnectors.testhost.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a few named classes of the demo host as if they were part of the plugin: they are defined anew from their
 * class files, and see the plugin's classes through its bundle's class loader and the host's own classes
 * ({@code dev.awsconnectors.testhost.*}, the JDK, libraries) through the host's. The demo's data is seeded this way,
 * through the app's own repositories, so it is stored exactly as the app stores it.
 */
public final class PluginSideClassLoader extends ClassLoader {
    private static final String PLUGIN_PACKAGES = "dev.awsconnectors.";
    private static final String HOST_PACKAGES = "dev.awsconnectors.testhost.";

    private final ClassLoader host;
    private final ClassLoader plugin;
    private final Set<String> pluginSideClasses;

    /** @param pluginSideClasses the classes (with their nested classes) to define on the plugin's side */
    public PluginSideClassLoader(ClassLoader host, ClassLoader plugin, Set<String> pluginSideClasses) {
        super(null);
        this.host = Objects.requireNonNull(host, "host");
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        this.pluginSideClasses = Set.copyOf(pluginSideClasses);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = isPluginSide(name) ? define(name)
                        : name.startsWith(PLUGIN_PACKAGES) && !name.startsWith(HOST_PACKAGES)
                        ? plugin.loadClass(name) : host.loadClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private boolean isPluginSide(String name) {
        int nested = name.indexOf('$');
        return pluginSideClasses.contains(nested < 0 ? name : name.substring(0, nested));
    }

    private Class<?> define(String name) throws ClassNotFoundException {
        try (InputStream in = host.getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
