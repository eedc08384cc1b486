package dev.awsconnectors;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The app's packages in tiers, bottom to top, and the rules that keep them so: a package depends only on packages
 * of the tiers below its own (never on one beside it or above it), so there is no cycle; the exported API depends
 * on the JDK alone; nothing depends on the demo host; and every package has its place in a tier, so that a new one
 * is placed on purpose.
 *
 * <p>The rules take the root package as a parameter so that the same rules can be shown to catch a deliberately
 * bad set of classes (under a root of its own) as well as pass on the app's.
 */
final class Layering {

    /** Bottom to top; the packages of one tier do not depend on each other. */
    static final List<List<String>> TIERS = List.of(
            // The exported OSGi service: JDK types only.
            List.of("api"),
            // How the app keeps a file of key material in the shared home: owner-only, written atomically, locked
            // while changed, noticed when another node changed it (the secret key file, the signing keys).
            List.of("files"),
            // Values that depend on nothing of the app: an AWS account; the secret cipher and its key file; a
            // message as a key of the i18n bundle and its arguments; a page of a list (Jira's REST paging); the
            // app as an OpenID Connect issuer (its signing keys, tokens and public documents).
            List.of("accounts", "crypto", "i18n", "paging", "oidc"),
            // The AWS SDK clients of an account (STS, IAM), built one way and cached per account version.
            List.of("awsclients"),
            // A connector and the directories the broker reads through.
            List.of("connectors"),
            // Rules on those values: AWS limits per field; who may use a connector; the STS calls.
            List.of("validation", "access", "sts"),
            // Storage (validates what it writes, encrypts secrets); the console sign-in (on STS credentials).
            List.of("persistence", "console"),
            // The audit entries of credential requests and admin changes.
            List.of("audit"),
            // The one way to credentials: access, cache, STS, audit.
            List.of("broker"),
            // The admin's AWS calls: account checks, key rotation, connector tests (through the broker).
            List.of("admintasks"),
            // What the pages share: the one way into a page, escaping, request parameters, form values.
            List.of("web"),
            // Entry points: REST resources and pages; nothing depends on them.
            List.of("rest", "web.admin", "web.user", "web.nav"));

    private final String root;

    Layering(String root) {
        this.root = root;
    }

    /** Each package depends only on packages of lower tiers. */
    ArchRule tiers(boolean everyPackagePresent) {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(!everyPackagePresent);
        for (List<String> tier : TIERS) {
            for (String name : tier) {
                layers = layers.layer(name).definedBy(packageOf(name));
            }
        }
        List<String> below = new ArrayList<>();
        for (List<String> tier : TIERS) {
            for (String name : tier) {
                layers = below.isEmpty()
                        ? layers.whereLayer(name).mayNotAccessAnyLayer()
                        : layers.whereLayer(name).mayOnlyAccessLayers(below.toArray(String[]::new));
            }
            below.addAll(tier);
        }
        return layers.because("each package depends only on those below it");
    }

    /** No two packages depend on each other, however indirectly. */
    ArchRule noCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles().allowEmptyShould(true);
    }

    /** The exported API uses JDK types only, so that an app bundle needs nothing else to call it. */
    ArchRule apiUsesOnlyTheJdk() {
        return classes().that().resideInAPackage(root + ".api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".api..")
                .allowEmptyShould(true);
    }

    /** The demo host is test code; the app never depends on it. */
    ArchRule nothingUsesTheDemoHost() {
        return noClasses().that().resideOutsideOfPackage(root + ".testhost..")
                .should().dependOnClassesThat().resideInAPackage(root + ".testhost..")
                .allowEmptyShould(true);
    }

    /** A class outside every tier would escape the rules above. */
    ArchRule everyPackageHasATier() {
        List<String> packages = new ArrayList<>();
        for (List<String> tier : TIERS) {
            for (String name : tier) {
                packages.add(packageOf(name));
            }
        }
        return classes().that().resideInAPackage(root + "..")
                .should().resideInAnyPackage(packages.toArray(String[]::new)).allowEmptyShould(true);
    }

    /** {@code web} is the shared package itself; the others include their subpackages. */
    private String packageOf(String name) {
        return name.equals("web") ? root + ".web" : root + "." + name + "..";
    }
}
