package dev.awsconnectors.testhost.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A web site on 127.0.0.1 that answers JSON at the paths a test gives it, each body made when it is asked for: where
 * a test publishes an issuer's discovery document and JWKS for the local AWS double to fetch over HTTP, as AWS
 * fetches them from Jira or from wherever an admin hosts them. Closing it makes the issuer unreachable.
 */
public final class JsonSite implements AutoCloseable {
    private final HttpServer server;

    private JsonSite(HttpServer server) {
        this.server = server;
    }

    /** A running site with nothing on it yet. */
    public static JsonSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.start();
            return new JsonSite(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers {@code body}'s JSON at {@code path}, with 200. */
    public JsonSite serve(String path, Supplier<String> body) {
        server.createContext(path, exchange -> answer(exchange, body.get()));
        return this;
    }

    /** An issuer's two documents below {@code issuerPath}, where the app serves its own. */
    public JsonSite serveIssuer(String issuerPath, Supplier<String> discoveryDocument, Supplier<String> jwks) {
        return serve(issuerPath + "/.well-known/openid-configuration", discoveryDocument)
                .serve(issuerPath + "/jwks", jwks);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
