package dev.awsconnectors.testhost.plugin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo host's copy of Atlassian REST's XSRF rule ({@link RestXsrfCheck}), on its own, in a real Jersey
 * application run in-process against a resource that takes any body — the plugin's resources take JSON only, so
 * over HTTP Jersey refuses a form 415 before the rule is reached. What the resource was called with is recorded:
 * a refused request never reaches it.
 */
class RestXsrfCheckRuleTest {
    private static final String BASE = "http://localhost:2990/jira";
    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";

    private final List<String> reached = new CopyOnWriteArrayList<>();
    private final ApplicationHandler jersey = new ApplicationHandler(new ResourceConfig()
            .register(new AnyBody(reached))
            .register(new RestXsrfCheck(URI.create(BASE)))
            .property(org.glassfish.jersey.server.ServerProperties.WADL_FEATURE_DISABLE, true));

    @Path("/any")
    public static final class AnyBody {
        private final List<String> reached;

        AnyBody(List<String> reached) {
            this.reached = reached;
        }

        @GET
        public String read() {
            reached.add("GET");
            return "read";
        }

        @POST
        @Consumes(MediaType.WILDCARD)
        public String post(String body) {
            reached.add("POST " + body);
            return "posted";
        }

        @PUT
        @Consumes(MediaType.WILDCARD)
        public String put(String body) {
            reached.add("PUT " + body);
            return "put";
        }

        @DELETE
        @Consumes(MediaType.WILDCARD)
        public String delete(String body) {
            reached.add("DELETE " + body);
            return "deleted";
        }
    }

    @Test
    void aFormMultipartPlainTextOrUntypedBodyNeedsTheNoCheckTokenOnPostPutAndDelete() {
        for (String method : List.of("POST", "PUT", "DELETE")) {
            for (String type : new String[] {null, "application/x-www-form-urlencoded",
                    "application/x-www-form-urlencoded; charset=UTF-8", "multipart/form-data; boundary=x",
                    "text/plain", "TEXT/PLAIN;charset=ISO-8859-1"}) {
                String what = method + " with Content-Type " + type;
                assertRefused(call(method, type, Map.of()), what);
                assertRefused(call(method, type, Map.of("X-Atlassian-Token", "yes")), what + " and another token");
                assertRefused(call(method, type, Map.of("X-Atlassian-Token", "")), what + " and an empty token");
                for (String token : List.of("no-check", "NO-CHECK", "nocheck")) {
                    assertThat(call(method, type, Map.of("X-Atlassian-Token", token)).getStatus())
                            .as(what + " and the token " + token).isEqualTo(200);
                }
            }
        }
        assertThat(reached).as("only the requests with the token").hasSize(3 * 6 * 3);
    }

    @Test
    void bodiesAFormCannotSendPassWithoutTheTokenAndSafeMethodsAreNotChecked() {
        for (String method : List.of("POST", "PUT", "DELETE")) {
            for (String type : List.of("application/json", "application/json; charset=UTF-8", "application/xml")) {
                assertThat(call(method, type, Map.of()).getStatus()).as(method + " " + type).isEqualTo(200);
            }
        }
        ContainerRequest get = request("GET", null, Map.of("Origin", "http://evil.example", "User-Agent", CHROME));
        assertThat(respond(get).getStatus()).as("GET is not checked").isEqualTo(200);
    }

    @Test
    void aRequestFromAPageOfAnotherOriginIsRefusedWhateverItsTypeAndToken() {
        Map<String, String> token = Map.of("X-Atlassian-Token", "no-check");
        for (String origin : List.of("http://evil.example", "https://localhost:2990", "http://localhost:2991",
                "http://localhost.evil.example:2990", "null")) {
            for (String method : List.of("POST", "PUT", "DELETE")) {
                assertRefused(call(method, "application/json", Map.of("Origin", origin)), method + " from " + origin);
                assertRefused(call(method, "application/json", with(token, "Origin", origin)),
                        method + " from " + origin + " with the token");
                assertRefused(call(method, "application/json", with(Map.of("User-Agent", "curl/8"), "Origin",
                        origin)), method + " from " + origin + " whatever the User-Agent");
            }
        }
        assertRefused(call("POST", "application/json", Map.of("Referer", "http://evil.example/page")),
                "a foreign Referer and no Origin");
        assertRefused(call("POST", "application/json", Map.of("Origin", "http://evil.example",
                "Referer", BASE + "/secure/Dashboard.jspa")), "the Origin decides before the Referer");
        assertRefused(call("POST", "application/json", Map.of("User-Agent", CHROME)),
                "a browser that names no page");
        assertThat(reached).isEmpty();
    }

    @Test
    void aRequestFromThisSitesPagesOrFromAScriptPasses() {
        for (String origin : List.of("http://localhost:2990", "HTTP://LOCALHOST:2990", "http://localhost:2990/")) {
            assertThat(call("POST", "application/json", Map.of("Origin", origin, "User-Agent", CHROME))
                    .getStatus()).as(origin).isEqualTo(200);
        }
        assertThat(call("PUT", "application/json", Map.of("Referer", BASE + "/secure/Dashboard.jspa?x=1",
                "User-Agent", CHROME)).getStatus()).as("a page of this site by its Referer").isEqualTo(200);
        assertThat(call("DELETE", "application/json", Map.of("User-Agent", "curl/8.11.1")).getStatus())
                .as("a script names no page").isEqualTo(200);
        assertThat(call("POST", "application/json", Map.of()).getStatus()).as("no User-Agent at all")
                .isEqualTo(200);
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return all;
    }

    private void assertRefused(ContainerResponse response, String what) {
        assertThat(response.getStatus()).as(what).isEqualTo(403);
        assertThat(response.getEntity()).as(what).isEqualTo("XSRF check failed");
    }

    private ContainerResponse call(String method, String contentType, Map<String, String> headers) {
        return respond(request(method, contentType, headers));
    }

    private ContainerResponse respond(ContainerRequest request) {
        try {
            return jersey.apply(request).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    private static ContainerRequest request(String method, String contentType, Map<String, String> headers) {
        ContainerRequest request = new ContainerRequest(URI.create(BASE + "/rest/fixture/1.0/"),
                URI.create(BASE + "/rest/fixture/1.0/any"), method, null, new MapPropertiesDelegate(), null);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        if (!method.equals("GET")) {
            request.setEntityStream(new ByteArrayInputStream("a=b".getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }
}
