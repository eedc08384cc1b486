package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.OnBuiltJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo host's audit log page: the events in the app's words, for administrators only, linked from the frame. */
@OnBuiltJar
class AuditLogPageTest {
    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(DemoHost jira, String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jira.baseUrl() + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void showsAdministratorsEachCredentialsDecisionAndKeepsEveryoneElseOut() throws Exception {
        try (DemoHost jira = DemoHost.start(DemoOptions.builder().port(0).home(home)
                .auiDirectory(home.resolve("no-aui")).build())) {
            AnotherApp reports = AnotherApp.install(jira, home, "com.example.reports");
            String federated = jira.users().runAs("alice", () -> reports.call("usable").get(DemoData.FEDERATED));
            Map<String, String> credentials = jira.users().runAs("alice", () -> reports.call("credentials", federated));
            assertThat(credentials).containsKey("secretAccessKey");
            assertThat(jira.users().runAs("bob", () -> reports.call("credentials", federated))).containsKey("denied");

            HttpResponse<String> anonymous = get(jira, AuditLogPageServlet.PATH, null);
            assertThat(anonymous.statusCode()).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location").orElseThrow()).contains("/login.jsp");
            HttpResponse<String> alice = get(jira, AuditLogPageServlet.PATH, "alice");
            assertThat(alice.statusCode()).isEqualTo(403);
            assertThat(alice.body()).contains("Only Jira administrators").doesNotContain("AWS credentials issued");
            assertThat(get(jira, "/secure/Dashboard.jspa", "alice").body()).doesNotContain("audit-log-link");

            assertThat(get(jira, "/secure/Dashboard.jspa", "admin").body())
                    .contains("id=\"audit-log-link\" href=\"/jira" + AuditLogPageServlet.PATH + "\"");
            HttpResponse<String> page = get(jira, AuditLogPageServlet.PATH, "admin");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            String body = page.body();
            assertThat(body).contains("<table id=\"audit-log\"", "AWS Connectors", "AWS credentials issued",
                    "AWS credentials refused", "Requested by", "Principal ARN", credentials.get("principalArn"),
                    "AWS connector: " + DemoData.FEDERATED, "AWS account: " + DemoData.ACCOUNT,
                    "NOT_IN_CONNECTOR_GROUPS", "END_USER_ACTIVITY / BASE", "SECURITY / BASE")
                    .doesNotContain(credentials.get("secretAccessKey"), credentials.get("sessionToken"));
            assertThat(body.indexOf("AWS credentials refused"))
                    .as("newest first").isLessThan(body.indexOf("AWS credentials issued"));
        }
    }
}
