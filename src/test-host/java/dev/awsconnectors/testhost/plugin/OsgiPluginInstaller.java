package dev.awsconnectors.testhost.plugin;

import dev.awsconnectors.testhost.upm.AppSignatureCheck;
import dev.awsconnectors.testhost.upm.AppSignatureException;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node's OSGi framework (Apache Felix, configured as Jira configures its own) into which the demo host installs
 * the built plugin jar, as UPM does when an admin uploads it.
 *
 * <p>The system bundle exports the JDK and {@link JiraExports}, nothing else; boot delegation is Jira's own list.
 * A plugin whose mandatory imports the framework cannot wire is refused with every unsatisfied import named.
 */
public final class OsgiPluginInstaller implements AutoCloseable {
    /**
     * Jira's default {@code org.osgi.framework.bootdelegation}, read from the plugin framework's
     * {@code FelixOsgiContainerManager.start()} (decompiled, Platform 6 era, ngannk-fptu/Decompiled-Files); Felix
     * always delegates {@code java.*} besides. Platform 8's list is not public; we assume it did not widen.
     */
    static final String JIRA_BOOT_DELEGATION = "weblogic,weblogic.*,META-INF.services,jdk.*,com.yourkit,"
            + "com.yourkit.*,com.chronon,com.chronon.*,org.jboss.byteman,org.jboss.byteman.*,com.jprofiler,"
            + "com.jprofiler.*,org.apache.xerces,org.apache.xerces.*,org.apache.xalan,org.apache.xalan.*,"
            + "org.apache.xml.serializer,sun.*,com.sun.xml.bind.v2,com.sun.xml.internal.bind.v2,com.icl.saxon,"
            + "com_cenqua_clover,com.cenqua.clover,com.cenqua.clover.*,com.atlassian.clover,com.atlassian.clover.*";

    private static final Pattern PACKAGE_IN_FILTER = Pattern.compile("osgi\\.wiring\\.package=([^)]+)\\)");

    private final Felix framework;
    private final AppSignatureCheck signatures;

    private OsgiPluginInstaller(Felix framework, AppSignatureCheck signatures) {
        this.framework = framework;
        this.signatures = signatures;
    }

