package dev.awsconnectors.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Other apps code against this package, so every visible member says since when it exists. */
class ApiDocumentationTest {
    private static final Path API_SOURCES = Path.of("src/main/java/dev/awsconnectors/api");

    @Test
    void everyPublicTypeAndMemberOfTheApiCarriesASinceTag() throws Exception {
        DocletRun run = runSinceTagDoclet(API_SOURCES);

        assertThat(run.report).doesNotContain("has no Javadoc @since tag");
        assertThat(run.succeeded).as("javadoc run; it printed: %s", run.report).isTrue();
    }

    @Test
    void theCheckFindsAMemberWithoutASinceTag(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("Undocumented.java");
        Files.writeString(source, "package example;\n/** A type. @since 1.0 is not a block tag here */\n"
                + "public interface Undocumented {\n    /**\n     * @since 1.0\n     */\n    void documented();\n\n"
                + "    void undocumented();\n}\n");

        DocletRun run = runSinceTagDoclet(dir);

        assertThat(run.succeeded).isFalse();
        assertThat(run.report).contains("example.Undocumented.undocumented() has no Javadoc @since tag")
                .contains("example.Undocumented has no Javadoc @since tag")
                .doesNotContain("Undocumented.documented() has no");
    }

    private static final class DocletRun {
        final boolean succeeded;
        final String report;

        DocletRun(boolean succeeded, String report) {
            this.succeeded = succeeded;
            this.report = report;
        }
    }

    private static DocletRun runSinceTagDoclet(Path sourceDir) throws Exception {
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        StringWriter output = new StringWriter();
        try (StandardJavaFileManager files = javadoc.getStandardFileManager(null, null, null);
             Stream<Path> paths = Files.list(sourceDir)) {
            List<File> sources = paths.filter(p -> p.toString().endsWith(".java")).map(Path::toFile)
                    .collect(Collectors.toList());
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromFiles(sources);
            assertThat(sources).as("Java sources in " + sourceDir).isNotEmpty();
            boolean succeeded = javadoc.getTask(output, files, null, SinceTagDoclet.class, List.of("-quiet"), units)
                    .call();
            return new DocletRun(succeeded, output.toString());
        }
    }
}
