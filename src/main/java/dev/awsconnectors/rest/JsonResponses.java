package dev.awsconnectors.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Responses whose JSON the app writes itself with its embedded Jackson, so they depend on no JSON provider of the
 * host. Every response is {@code Cache-Control: no-store}: most carry credentials or configuration.
 */
final class JsonResponses {
    static final ObjectMapper JSON = new ObjectMapper();
    static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private JsonResponses() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static Response json(Response.Status status, Object body) {
        return builder(status.getStatusCode(), body).build();
    }

    static Response.ResponseBuilder builder(int status, Object body) {
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
        return Response.status(status).type(JSON_UTF8).cacheControl(noStore()).entity(text);
    }

    static Response noContent() {
        return Response.noContent().cacheControl(noStore()).build();
    }

    static CacheControl noStore() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }
}
