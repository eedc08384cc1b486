package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.OnBuiltJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo host runs the built jar in OSGi as Jira does, so a manifest Jira would refuse fails here too: the test
 * rewrites one Import-Package clause of a copy of the built jar and starts the demo host with it.
 */
@OnBuiltJar
class DemoHostIsAsStrictAsJiraTest {
    @TempDir
    Path home;

    @Test
    void aJarThatForgetsToImportAHostPackageFailsToStartAndNamesThePackage() throws IOException {
        Path jar = builtJarWithImports(imports -> without(imports, "com.atlassian.sal.api.user"));

        assertThatThrownBy(() -> DemoHost.start(options(jar)).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot start")
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("com.atlassian.sal.api.user",
                        "com/atlassian/sal/api/user"));
    }

    @Test
    void aJarThatAsksForAVersionTheHostDoesNotExportFailsToResolveAndNamesThePackage() throws IOException {
        Path jar = builtJarWithImports(imports -> {
            List<String> edited = without(imports, "org.slf4j");
            edited.add("org.slf4j;version=\"[1.7,3)\"");
            return edited;
        });

        assertThatThrownBy(() -> DemoHost.start(options(jar)).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not resolve")
                .hasMessageContaining("org.slf4j at ")
                .hasMessageContaining("version>=1.7.0");
    }

    @Test
    void theBuiltJarItselfStarts() throws IOException {
        Path jar = builtJarWithImports(imports -> imports);

        try (DemoHost jira = DemoHost.start(options(jar))) {
            assertThat(jira.plugin().descriptor().pluginKey()).isEqualTo("dev.awsconnectors.aws-connectors-jira");
        }
    }

    private DemoOptions options(Path jar) {
        return DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).pluginJar(jar).build();
    }

    private static List<String> without(List<String> imports, String packageName) {
        List<String> kept = new ArrayList<>();
        for (String clause : imports) {
            if (!clause.strip().split(";", 2)[0].equals(packageName)) {
                kept.add(clause);
            }
        }
        assertThat(kept).as("the built jar imports " + packageName).hasSize(imports.size() - 1);
        return kept;
    }

    /** A copy of the built jar whose Import-Package clauses are rewritten by {@code edit}. */
    private Path builtJarWithImports(UnaryOperator<List<String>> edit) throws IOException {
        Path built = Path.of(System.getProperty(DemoOptions.PLUGIN_JAR_PROPERTY));
        Path copy = home.resolve("edited-" + built.getFileName());
        try (JarFile in = new JarFile(built.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            String imports = manifest.getMainAttributes().getValue("Import-Package");
            // Clauses are separated by commas outside quoted version ranges.
            List<String> clauses = new ArrayList<>(List.of(imports.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")));
            manifest.getMainAttributes().putValue("Import-Package", String.join(",", edit.apply(clauses)));
            try (OutputStream file = Files.newOutputStream(copy); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry : Collections.list(in.entries())) {
                    if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        return copy;
    }
}
