package dev.awsconnectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.awsconnectors.api.AwsConnectorService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's packages keep the layering of {@link Layering}. */
class ArchitectureTest {
    private static final Layering LAYERING = new Layering("dev.awsconnectors");
    private static JavaClasses app;

    @BeforeAll
    static void importTheAppsClasses() {
        // Only the main classes' own directory or jar: scanning the whole class path for the package takes long.
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importUrl(AwsConnectorService.class.getProtectionDomain().getCodeSource().getLocation());
        // The rules below would pass on nothing; make sure they see the app.
        assertThat(app.containPackage("dev.awsconnectors.broker")).isTrue();
    }

    @Test
    void everyPackageDependsOnlyOnPackagesOfTheTiersBelowIt() {
        LAYERING.tiers(true).check(app);
    }

    @Test
    void noPackagesDependOnEachOtherInACycle() {
        LAYERING.noCycles().check(app);
    }

    @Test
    void theExportedApiUsesOnlyJdkTypes() {
        LAYERING.apiUsesOnlyTheJdk().check(app);
    }

    @Test
    void theAppNeverUsesTheDemoHost() {
        LAYERING.nothingUsesTheDemoHost().check(app);
    }

    @Test
    void everyPackageOfTheAppHasItsPlaceInATier() {
        LAYERING.everyPackageHasATier().check(app);
    }
}
