package dev.awsconnectors.testhost;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line tools some tests run as an admin or a script would (curl for the README's commands, openssl for
 * Atlassian's signature check). Without a tool such a test is skipped, saying so, except where
 * {@value #REQUIRE_VARIABLE}{@code =true} (set by {@code .ci/run}, which installs them): there a missing tool fails.
 */
public final class CommandLineTools {
    public static final String REQUIRE_VARIABLE = "AWSC_REQUIRE_TOOLS";

    private CommandLineTools() {
    }

    /** Whether {@code command} is on the PATH; fails instead of answering false where the tools are required. */
    public static boolean available(String command) {
        boolean found = false;
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            found |= !folder.isEmpty() && Files.isExecutable(Path.of(folder, command));
        }
        if (!found && Boolean.parseBoolean(System.getenv(REQUIRE_VARIABLE))) {
            assertThat(found).as(command + " is not installed, and " + REQUIRE_VARIABLE + "=true").isTrue();
        }
        return found;
    }
}
