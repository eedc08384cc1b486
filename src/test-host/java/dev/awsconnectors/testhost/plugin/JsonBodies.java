package dev.awsconnectors.testhost.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;

import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * JSON request and response bodies through Jackson, as Jira's REST module provides them to plugins. Strings, bytes
 * and streams are left to Jersey's own providers, so a resource that writes its JSON itself is not quoted again.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
final class JsonBodies implements MessageBodyReader<Object>, MessageBodyWriter<Object> {
    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
            // Jersey owns the stream and closes it after the response.
            .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
            .configure(com.fasterxml.jackson.core.JsonParser.Feature.AUTO_CLOSE_SOURCE, false);

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && handles(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        return mapper.readValue(entityStream, mapper.constructType(genericType));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && handles(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        mapper.writeValue(entityStream, value);
    }

    private static boolean isJson(MediaType mediaType) {
        return mediaType == null || mediaType.getSubtype().equals("json") || mediaType.getSubtype().endsWith("+json");
    }

    private static boolean handles(Class<?> type) {
        return !(CharSequence.class.isAssignableFrom(type) || type == byte[].class
                || InputStream.class.isAssignableFrom(type) || jakarta.ws.rs.core.StreamingOutput.class
                .isAssignableFrom(type));
    }
}
