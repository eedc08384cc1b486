package dev.awsconnectors.testhost.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Adds connectors to a running demo host as an administrator would, through the admin REST API: {@code team-001},
 * {@code team-002}, … on the demo account, each usable by the demo group {@value DemoData#DEVELOPERS_GROUP} (so
 * alice may use them, bob none).
 */
public final class ManyConnectors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManyConnectors() {
    }

    /** The name of the {@code number}th connector added, from 1. */
    public static String name(int number) {
        return String.format("team-%03d", number);
    }

    public static void add(DemoHost jira, int count) {
        HttpClient client = HttpClient.newHttpClient();
        String base = jira.baseUrl().toString().replaceAll("/+$", "") + "/rest/aws-connectors/1.0";
        JsonNode accounts = send(client, HttpRequest.newBuilder(URI.create(base + "/admin/accounts")).GET());
        String accountId = accounts.get("values").get(0).get("id").asText();
        for (int i = 1; i <= count; i++) {
            ObjectNode connector = JSON.createObjectNode()
                    .put("name", name(i))
                    .put("description", "Team connector " + i)
                    .put("accountId", accountId)
                    .put("principalType", "FEDERATED_USER")
                    .put("policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}");
            connector.putArray("groups").add(DemoData.DEVELOPERS_GROUP);
            send(client, HttpRequest.newBuilder(URI.create(base + "/admin/connectors"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(connector.toString())));
        }
    }

    private static JsonNode send(HttpClient client, HttpRequest.Builder request) {
        request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
        try {
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new AssertionError("HTTP " + answer.statusCode() + ": " + answer.body());
            }
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
