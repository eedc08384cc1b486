package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.upm.AppSignatureCheck;
import dev.awsconnectors.testhost.upm.Ed25519Certificates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
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
 * The demo host installs the built jar as Jira 11 does, so what Jira would refuse fails here too: a jar whose
 * signature does not verify against UPM's trust store (unsigned, or changed after signing), and a manifest whose
 * imports the host cannot wire. For the latter the test rewrites one Import-Package clause of a copy of the built
 * jar and signs the copy with a key of its own, whose certificate it trusts.
 */
@OnBuiltJar
class DemoHostIsAsStrictAsJiraTest {
    @TempDir
    Path home;

    private Ed25519Certificates.Signer signer;
    private Path signerCertificate;

    @BeforeEach
    void makeATestSigner() throws Exception {
        signer = Ed25519Certificates.signer("AWS Connectors test signer", Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)));
        signerCertificate = signer.writePem(Files.createTempFile(home, "test-signer", ".pem"));
    }

    @Test
    void anUnsignedJarIsRefusedBeforeAnythingIsInstalled() throws IOException {
        Path jar = Files.copy(builtJar(), home.resolve("unsigned-" + builtJar().getFileName()));

        assertThatThrownBy(() -> DemoHost.start(DemoOptions.builder().port(0).home(home)
                .auiDirectory(home.resolve("no-aui")).pluginJar(jar).build()).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Signature check failed!")
                .hasMessageContaining("is unsigned");
        assertThat(installedBundles()).as("nothing was installed in the framework").isEmpty();
    }

    @Test
    void aJarWithOneByteChangedAfterSigningIsRefused() throws IOException {
        Path jar = home.resolve("changed-" + builtJar().getFileName());
        byte[] bytes = Files.readAllBytes(builtJar());
        bytes[bytes.length / 2] ^= 1;
        Files.write(jar, bytes);
        Files.copy(AppSignatureCheck.signatureOf(builtJar()), AppSignatureCheck.signatureOf(jar));

        assertThatThrownBy(() -> DemoHost.start(DemoOptions.builder().port(0).home(home)
                .auiDirectory(home.resolve("no-aui")).pluginJar(jar).build()).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Signature check failed!")
                .hasMessageContaining("does not verify");
    }

    @Test
    void aJarSignedWithAKeyTheTrustStoreDoesNotKnowIsRefused() throws Exception {
        Path jar = builtJarWithImports(imports -> imports);

        assertThatThrownBy(() -> DemoHost.start(DemoOptions.builder().port(0).home(home)
                .auiDirectory(home.resolve("no-aui")).pluginJar(jar).build()).close())
                .as("only the build's certificate is trusted, not the test signer's")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Signature check failed!")
                .hasMessageContaining("does not verify");
    }

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
    void theRewrittenJarWithItsImportsUnchangedStarts() throws IOException {
        Path jar = builtJarWithImports(imports -> imports);

        try (DemoHost jira = DemoHost.start(options(jar))) {
            assertThat(jira.plugin().descriptor().pluginKey()).isEqualTo("dev.awsconnectors.aws-connectors-jira");
        }
    }

    /** Options that trust the test signer's certificate, which signed the rewritten jar. */
    private DemoOptions options(Path jar) {
        return DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).pluginJar(jar)
                .trustedCertificate(signerCertificate).build();
    }

    /** The framework's cache holds a folder per installed bundle; bundle0 is the framework's own. */
    private List<String> installedBundles() throws IOException {
        Path cache = home.resolve("node1").resolve("osgi-cache");
        assertThat(cache).as("the node's framework cache, where installed bundles go").isDirectory();
        try (var entries = Files.list(cache)) {
            return entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> name.matches("bundle[1-9][0-9]*")).toList();
        }
    }

    private static Path builtJar() {
        return Path.of(System.getProperty(DemoOptions.PLUGIN_JAR_PROPERTY));
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

    /**
     * A copy of the built jar whose Import-Package clauses are rewritten by {@code edit}, signed by the test signer
     * ({@code <jar>.sig} beside it).
     */
    private Path builtJarWithImports(UnaryOperator<List<String>> edit) throws IOException {
        Path built = builtJar();
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
        try {
            Files.write(AppSignatureCheck.signatureOf(copy), signer.sign(Files.readAllBytes(copy)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the rewritten jar", e);
        }
        return copy;
    }
}
