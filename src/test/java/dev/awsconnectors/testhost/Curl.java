package dev.awsconnectors.testhost;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The curl commands the README gives scripts, run as a user runs them (with bash), for the tests that check them. */
public final class Curl {
    private Curl() {
    }

    /** Whether {@code curl} is on the PATH; tests of README commands are skipped, saying so, without it. */
    public static boolean installed() {
        try {
            return new ProcessBuilder("curl", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs a command line ending in {@code -w ' %{http_code}'} and answers its output split into the body and the
     * status curl wrote last.
     */
    public static String[] bodyAndStatus(String commandLine) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", commandLine).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(commandLine + ": " + output).isZero();
        int space = output.lastIndexOf(' ');
        return new String[] {output.substring(0, Math.max(space, 0)), output.substring(space + 1)};
    }
}
