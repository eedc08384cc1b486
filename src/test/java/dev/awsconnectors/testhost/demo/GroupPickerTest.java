package dev.awsconnectors.testhost.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsconnectors.testhost.OnBuiltJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo host's copy of Jira's group picker REST resource, which the connector editor searches: Jira's answer
 * shape, the query matched anywhere in the name, sorted, limited, the match highlighted in escaped HTML.
 */
@OnBuiltJar
class GroupPickerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private static HttpResponse<String> get(DemoHost jira, String query, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jira.baseUrl() + "/rest/api/2/groups/picker"
                + query));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePickerAnswersInJirasShapeWithTheMatchingGroupsSortedAndLimited() throws Exception {
        Files.write(home.resolve("users.properties"), List.of(
                "admin = admin ; groups: jira-administrators ; admin",
                "alice = alice ; groups: aws-developers, aws-ops, <b>&team",
                "bob = bob ; groups: AWS-auditors"));
        try (DemoHost jira = DemoHost.start(DemoOptions.builder().port(0).home(home)
                .auiDirectory(home.resolve("no-aui")).build())) {
            assertThat(get(jira, "?query=aws", null).statusCode()).as("anonymous").isEqualTo(401);

            HttpResponse<String> aws = get(jira, "?query=aws", "admin");
            assertThat(aws.statusCode()).isEqualTo(200);
            assertThat(aws.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            JsonNode body = JSON.readTree(aws.body());
            assertThat(body.get("header").asText()).isEqualTo("Showing 3 of 3 matching groups");
            assertThat(body.get("total").asInt()).isEqualTo(3);
            assertThat(body.get("groups")).extracting(g -> g.get("name").asText())
                    .containsExactly("AWS-auditors", "aws-developers", "aws-ops");
            assertThat(body.get("groups").get(1).get("html").asText()).isEqualTo("<b>aws</b>-developers");
            assertThat(body.get("groups").get(0).get("labels").isArray()).isTrue();

            JsonNode limited = JSON.readTree(get(jira, "?query=&maxResults=2", "admin").body());
            assertThat(limited.get("header").asText()).isEqualTo("Showing 2 of 5 matching groups");
            assertThat(limited.get("groups")).hasSize(2);

            JsonNode escaped = JSON.readTree(get(jira, "?query=team", "admin").body());
            assertThat(escaped.get("groups").get(0).get("html").asText()).isEqualTo("&lt;b&gt;&amp;<b>team</b>");
        }
    }
}
