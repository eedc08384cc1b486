package dev.awsconnectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class JsonResponsesTest {
    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @Test
    void anErrorHasTheApisShapeAndNamesAFieldOnlyWhenOneIsAtFault() {
        assertThat(JsonResponses.error(400, "Enter a name.", "name").toString())
                .isEqualTo("{\"status\":400,\"message\":\"Enter a name.\",\"field\":\"name\"}");
        assertThat(JsonResponses.error(502, "AWS refused.", null).toString())
                .isEqualTo("{\"status\":502,\"message\":\"AWS refused.\"}");
    }

    @Test
    void aCreatedObjectIsAnswered201WithItsLocationBelowTheRequestedCollection() throws Exception {
        UriInfo request = mock(UriInfo.class);
        when(request.getAbsolutePathBuilder()).thenAnswer(call -> UriBuilder.fromUri(
                "http://jira.example/rest/aws-connectors/1.0/admin/accounts"));

        Response response = JsonResponses.created(request, ID, JsonResponses.error(201, "made", null));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation()).isEqualTo(URI.create(
                "http://jira.example/rest/aws-connectors/1.0/admin/accounts/" + ID));
        assertThat(JsonResponses.JSON.readTree((String) response.getEntity()).get("message").asText())
                .isEqualTo("made");
    }

    @Test
    void aCreatedObjectIsAnsweredWithoutALocationWhereTheRequestIsNotKnown() {
        Response response = JsonResponses.created(null, ID, JsonResponses.object());

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation()).isNull();
    }

    @Test
    void anArrayHoldsEachItemAsWrittenInTheOrderGiven() throws Exception {
        JsonNode array = JsonResponses.array(List.of("b", "a"), name -> JsonResponses.object().put("name", name));

        assertThat(array.toString()).isEqualTo("[{\"name\":\"b\"},{\"name\":\"a\"}]");
    }

    @Test
    void noAnswerMayBeStoredByACache() {
        for (Response response : List.of(JsonResponses.ok(JsonResponses.object()), JsonResponses.noContent(),
                JsonResponses.created(null, ID, JsonResponses.object()))) {
            assertThat(response.getHeaderString("Cache-Control")).contains("no-store");
        }
    }
}
