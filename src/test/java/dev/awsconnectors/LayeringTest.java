package dev.awsconnectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.awsconnectors.layeringfixture.accounts.KeyMasking;
import dev.awsconnectors.layeringfixture.api.LeakyApi;
import dev.awsconnectors.layeringfixture.audit.ChangeAudit;
import dev.awsconnectors.layeringfixture.audit.UpwardChangeAudit;
import dev.awsconnectors.layeringfixture.broker.HostBoundBroker;
import dev.awsconnectors.layeringfixture.stray.Unplaced;
import dev.awsconnectors.layeringfixture.testhost.DemoHost;
import dev.awsconnectors.layeringfixture.web.admin.AdminPage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of {@link Layering} catch each kind of break, shown on classes that break them on purpose. */
class LayeringTest {
    private static final Layering LAYERING = new Layering("dev.awsconnectors.layeringfixture");

    @Test
    void passesClassesThatOnlyReachDown() {
        JavaClasses classes = classes(KeyMasking.class, ChangeAudit.class, AdminPage.class);

        assertThat(LAYERING.tiers(false).evaluate(classes).hasViolation()).isFalse();
        assertThat(LAYERING.noCycles().evaluate(classes).hasViolation()).isFalse();
        assertThat(LAYERING.everyPackageHasATier().evaluate(classes).hasViolation()).isFalse();
    }

    @Test
    void reportsAClassThatReachesUpIntoAPage() {
        JavaClasses classes = classes(KeyMasking.class, ChangeAudit.class, AdminPage.class, UpwardChangeAudit.class);

        assertThat(violations(LAYERING.tiers(false), classes))
                .contains("UpwardChangeAudit.keyAttribute(java.lang.String)> calls method <"
                        + AdminPage.class.getName() + ".shown(java.lang.String)>")
                .doesNotContain("<" + ChangeAudit.class.getName() + ".keyAttribute");
    }

    @Test
    void reportsTwoPackagesThatDependOnEachOther() {
        JavaClasses classes = classes(KeyMasking.class, ChangeAudit.class, AdminPage.class, UpwardChangeAudit.class);

        assertThat(violations(LAYERING.noCycles(), classes))
                .contains("Cycle detected: Slice audit")
                .contains(UpwardChangeAudit.class.getName() + ".keyAttribute(java.lang.String)> calls method <"
                        + AdminPage.class.getName())
                .contains(AdminPage.class.getName() + ".shown(java.lang.String)> calls method <"
                        + ChangeAudit.class.getName());
    }

    @Test
    void reportsAnExportedTypeThatUsesMoreThanTheJdk() {
        assertThat(violations(LAYERING.apiUsesOnlyTheJdk(), classes(LeakyApi.class, KeyMasking.class)))
                .contains(LeakyApi.class.getName() + ".masking()> has return type <" + KeyMasking.class.getName());
    }

    @Test
    void reportsAppCodeThatUsesTheDemoHost() {
        assertThat(violations(LAYERING.nothingUsesTheDemoHost(), classes(HostBoundBroker.class, DemoHost.class)))
                .contains(HostBoundBroker.class.getName() + ".hostName()> gets field <" + DemoHost.class.getName());
    }

    @Test
    void reportsAClassInAPackageThatNoTierNames() {
        assertThat(violations(LAYERING.everyPackageHasATier(), classes(KeyMasking.class, Unplaced.class)))
                .contains(Unplaced.class.getName())
                .doesNotContain(KeyMasking.class.getName());
    }

    private static JavaClasses classes(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    private static String violations(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as("violations of " + rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
