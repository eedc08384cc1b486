package dev.awsconnectors.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/** The plugin jar that {@code mvn package} built, as the integration tests read it. */
final class PluginJar {
    private final Path path;

    private PluginJar(Path path) {
        this.path = path;
    }

    /** The jar named by the {@code awsc.pluginJar} property that the failsafe configuration sets. */
    static PluginJar built() {
        String location = System.getProperty("awsc.pluginJar");
        if (location == null) {
            throw new IllegalStateException("Run through 'mvn verify': the awsc.pluginJar property is not set.");
        }
        Path path = Path.of(location);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("The plugin jar " + path + " has not been built.");
        }
        return new PluginJar(path);
    }

    Path path() {
        return path;
    }

    List<String> entryNames() {
        try (JarFile jar = new JarFile(path.toFile())) {
            return Collections.list(jar.entries()).stream().map(e -> e.getName()).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Attributes mainAttributes() {
        try (JarFile jar = new JarFile(path.toFile())) {
            Manifest manifest = jar.getManifest();
            return manifest.getMainAttributes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String header(String name) {
        return mainAttributes().getValue(name);
    }

    byte[] read(String entry) {
        try (JarFile jar = new JarFile(path.toFile())) {
            var jarEntry = jar.getJarEntry(entry);
            if (jarEntry == null) {
                throw new IllegalArgumentException("The plugin jar has no entry " + entry);
            }
            try (InputStream in = jar.getInputStream(jarEntry)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
