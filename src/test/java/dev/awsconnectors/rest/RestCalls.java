package dev.awsconnectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsconnectors.testhost.demo.DemoHost;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTP calls to the demo host's {@code /rest/aws-connectors/1.0}, as one of the demo users (HTTP Basic) or
 * anonymously. Every response body is kept, so a test can check afterwards that no secret was ever answered.
 */
final class RestCalls {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The demo users, and no user at all. */
    enum Who {
        ANONYMOUS(null), BOB("bob"), ALICE("alice"), ADMIN("admin");

        final String user;

        Who(String user) {
            this.user = user;
        }
    }

    /** A response: status, body, and the body as JSON (null when it is not JSON). */
    record Answer(int status, String body, String contentType, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }

    private final String base;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    RestCalls(DemoHost host) {
        this.base = host.baseUrl() + "/rest/aws-connectors/1.0";
    }

    Answer get(Who who, String path) {
        return send(who, "GET", path, null, null);
    }

    Answer post(Who who, String path, String json) {
        return send(who, "POST", path, json, "application/json");
    }

    Answer put(Who who, String path, String json) {
        return send(who, "PUT", path, json, "application/json");
    }

    /** As scripts delete: {@code {}} as JSON, since a body-less DELETE is one a cross-site form could send. */
    Answer delete(Who who, String path) {
        return send(who, "DELETE", path, "{}", "application/json");
    }

    Answer send(Who who, String method, String path, String body, String contentType) {
        HttpRequest.Builder request = request(method, base + path, body, contentType);
        if (who.user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (who.user + ":" + who.user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            // A client per request, so no request rides a kept-alive connection the host has just closed (after
            // refusing a PUT without reading its body), which the JDK client reports as "received no bytes".
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            bodies.add(response.body());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every response body answered so far. */
    List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** Fails unless no response body answered so far contains any of {@code secrets}. */
    void assertNoBodyContains(List<String> secrets) {
        for (String body : bodies) {
            for (String secret : secrets) {
                assertThat(body).doesNotContain(secret);
            }
        }
    }

    /** A request asking for JSON, with the body (none when null) typed {@code contentType} (none when null). */
    static HttpRequest.Builder request(String method, String url, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request;
    }

    /** Fails unless the answer is the API's error JSON with {@code status} and a message about {@code field}. */
    static void assertError(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        JsonNode body = answer.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("field").asText()).isEqualTo(field);
        assertThat(body.get("message").asText()).isNotBlank();
    }
}
