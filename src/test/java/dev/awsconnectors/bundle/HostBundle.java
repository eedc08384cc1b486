package dev.awsconnectors.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A stand-in for Jira in an OSGi framework: one bundle that exports the host packages, built from the compile-only
 * copies of the Atlassian APIs and from the provided jars (servlet, JAX-RS, inject, annotation, SLF4J, Spring),
 * each exported at the version its own jar declares.
 */
final class HostBundle {
    /** The provided jars on the test class path whose classes the host exports. */
    private static final Set<String> PROVIDED_JAR_PREFIXES = Set.of("jakarta.servlet-api-", "jakarta.ws.rs-api-",
            "jakarta.inject-api-", "jakarta.annotation-api-", "slf4j-api-", "spring-context-", "spring-beans-");

    /** Package name → version the host exports it at. */
    private final Map<String, String> packageVersions = new TreeMap<>();
    /** Jar entry name → the bytes of that class. */
    private final Map<String, byte[]> classes = new TreeMap<>();

    /** Adds the compile-only copies of the Atlassian APIs found below a class-path directory. */
    HostBundle withHostApiCopies(Path classesRoot) {
        for (String root : new String[] {"com/atlassian", "net/java/ao"}) {
            try (Stream<Path> files = Files.walk(classesRoot.resolve(root))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
                    String entry = classesRoot.relativize(file).toString().replace('\\', '/');
                    classes.put(entry, Files.readAllBytes(file));
                    packageVersions.putIfAbsent(packageOf(entry), "0.0.0");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    /** Adds the classes of the provided jars on the test's class path. */
    HostBundle withProvidedJars() {
        for (String element : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path jar = Path.of(element);
            String name = jar.getFileName().toString();
            if (name.endsWith(".jar") && PROVIDED_JAR_PREFIXES.stream().anyMatch(name::startsWith)) {
                addJar(jar);
            }
        }
        return this;
    }

    /** Leaves a package out, to show what the plugin does when the host lacks it. */
    HostBundle without(String packageName) {
        packageVersions.remove(packageName);
        classes.keySet().removeIf(entry -> packageOf(entry).equals(packageName));
        return this;
    }

    Set<String> exportedPackages() {
        return Collections.unmodifiableSet(packageVersions.keySet());
    }

    Path writeTo(Path file) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "test.jira.host");
        main.putValue("Bundle-Version", "11.0.0");
        main.putValue("Export-Package", packageVersions.entrySet().stream()
                .map(e -> e.getKey() + ";version=\"" + e.getValue() + "\"").collect(Collectors.joining(",")));
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void addJar(Path path) {
        try (JarFile jar = new JarFile(path.toFile())) {
            Map<String, String> declaredVersions = new TreeMap<>();
            Manifest manifest = jar.getManifest();
            if (manifest != null) {
                for (ManifestHeader.Clause clause
                        : ManifestHeader.parse(manifest.getMainAttributes().getValue("Export-Package"))) {
                    declaredVersions.put(clause.name(), clause.attribute("version").orElse("0.0.0"));
                }
            }
            Set<String> packages = new HashSet<>();
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    classes.put(name, in.readAllBytes());
                }
                packages.add(packageOf(name));
            }
            for (String packageName : packages) {
                packageVersions.put(packageName, declaredVersions.getOrDefault(packageName, "0.0.0"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String packageOf(String classEntry) {
        int slash = classEntry.lastIndexOf('/');
        return classEntry.substring(0, slash).replace('/', '.');
    }
}
