package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.OnBuiltJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@OnBuiltJar
class DemoHostTest {
    @TempDir
    Path home;

    private DemoOptions options() {
        return DemoOptions.builder().port(0).home(home).auiDirectory(home.resolve("no-aui")).build();
    }

    @Test
    void theDemoServesTheLoginTheFrameThePluginsPagesAndRestToTheRightUsers() throws Exception {
        try (DemoHost jira = DemoHost.start(options())) {
            HttpClient anonymous = HttpClient.newHttpClient();
            String base = jira.baseUrl().toString();
            assertThat(base).matches("http://localhost:\\d+/jira");

            HttpResponse<String> dashboard = send(anonymous, get(base + "/secure/Dashboard.jspa"));
            assertThat(dashboard.statusCode()).isEqualTo(302);
            assertThat(dashboard.headers().firstValue("Location").orElseThrow()).contains("/jira/login.jsp?os_destination=");
            HttpResponse<String> admin = send(anonymous, get(base + "/plugins/servlet/aws-connectors/admin/connectors"));
            assertThat(admin.statusCode()).isEqualTo(302);
            assertThat(admin.headers().firstValue("Location").orElseThrow()).contains("/login.jsp");

            assertThat(send(anonymous, get(base + "/rest/aws-connectors/1.0/connectors")).statusCode())
                    .isEqualTo(401);
            HttpResponse<String> adminRest = send(anonymous, get(base + "/rest/aws-connectors/1.0/connectors")
                    .header("Authorization", basic("admin", "admin")));
            assertThat(adminRest.statusCode()).isEqualTo(200);
            assertThat(adminRest.body()).contains(DemoData.FEDERATED, DemoData.ROLE, DemoData.BREAK_GLASS);
            assertThat(send(anonymous, get(base + "/secure/Dashboard.jspa")
                    .header("Authorization", basic("admin", "wrong"))).statusCode()).isEqualTo(401);

            HttpClient alice = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            HttpResponse<String> login = send(alice, HttpRequest.newBuilder(URI.create(base + "/login.jsp"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("os_username=alice&os_password=alice&os_destination="
                            + URLEncoder.encode("/secure/Dashboard.jspa", StandardCharsets.UTF_8))).build());
            assertThat(login.statusCode()).isEqualTo(302);
            HttpResponse<String> aliceDashboard = send(alice, get(base + "/secure/Dashboard.jspa"));
            assertThat(aliceDashboard.statusCode()).isEqualTo(200);
            assertThat(aliceDashboard.body()).contains("Jira", "data-username=\"alice\"", "aui.css")
                    .doesNotContain("Administration");
            HttpResponse<String> aliceRest = send(alice, get(base + "/rest/aws-connectors/1.0/connectors"));
            assertThat(aliceRest.statusCode()).isEqualTo(200);
            assertThat(aliceRest.body()).contains(DemoData.FEDERATED, DemoData.ROLE).doesNotContain(DemoData.BREAK_GLASS);
            assertThat(send(alice, get(base + "/plugins/servlet/aws-connectors/admin/connectors")).statusCode())
                    .isEqualTo(403);

            HttpResponse<String> adminPage = send(anonymous, get(base + "/plugins/servlet/aws-connectors/admin/connectors")
                    .header("Authorization", basic("admin", "admin")));
            assertThat(adminPage.statusCode()).as("an admin without WebSudo is asked for the password again")
                    .isEqualTo(302);
            assertThat(adminPage.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).contains("/secure/admin/WebSudoAuthenticate.jspa"));

            assertThat(send(anonymous, get(base + "/static/aui/aui.css")).body()).contains(".aui-header");
            assertThat(send(anonymous, get(base + "/host/audit").header("Authorization", basic("admin", "admin"))).body()).startsWith("[");
        }
    }

    @Test
    void aSecondStartKeepsTheDataAndTwoNodesSeeEachOthersEdits() {
        String connectorId;
        try (DemoHost first = DemoHost.start(options())) {
            Map<String, UUID> connectors = new StoredData(first.plugin()).connectorIdsByName();
            assertThat(connectors.keySet())
                    .containsExactlyInAnyOrder(DemoData.FEDERATED, DemoData.ROLE, DemoData.BREAK_GLASS,
                            DemoData.KEYLESS);
            connectorId = connectors.values().iterator().next().toString();
        }
        try (DemoHost node1 = DemoHost.start(options());
             DemoHost node2 = DemoHost.start(options().withNode(2))) {
            StoredData one = new StoredData(node1.plugin());
            StoredData two = new StoredData(node2.plugin());
            assertThat(one.connectorIdsByName().values()).hasSize(4).contains(UUID.fromString(connectorId));
            assertThat(node2.baseUrl()).isNotEqualTo(node1.baseUrl());
            assertThat(node2.plugin().classLoader()).as("each node runs the jar in a framework of its own")
                    .isNotSameAs(node1.plugin().classLoader());

            UUID onTwo = two.connectorId(DemoData.ROLE);
            two.describeConnector(onTwo, "Edited on node 2");

            assertThat(one.connectorDescription(onTwo)).contains("Edited on node 2");
        }
    }

    @Test
    void aliceGetsCredentialsAndAConsoleSignInFromTheKeylessConnectorWhoseAccountStoresNoKey() throws Exception {
        try (DemoHost jira = DemoHost.start(options())) {
            HttpClient client = HttpClient.newHttpClient();
            String rest = jira.baseUrl() + "/rest/aws-connectors/1.0";
            StoredData stored = new StoredData(jira.plugin());
            UUID keyless = stored.connectorId(DemoData.KEYLESS);

            HttpResponse<String> credentials = send(client, get(rest + "/connectors/" + keyless + "/credentials")
                    .header("Authorization", basic("alice", "alice")));
            assertThat(credentials.statusCode()).as(credentials.body()).isEqualTo(200);
            assertThat(credentials.body()).contains("\"accessKeyId\":\"ASIA",
                    "arn:aws:sts::123456789012:assumed-role/jira-keyless/alice");

            HttpResponse<String> console = send(client, get(rest + "/connectors/" + keyless + "/console")
                    .header("Authorization", basic("alice", "alice")));
            assertThat(console.statusCode()).as(console.body()).isEqualTo(200);
            assertThat(console.body()).contains("SigninToken");

            HttpResponse<String> account = send(client, get(rest + "/admin/accounts/"
                    + stored.accountId(DemoData.KEYLESS_ACCOUNT)).header("Authorization", basic("admin", "admin")));
            assertThat(account.body()).contains("\"type\":\"WEB_IDENTITY\"").doesNotContain("accessKeyId");
        }
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return send(client, request.build());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