    /**
     * Starts a framework whose bundle cache is {@code storage} (emptied first), e.g. under the node's local home;
     * it installs only jars that pass {@code signatures}, as UPM 8 does.
     */
    public static OsgiPluginInstaller start(Path storage, AppSignatureCheck signatures) {
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toAbsolutePath().toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, JiraExports.systemPackagesExtra());
        // As Jira sets them (same source as the boot delegation): only the listed packages reach the parent.
        config.put(Constants.FRAMEWORK_BOOTDELEGATION, JIRA_BOOT_DELEGATION);
        config.put("felix.bootdelegation.implicit", "false");
        config.put(Constants.FRAMEWORK_BUNDLE_PARENT, Constants.FRAMEWORK_BUNDLE_PARENT_FRAMEWORK);
        // URL handlers are JVM-wide; two nodes (two frameworks) in one JVM must not fight over them.
        config.put("felix.service.urlhandlers", "false");
        try {
            Files.createDirectories(storage);
            Felix felix = new Felix(config);
            felix.start();
            return new OsgiPluginInstaller(felix, signatures);
        } catch (Exception e) {
            throw new PluginLoadException("The OSGi framework cannot start: " + e.getMessage(), e);
        }
    }

    /**
     * Installs and starts the plugin jar, as UPM would: only when its signature ({@code <jar>.sig}) verifies against
     * the trust store.
     *
     * @return the started bundle
     * @throws PluginLoadException saying why the signature check refused the jar, naming every mandatory import the
     *                             framework cannot satisfy, or why else the bundle cannot be installed or started
     */
    public Bundle install(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new PluginLoadException("The plugin jar " + jar + " does not exist; build it with 'mvn package'");
        }
        // UPM checks the app's signature before anything of the jar is installed.
        try {
            signatures.verify(jar, AppSignatureCheck.signatureOf(jar));
        } catch (AppSignatureException e) {
            throw new PluginLoadException("Signature check failed! " + e.getMessage(), e);
        }
        Bundle bundle;
        try {
            bundle = framework.getBundleContext().installBundle(jar.toUri().toString());
        } catch (BundleException e) {
            throw new PluginLoadException("The plugin jar " + jar.getFileName() + " cannot be installed as a bundle: "
                    + e.getMessage(), e);
        }
        try {
            bundle.start();
        } catch (BundleException e) {
            List<String> missing = unsatisfiedImports(bundle);
            uninstallQuietly(bundle);
            if (!missing.isEmpty()) {
                throw new PluginLoadException("The plugin " + bundle.getSymbolicName() + " does not resolve: "
                        + "nothing in the host exports " + String.join(", ", missing), e);
            }
            throw new PluginLoadException("The plugin " + bundle.getSymbolicName() + " cannot start: "
                    + e.getMessage(), e);
        }
        return bundle;
    }

    /** The class loader of a started bundle, through which the host loads the plugin's classes and resources. */
    public static ClassLoader classLoaderOf(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            throw new IllegalStateException("The bundle " + bundle.getSymbolicName() + " is not resolved");
        }
        return wiring.getClassLoader();
    }

    /**
     * The bundle's own classes under some packages, found through the bundle's listing of its class path (Jersey's
     * scanner reads only file and jar URLs, not a framework's bundle URLs).
     */
    public static PluginLoader.ClassFinder classFinderOf(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        return packages -> {
            Set<Class<?>> found = new LinkedHashSet<>();
            for (String packageName : packages) {
                for (String resource : wiring.listResources("/" + packageName.replace('.', '/'), "*.class",
                        BundleWiring.LISTRESOURCES_RECURSE | BundleWiring.LISTRESOURCES_LOCAL)) {
                    String className = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
                    if (className.endsWith("package-info") || className.endsWith("module-info")) {
                        continue;
                    }
                    try {
                        found.add(wiring.getClassLoader().loadClass(className));
                    } catch (ClassNotFoundException | LinkageError e) {
                        throw new PluginLoadException("The class " + className + " of the plugin cannot be loaded: "
                                + e, e);
                    }
                }
            }
            return found;
        };
    }

    /** The framework's own context: what another app installed beside the plugin would go through. */
    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** Every mandatory package import of the bundle that no other bundle (the system bundle included) exports. */
    private List<String> unsatisfiedImports(Bundle bundle) {
        List<BundleCapability> exported = new ArrayList<>();
        for (Bundle other : framework.getBundleContext().getBundles()) {
            BundleRevision revision = other.adapt(BundleRevision.class);
            if (other.getBundleId() != bundle.getBundleId() && revision != null) {
                exported.addAll(revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE));
            }
        }
        List<String> missing = new ArrayList<>();
        for (BundleRequirement requirement : bundle.adapt(BundleRevision.class)
                .getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
            boolean optional = PackageNamespace.RESOLUTION_OPTIONAL.equals(
                    requirement.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
            if (!optional && exported.stream().noneMatch(requirement::matches)) {
                missing.add(describe(requirement));
            }
        }
        return missing;
    }

    /** E.g. {@code org.slf4j (filter (&(osgi.wiring.package=org.slf4j)(version>=1.7.0)))}. */
    private static String describe(BundleRequirement requirement) {
        String filter = requirement.getDirectives().getOrDefault(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE, "");
        Matcher name = PACKAGE_IN_FILTER.matcher(filter);
        String packageName = name.find() ? name.group(1) : filter;
        return filter.contains("version") ? packageName + " at " + filter : packageName;
    }

    private static void uninstallQuietly(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            // The install already failed; that failure is the one to report.
        }
    }

    /** Stops the framework and every bundle in it (the plugin's services are unregistered with it). */
    @Override
    public void close() {
        try {
            framework.stop();
            // A framework still stopping would keep its threads and the jar open into the next test.
            if (framework.waitForStop(30_000).getType() != FrameworkEvent.STOPPED) {
                throw new IllegalStateException("The OSGi framework did not stop within 30 s");
            }
        } catch (BundleException e) {
            throw new IllegalStateException("The OSGi framework did not stop: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
