package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.CommandLineTools;
import dev.awsconnectors.testhost.OnBuiltJar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProcessCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The README's AWS CLI setup against the demo host: {@code credential_process} with a personal access token. */
@OnBuiltJar
class PersonalAccessTokenTest {
    @TempDir
    Path home;

    @Test
    void aPersonalAccessTokenGetsTheUsersCredentialsForTheAwsCliAndAWrongOneIs401() throws Exception {
        try (DemoHost jira = DemoHost.start(DemoOptions.builder().port(0).home(home)
                .auiDirectory(home.resolve("no-aui")).build())) {
            Path tokensFile = home.resolve(DemoHost.TOKENS_FILE);
            assertThat(tokensFile).exists();
            String token = readToken(tokensFile, "alice");
            assertThat(jira.tokens().tokensOf("admin")).hasSize(1).doesNotContain(token);

            String id = new StoredData(jira.plugin()).connectorId(DemoData.FEDERATED).toString();
            String url = jira.baseUrl() + "/rest/aws-connectors/1.0/connectors/" + id
                    + "/credentials?format=credential_process";

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode json = new ObjectMapper().readTree(answer.body());
            assertThat(json.get("Version").isInt()).isTrue();
            assertThat(json.get("Version").intValue()).isEqualTo(1);
            for (String key : List.of("AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration")) {
                assertThat(json.get(key).asText()).as(key).isNotBlank();
            }

            HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token + "x").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("Bearer");

            // Exactly the README's ~/.aws/config line, run through a shell by the SDK's credential_process provider.
            assumeTrue(CommandLineTools.available("curl"), "curl is not installed");
            String readmeLine = Files.readAllLines(Path.of("README.md")).stream()
                    .filter(line -> line.startsWith("credential_process = ")).findFirst().orElseThrow();
            String example = "https://jira.example.com/rest/aws-connectors/1.0/connectors/<connector id>"
                    + "/credentials?format=credential_process";
            assertThat(readmeLine).contains("<personal access token>", example);
            String command = readmeLine.substring("credential_process = ".length())
                    .replace("<personal access token>", token).replace(example, url);
            AwsCredentials credentials;
            try (ProcessCredentialsProvider provider = ProcessCredentialsProvider.builder()
                    .command(List.of("sh", "-c", command)).build()) {
                credentials = provider.resolveCredentials();
            }
            assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
            try (StsClient sts = StsClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .region(Region.US_EAST_1)
                    .endpointOverride(jira.localAwsEndpoint().orElseThrow())
                    .credentialsProvider(() -> credentials)
                    .build()) {
                assertThat(sts.getCallerIdentity().arn()).endsWith(":federated-user/alice");
            }
        }
    }

    private static String readToken(Path tokensFile, String user) throws Exception {
        return Files.readAllLines(tokensFile).stream().map(String::strip)
                .filter(line -> !line.startsWith("#") && line.contains("="))
                .filter(line -> line.substring(0, line.indexOf('=')).strip().equals(user))
                .map(line -> line.substring(line.indexOf('=') + 1).strip())
                .findFirst().orElseThrow();
    }
}
