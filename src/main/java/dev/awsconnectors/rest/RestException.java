package dev.awsconnectors.rest;

import jakarta.ws.rs.core.Response;

import java.util.Objects;

/**
 * A request the REST API refuses itself (a body that is not JSON, a field of the wrong type, an unknown id), with
 * the status, the message already in the caller's language, and the field at fault where there is one.
 * {@link RestExceptionMapper} writes it as the error JSON.
 */
final class RestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Response.Status status;
    private final String field;

    RestException(Response.Status status, String message, String field) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        this.field = field;
    }

    static RestException badField(String field, String message) {
        return new RestException(Response.Status.BAD_REQUEST, message, Objects.requireNonNull(field, "field"));
    }

    Response.Status status() {
        return status;
    }

    /** The request field at fault; {@code null} when the whole request is. */
    String field() {
        return field;
    }
}
