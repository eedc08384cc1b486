package dev.awsconnectors.web.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsconnectors.testhost.CommandLineTools;
import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.testhost.demo.DemoHost;
import dev.awsconnectors.testhost.demo.DemoOptions;
import dev.awsconnectors.testhost.demo.StoredData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code credential_process} command the page offers, run for real (sh and curl) against the demo host with a
 * personal access token, as the AWS CLI runs it: what the user sees on stdout and stderr, and the exit status.
 */
@OnBuiltJar
class CredentialProcessOnDemoHostTest {
    @TempDir
    Path home;

    @Test
    void theCommandPrintsCredentialsOrJirasReasonOnStderrWithANonZeroExit() throws Exception {
        assumeTrue(CommandLineTools.available("curl"), "curl is not installed");
        try (DemoHost jira = DemoHost.start(DemoOptions.builder().port(0).home(home)
                .auiDirectory(home.resolve("no-aui")).build())) {
            String token = readToken(home.resolve(DemoHost.TOKENS_FILE), "alice");
            StoredData data = new StoredData(jira.plugin());

            Result success = run(jira, data.connectorId("Developers (federated)"), token);
            assertThat(success.exitStatus).as(success.stderr).isZero();
            assertThat(success.stderr).isEmpty();
            JsonNode json = new ObjectMapper().readTree(success.stdout);
            assertThat(json.get("Version").intValue()).isEqualTo(1);
            for (String key : List.of("AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration")) {
                assertThat(json.get(key).asText()).as(key).isNotBlank();
            }

            // Alice may not use the break-glass connector: the REST API's own words reach her terminal.
            Result refused = run(jira, data.connectorId("Break glass"), token);
            assertThat(refused.exitStatus).isEqualTo(1);
            assertThat(refused.stdout).isEmpty();
            assertThat(refused.stderr.strip()).isNotBlank().doesNotStartWith("{").doesNotContain("\"status\"")
                    .containsIgnoringCase("connector");

            // A wrong token is refused by Jira before the app: the status is what she learns.
            Result wrongToken = run(jira, data.connectorId("Developers (federated)"), token + "x");
            assertThat(wrongToken.exitStatus).isEqualTo(1);
            assertThat(wrongToken.stdout).isEmpty();
            assertThat(wrongToken.stderr.strip()).isEqualTo("Jira answered HTTP 401");
        }
    }

    private static Result run(DemoHost jira, UUID connectorId, String token) throws Exception {
        String url = jira.baseUrl() + String.format(Locale.ROOT, CredentialsFormats.REST_CREDENTIALS_PATH,
                connectorId);
        String command = CredentialsFormats.credentialProcessCommand(url)
                .replace(CredentialsFormats.TOKEN_PLACEHOLDER, token);
        // The outer sh only splits the line into words (as the AWS CLI does) and runs the first.
        Process process = new ProcessBuilder("sh", "-c", "exec " + command).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), stdout, stderr);
    }

    private static String readToken(Path tokensFile, String user) throws Exception {
        return Files.readAllLines(tokensFile).stream().map(String::strip)
                .filter(line -> !line.startsWith("#") && line.contains("="))
                .filter(line -> line.substring(0, line.indexOf('=')).strip().equals(user))
                .map(line -> line.substring(line.indexOf('=') + 1).strip())
                .findFirst().orElseThrow();
    }

    private record Result(int exitStatus, String stdout, String stderr) {
    }
}
