package dev.awsconnectors.bundle;

import dev.awsconnectors.testhost.OnBuiltJar;
import com.atlassian.sal.api.user.UserKey;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installs the built plugin in Apache Felix next to a bundle that exports what Jira exports, and checks that the
 * OSGi resolver wires every mandatory import, as Jira's own framework does when an admin uploads the jar.
 */
@OnBuiltJar
class BundleResolvesInFelixIT {
    @TempDir
    Path work;

    private Felix framework;

    @BeforeEach
    void startFramework() throws BundleException {
        framework = new Felix(Map.of(
                Constants.FRAMEWORK_STORAGE, work.resolve("felix-cache").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
    }

    @AfterEach
    void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void pluginResolvesAgainstThePackagesJiraExports() throws Exception {
        HostBundle host = new HostBundle().withHostApiCopies(hostApiClasses()).withProvidedJars();
        assertThat(host.exportedPackages()).containsAll(PluginJarIT.HOST_PACKAGES);

        Bundle plugin = install(host);

        assertThat(plugin.getState())
                .as("bundle state; mandatory imports nothing exports: %s", unsatisfiedImports(plugin))
                .isEqualTo(Bundle.RESOLVED);
        assertThat(unsatisfiedImports(plugin)).isEmpty();
    }

    @Test
    void pluginLoadsItsOwnClassesAndTheEmbeddedLibrariesThroughItsBundleClassPath() throws Exception {
        Bundle plugin = install(new HostBundle().withHostApiCopies(hostApiClasses()).withProvidedJars());

        // The validator reads its texts from the bundle and parses policy JSON with the embedded Jackson.
        Object validator = plugin.loadClass("dev.awsconnectors.validation.ConfigurationValidator")
                .getConstructor().newInstance();
        assertThat(validator.getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
        Object mapper = plugin.loadClass("com.fasterxml.jackson.databind.ObjectMapper").getConstructor().newInstance();
        Object tree = mapper.getClass().getMethod("readTree", String.class)
                .invoke(mapper, "{\"Version\":\"2012-10-17\"}");
        assertThat(tree.toString()).isEqualTo("{\"Version\":\"2012-10-17\"}");
        // The AWS SDK's own HTTP client, which the broker passes to every SDK client builder.
        Class<?> httpClient = plugin.loadClass("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient");
        try (AutoCloseable client = (AutoCloseable) httpClient.getMethod("create").invoke(null)) {
            assertThat(client.getClass().getName()).contains("UrlConnectionHttpClient");
        }
        assertThat(plugin.loadClass("software.amazon.awssdk.services.sts.StsClient")).isInterface();
        assertThat(plugin.loadClass("software.amazon.awssdk.services.iam.IamClient")).isInterface();
    }

    @Test
    void pluginStaysUnresolvedAndNamesThePackageWhenTheHostLacksOne() throws Exception {
        HostBundle host = new HostBundle().withHostApiCopies(hostApiClasses()).withProvidedJars()
                .without("com.atlassian.sal.api.user");

        Bundle plugin = install(host);

        assertThat(plugin.getState()).isEqualTo(Bundle.INSTALLED);
        assertThat(unsatisfiedImports(plugin)).singleElement().asString().contains("com.atlassian.sal.api.user");
    }

    private Bundle install(HostBundle host) throws BundleException {
        Path hostJar = host.writeTo(work.resolve("jira-host.jar"));
        Bundle hostBundle = framework.getBundleContext().installBundle(hostJar.toUri().toString());
        Bundle plugin = framework.getBundleContext().installBundle(PluginJar.built().path().toUri().toString());
        framework.adapt(FrameworkWiring.class).resolveBundles(List.of(hostBundle, plugin));
        assertThat(hostBundle.getState()).as("the host bundle itself").isEqualTo(Bundle.RESOLVED);
        return plugin;
    }

    /** Every mandatory package import of the bundle that no installed bundle, nor the JDK, exports. */
    private List<String> unsatisfiedImports(Bundle plugin) {
        List<BundleCapability> exported = new ArrayList<>();
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (bundle.getBundleId() != plugin.getBundleId()) {
                exported.addAll(bundle.adapt(BundleRevision.class)
                        .getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE));
            }
        }
        return plugin.adapt(BundleRevision.class).getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)
                .stream()
                .filter(r -> !PackageNamespace.RESOLUTION_OPTIONAL
                        .equals(r.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE)))
                .filter(r -> exported.stream().noneMatch(r::matches))
                .map(BundleResolvesInFelixIT::describe)
                .collect(Collectors.toList());
    }

    private static String describe(BundleRequirement requirement) {
        return requirement.getDirectives().get("filter");
    }

    private static Path hostApiClasses() throws Exception {
        return Path.of(UserKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
