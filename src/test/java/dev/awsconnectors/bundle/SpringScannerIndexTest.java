package dev.awsconnectors.bundle;

import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.bundle.fixtures.ExportedGreeter;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpringScannerIndexTest {

    @Test
    void derivesComponentsImportsAndExportsFromTheAnnotations() throws Exception {
        Path testClasses = classPathRootOf(ExportedGreeter.class);
        List<Class<?>> fixtures = new ArrayList<>(SpringScannerIndex.classesBelow(testClasses,
                "dev.awsconnectors.bundle.fixtures", getClass().getClassLoader()));
        fixtures.removeIf(type -> type.getPackageName().endsWith(".named"));

        SpringScannerIndex index = SpringScannerIndex.derivedFrom(fixtures);

        assertThat(index.components()).containsExactly(
                "dev.awsconnectors.bundle.fixtures.ExportedGreeter",
                "dev.awsconnectors.bundle.fixtures.NamedService#namedService");
        assertThat(index.imports()).containsExactly(
                "com.atlassian.sal.api.transaction.TransactionTemplate#salTransactionTemplate",
                "com.atlassian.sal.api.user.UserManager");
        assertThat(index.exports()).containsExactly(
                "dev.awsconnectors.bundle.fixtures.ExportedGreeter#dev.awsconnectors.bundle.fixtures.Greeter");
    }

    @Test
    void refusesAComponentMarkedWithNamedInsteadOfComponent() throws Exception {
        List<Class<?>> named = SpringScannerIndex.classesBelow(classPathRootOf(ExportedGreeter.class),
                "dev.awsconnectors.bundle.fixtures.named", getClass().getClassLoader());

        assertThatThrownBy(() -> SpringScannerIndex.derivedFrom(named))
                .hasMessageContaining("NamedComponent is marked @Named");
    }

    @Test
    void pluginIndexMatchesTheAnnotationsOnTheCompiledClasses() throws Exception {
        Path mainClasses = classPathRootOf(PrincipalType.class);
        SpringScannerIndex expected = SpringScannerIndex.derivedFrom(
                SpringScannerIndex.classesBelow(mainClasses, "dev.awsconnectors", getClass().getClassLoader()));

        SpringScannerIndex actual = SpringScannerIndex.readFrom(mainClasses.resolve("META-INF/plugin-components"));

        assertThat(actual.components()).as("META-INF/plugin-components/component")
                .containsExactlyElementsOf(expected.components());
        assertThat(actual.imports()).as("META-INF/plugin-components/imports")
                .containsExactlyElementsOf(expected.imports());
        assertThat(actual.exports()).as("META-INF/plugin-components/exports")
                .containsExactlyElementsOf(expected.exports());
    }

    @Test
    void indexFilesHoldNoBlankOrPaddedLines() throws Exception {
        Path index = classPathRootOf(PrincipalType.class).resolve("META-INF/plugin-components");
        for (String file : List.of("component", "imports", "exports")) {
            assertThat(index.resolve(file)).as(file).exists();
            for (String line : Files.readAllLines(index.resolve(file))) {
                assertThat(line).as("a line of " + file).isNotBlank().isEqualTo(line.strip());
            }
        }
    }

    private static Path classPathRootOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
