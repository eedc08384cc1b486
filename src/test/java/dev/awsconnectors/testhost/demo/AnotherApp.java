package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.demo.otherapp.NightlyReports;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A second app installed beside the plugin in a demo node's OSGi framework: a real bundle, built at test time from
 * {@link NightlyReports}, with its own {@code Atlassian-Plugin-Key} and an {@code Import-Package} of the plugin's
 * exported API, so it gets the exported service exactly as another app in Jira would.
 */
final class AnotherApp {
    private final Bundle bundle;
    private final Function<List<String>, Map<String, String>> app;

    private AnotherApp(Bundle bundle, Function<List<String>, Map<String, String>> app) {
        this.bundle = bundle;
        this.app = app;
    }

    /** Builds, installs and starts the app with plugin key {@code pluginKey} in the node's framework. */
    @SuppressWarnings("unchecked")
    static AnotherApp install(DemoHost jira, Path workDirectory, String pluginKey) throws Exception {
        Path jar = write(workDirectory.resolve(pluginKey + ".jar"), pluginKey);
        Bundle bundle = jira.osgi().installBundle(jar.toUri().toString());
        bundle.start();
        Object app = bundle.loadClass(NightlyReports.class.getName()).getConstructor(BundleContext.class)
                .newInstance(bundle.getBundleContext());
        return new AnotherApp(bundle, (Function<List<String>, Map<String, String>>) app);
    }

    Map<String, String> call(String... command) {
        return app.apply(List.of(command));
    }

    Bundle bundle() {
        return bundle;
    }

    private static Path write(Path file, String pluginKey) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", pluginKey);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Atlassian-Plugin-Key", pluginKey);
        main.putValue("Import-Package", "dev.awsconnectors.api;version=\"[1.0,2)\",org.osgi.framework");
        String entry = NightlyReports.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest);
             InputStream classFile = NightlyReports.class.getClassLoader().getResourceAsStream(entry)) {
            if (classFile == null) {
                throw new IllegalStateException("No class file " + entry + " on the test class path");
            }
            jar.putNextEntry(new JarEntry(entry));
            jar.write(classFile.readAllBytes());
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
