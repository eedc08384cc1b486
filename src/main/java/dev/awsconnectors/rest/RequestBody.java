package dev.awsconnectors.rest;

import com.atlassian.sal.api.message.I18nResolver;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsconnectors.validation.Excerpts;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A JSON object sent as a request body, read field by field so that every mistake is answered 400 with the field
 * named: a body that is not JSON, a field of the wrong type, a value outside a list, a field the resource does not
 * know (a typo such as {@code secretKey} would otherwise be ignored silently). A JSON {@code null} and a missing
 * field both mean "no value". Messages never quote a value: it may be a secret; a field name the resource does not
 * know is quoted only as an {@link Excerpts excerpt}.
 */
final class RequestBody {
    /**
     * One JSON value and nothing after it ({@code {} garbage} and {@code {}{}} are refused, not read as {@code {}}),
     * and no field twice (which of two values would count is a guess).
     */
    private static final ObjectReader STRICT = JsonResponses.JSON.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /**
     * What the host's decoder puts in place of bytes that are not UTF-8 (invalid or overlong sequences): the caller
     * sent something other than what the body says it is.
     */
    private static final char REPLACEMENT = '\uFFFD';

    private final ObjectNode fields;
    private final I18nResolver i18n;

    private RequestBody(ObjectNode fields, I18nResolver i18n) {
        this.fields = fields;
        this.i18n = i18n;
    }

    /**
     * @param text    the body as sent; empty or blank is an empty object when {@code allowEmpty}
     * @param allowed the fields the resource reads; any other is refused
     */
    static RequestBody parse(String text, Set<String> allowed, boolean allowEmpty, I18nResolver i18n) {
        if (text == null || text.isBlank()) {
            if (allowEmpty) {
                return new RequestBody(JsonResponses.object(), i18n);
            }
            throw new RestException(Response.Status.BAD_REQUEST, i18n.getText("awsc.rest.error.body.missing"), null);
        }
        if (text.indexOf(REPLACEMENT) >= 0) {
            throw new RestException(Response.Status.BAD_REQUEST, i18n.getText("awsc.rest.error.body.notUtf8"), null);
        }
        JsonNode node;
        try {
            node = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote what was sent, which may be a secret: only the position is given.
            JsonLocation at = e.getLocation();
            throw new RestException(Response.Status.BAD_REQUEST, i18n.getText("awsc.rest.error.body.notJson",
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr()), null);
        }
        if (node == null || !node.isObject()) {
            throw new RestException(Response.Status.BAD_REQUEST, i18n.getText("awsc.rest.error.body.notObject"),
                    null);
        }
        ObjectNode object = (ObjectNode) node;
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                // The name is the caller's text: a secret sent as a field name must not come back.
                String shown = Excerpts.of(name);
                throw RestException.badField(shown, i18n.getText("awsc.rest.error.field.unknown", shown));
            }
        }
        return new RequestBody(object, i18n);
    }

    private JsonNode value(String field) {
        JsonNode node = fields.get(field);
        return node == null || node.isNull() ? null : node;
    }

    boolean has(String field) {
        return value(field) != null;
    }

    /** 400 naming {@code id} when the body carries one: a new object gets its id from the app, not the caller. */
    void refuseId() {
        if (has("id")) {
            throw RestException.badField("id", i18n.getText("awsc.rest.error.field.idOnCreate"));
        }
    }

    /** A string field; {@code null} when missing. */
    String text(String field) {
        return read(field, null, JsonNode::isTextual, "awsc.rest.error.field.string", JsonNode::textValue);
    }

    /** A whole number that fits an {@code int}; {@code null} when missing. */
    Integer integer(String field) {
        return read(field, null, node -> node.isIntegralNumber() && node.canConvertToInt(),
                "awsc.rest.error.field.integer", JsonNode::intValue);
    }

    /** A whole number; {@code null} when missing. */
    Long longValue(String field) {
        return read(field, null, node -> node.isIntegralNumber() && node.canConvertToLong(),
                "awsc.rest.error.field.integer", JsonNode::longValue);
    }

    /** A required whole number. */
    long requiredLong(String field) {
        Long value = longValue(field);
        if (value == null) {
            throw RestException.badField(field, i18n.getText("awsc.rest.error.field.required", field));
        }
        return value;
    }

    /** {@code true} or {@code false}; {@code fallback} when missing. */
    boolean bool(String field, boolean fallback) {
        return read(field, fallback, JsonNode::isBoolean, "awsc.rest.error.field.boolean", JsonNode::booleanValue);
    }

    /** The field as {@code as} reads it; {@code missing} when absent; 400 ({@code wrongTypeKey}) unless it fits. */
    private <T> T read(String field, T missing, Predicate<JsonNode> fits, String wrongTypeKey,
                       Function<JsonNode, T> as) {
        JsonNode node = value(field);
        if (node == null) {
            return missing;
        }
        if (!fits.test(node)) {
            throw RestException.badField(field, i18n.getText(wrongTypeKey, field));
        }
        return as.apply(node);
    }

    /** An array of strings; empty when missing. */
    List<String> strings(String field) {
        JsonNode node = value(field);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw RestException.badField(field, i18n.getText("awsc.rest.error.field.stringArray", field));
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw RestException.badField(field, i18n.getText("awsc.rest.error.field.stringArray", field));
            }
            values.add(element.textValue());
        }
        return values;
    }

    /** One of an enum's constant names, as written; {@code null} when missing or blank. */
    <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String text = text(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RestException.badField(field, i18n.getText("awsc.rest.error.field.oneOf", field,
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
        }
    }

    /** An id; {@code null} when missing or blank. */
    UUID uuid(String field) {
        String text = text(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw RestException.badField(field, i18n.getText("awsc.rest.error.field.uuid", field));
        }
    }

    /** A URL; {@code null} when missing or blank. Whether it is a usable one is the validator's decision. */
    URI uri(String field) {
        String text = text(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw RestException.badField(field, i18n.getText("awsc.rest.error.field.url", field));
        }
    }
}
