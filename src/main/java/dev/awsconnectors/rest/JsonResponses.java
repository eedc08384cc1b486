package dev.awsconnectors.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.awsconnectors.paging.Page;

import java.util.UUID;
import java.util.function.Function;

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

    /** Each item as {@code toJson} writes it, in the order given. */
    static <T> ArrayNode array(Iterable<T> items, Function<? super T, ? extends JsonNode> toJson) {
        ArrayNode array = JSON.createArrayNode();
        for (T item : items) {
            array.add(toJson.apply(item));
        }
        return array;
    }

    /**
     * A page in Jira's REST page shape: {@code {startAt, maxResults, total, isLast, values}}, each value as
     * {@code toJson} writes it.
     */
    static <T> ObjectNode page(Page<T> page, Function<? super T, ? extends JsonNode> toJson) {
        ObjectNode body = object();
        body.put("startAt", page.startAt());
        body.put("maxResults", page.maxResults());
        body.put("total", page.total());
        body.put("isLast", page.isLast());
        body.set("values", array(page.values(), toJson));
        return body;
    }

    /** The error shape of the whole API: {@code {"status", "message", "field"?}}, {@code field} only when known. */
    static ObjectNode error(int status, String message, String field) {
        ObjectNode body = object();
        body.put("status", status);
        body.put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        return body;
    }

    static Response ok(Object body) {
        return json(Response.Status.OK, body);
    }

    /** 201 with the new object, and its {@code Location} where the request's URI is known. */
    static Response created(UriInfo request, UUID id, Object body) {
        Response.ResponseBuilder response = builder(201, body);
        return (request == null ? response
                : response.location(request.getAbsolutePathBuilder().path(id.toString()).build())).build();
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
