package dev.awsconnectors.testhost;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The curl commands the README gives scripts, run as a user runs them (with bash), for the tests that check them;
 * whether curl is there is {@link CommandLineTools#available(String)}'s to say.
 */
public final class Curl {
    private Curl() {
    }

    /**
     * Runs a command line ending in {@code -w ' %{http_code}'} and answers its output split into the body and the
     * status curl wrote last.
     */
    public static String[] bodyAndStatus(String commandLine) throws IOException, InterruptedException {
        // The command must not wait on a server that hangs: curl gives up, and so does the test.
        commandLine = commandLine + " --max-time 30";
        Process process = new ProcessBuilder("bash", "-c", commandLine).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as(commandLine + " ended").isTrue();
        assertThat(process.exitValue()).as(commandLine + ": " + output).isZero();
        int space = output.lastIndexOf(' ');
        return new String[] {output.substring(0, Math.max(space, 0)), output.substring(space + 1)};
    }
}
