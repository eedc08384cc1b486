package dev.awsconnectors.testhost.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The spring-scanner index Jira's scanner runtime reads, from the plugin's class loader:
 * {@code component} ({@code fqcn[#beanName]}), {@code imports} ({@code fqcn}) and {@code exports}
 * ({@code implFqcn#iface[,iface]}), one entry a line. A missing file is an empty list, as in the scanner.
 */
public record SpringScannerIndex(List<Entry> components, List<String> imports, List<Export> exports) {
    public static final String DEFAULT_DIRECTORY = "META-INF/plugin-components";

    /** A component class and its bean name, if the index gives one. */
    public record Entry(String className, String beanName) {
    }

    /** An exported component and the interfaces it is exported as. */
    public record Export(String className, List<String> interfaces) {
    }

    public static SpringScannerIndex read(ClassLoader classLoader, String directory) {
        List<Entry> components = new ArrayList<>();
        for (String line : lines(classLoader, directory + "/component")) {
            int hash = line.indexOf('#');
            components.add(hash < 0 ? new Entry(line, null)
                    : new Entry(line.substring(0, hash), line.substring(hash + 1)));
        }
        List<Export> exports = new ArrayList<>();
        for (String line : lines(classLoader, directory + "/exports")) {
            int hash = line.indexOf('#');
            exports.add(hash < 0 ? new Export(line, List.of())
                    : new Export(line.substring(0, hash), List.of(line.substring(hash + 1).split(","))));
        }
        return new SpringScannerIndex(List.copyOf(components), lines(classLoader, directory + "/imports"),
                List.copyOf(exports));
    }

    private static List<String> lines(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank() && !line.strip().startsWith("#")) {
                        lines.add(line.strip());
                    }
                }
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
