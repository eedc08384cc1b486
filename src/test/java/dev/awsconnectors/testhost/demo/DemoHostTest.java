package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.testhost.OnBuiltJar;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.persistence.ConnectorRepository;
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
            List<Connector> connectors = first.plugin().component(ConnectorRepository.class).all();
            assertThat(connectors).extracting(Connector::name)
                    .containsExactlyInAnyOrder(DemoData.FEDERATED, DemoData.ROLE, DemoData.BREAK_GLASS);
            connectorId = connectors.get(0).id().toString();
        }
        try (DemoHost node1 = DemoHost.start(options());
             DemoHost node2 = DemoHost.start(options().withNode(2))) {
            ConnectorRepository one = node1.plugin().component(ConnectorRepository.class);
            ConnectorRepository two = node2.plugin().component(ConnectorRepository.class);
            assertThat(one.all()).hasSize(3).first().satisfies(c -> assertThat(c.id()).hasToString(connectorId));
            assertThat(node2.baseUrl()).isNotEqualTo(node1.baseUrl());

            Connector onTwo = two.all().stream().filter(c -> c.name().equals(DemoData.ROLE)).findFirst().orElseThrow();
            two.update(onTwo.toBuilder().description("Edited on node 2").build());

            assertThat(one.get(onTwo.id()).orElseThrow().description()).contains("Edited on node 2");
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
