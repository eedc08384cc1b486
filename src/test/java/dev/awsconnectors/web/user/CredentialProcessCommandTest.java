package dev.awsconnectors.web.user;

import com.sun.net.httpserver.HttpServer;
import dev.awsconnectors.testhost.CommandLineTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code credential_process} line the page offers, run for real (sh and curl, as the AWS CLI runs it: the words
 * of the line, no shell of the user's) against a server that answers as the REST API does.
 */
class CredentialProcessCommandTest {
    private static final String TOKEN = "NjY0MzQ4OTY3MzE2OpJt0ken";
    private HttpServer server;
    private volatile int status;
    private volatile String body;
    private volatile String authorization;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorization = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void printsTheCredentialsJsonOnSuccessAndNothingOnStderr() throws Exception {
        status = 200;
        body = "{\"Version\":1,\"AccessKeyId\":\"ASIAEXAMPLE\",\"SecretAccessKey\":\"s\",\"SessionToken\":\"t\","
                + "\"Expiration\":\"2030-01-01T00:00:00Z\"}";

        Result result = run();

        assertThat(result.exitStatus).isZero();
        assertThat(result.stdout.strip()).isEqualTo(body);
        assertThat(result.stderr).isEmpty();
        assertThat(authorization).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void printsTheErrorMessageOnStderrAndExitsNonZeroWhenJiraRefuses() throws Exception {
        status = 502;
        body = "{\"status\":502,\"message\":\"The MFA code was not accepted. Ask a Jira administrator to check "
                + "the connector's \\\"MFA\\\" device.\",\"awsErrorCode\":\"AccessDenied\"}";

        Result result = run();

        assertThat(result.exitStatus).isEqualTo(1);
        assertThat(result.stdout).isEmpty();
        assertThat(result.stderr.strip()).isEqualTo("The MFA code was not accepted. Ask a Jira administrator to "
                + "check the connector's \"MFA\" device.");
    }

    @Test
    void saysWhichStatusJiraAnsweredWhenTheAnswerIsNotTheAppsError() throws Exception {
        status = 401;
        body = "<html><body>Unauthorized</body></html>";

        Result result = run();

        assertThat(result.exitStatus).isEqualTo(1);
        assertThat(result.stdout).isEmpty();
        assertThat(result.stderr.strip()).isEqualTo("Jira answered HTTP 401");
    }

    @Test
    void exitsNonZeroWithCurlsReasonWhenJiraCannotBeReached() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);

        Result result = run(port);

        assertThat(result.exitStatus).isNotZero();
        assertThat(result.stdout).isEmpty();
        assertThat(result.stderr).contains("curl:");
    }

    @Test
    void namesTheAccountsRegionAndOffersNoProfileForAConnectorThatNeedsAnMfaCode() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        String profile = CredentialsFormats.credentialProcess(new CredentialsFormats.Profile(id, "Dev Role",
                "https://jira.example.com", false, "eu-west-1"));

        assertThat(profile).startsWith("[profile dev-role]\nregion = eu-west-1\ncredential_process = sh -c '");
        assertThat(profile).endsWith("' sh \"<personal access token>\" \"https://jira.example.com/rest/"
                + "aws-connectors/1.0/connectors/" + id + "/credentials?format=credential_process\"");
        assertThat(CredentialsFormats.FETCH_PROGRAM).doesNotContain("'");
    }

    private Result run() throws Exception {
        return run(server.getAddress().getPort());
    }

    /** The credential_process value with the user's token in place, run as its words say (sh's quoting = shlex's). */
    private Result run(int port) throws Exception {
        assumeTrue(CommandLineTools.available("curl"), "curl is not installed");
        String url = "http://127.0.0.1:" + port + "/rest/aws-connectors/1.0/connectors/x/credentials"
                + "?format=credential_process";
        String command = CredentialsFormats.credentialProcessCommand(url)
                .replace(CredentialsFormats.TOKEN_PLACEHOLDER, TOKEN);
        // The outer sh only splits the line into words, as the AWS CLI does before it runs the first one.
        Process process = new ProcessBuilder("sh", "-c", "exec " + command).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), stdout, stderr);
    }

    private record Result(int exitStatus, String stdout, String stderr) {
    }
}
