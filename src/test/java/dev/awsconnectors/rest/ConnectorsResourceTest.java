package dev.awsconnectors.rest;

import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsconnectors.api.AwsConnectorService;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.PrincipalType;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class ConnectorsResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID DEVELOPERS = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID READ_ONLY = UUID.fromString("00000000-0000-0000-0000-000000000002");

    private final AwsConnectorService service = mock(AwsConnectorService.class);
    private final UserManager userManager = mock(UserManager.class);
    private final I18nResolver i18n = mock(I18nResolver.class);
    private final ConnectorsResource resource = new ConnectorsResource(service, userManager, i18n);

    @BeforeEach
    void setUp() {
        when(i18n.getText(anyString())).thenAnswer(call -> "text of " + call.getArgument(0));
    }

    @Test
    void listsTheConnectorsTheCallerMayUseWithTheDocumentedFields() throws Exception {
        when(userManager.getRemoteUserKey()).thenReturn(new UserKey("key-alice"));
        when(service.getUsableConnectors()).thenReturn(List.of(
                ConnectorSummary.builder(DEVELOPERS, "Developers", PrincipalType.FEDERATED_USER)
                        .description("Sandbox access").maxDuration(Duration.ofHours(1))
                        .consoleSignInAvailable(true).build(),
                ConnectorSummary.builder(READ_ONLY, "Read only", PrincipalType.IAM_USER).mfaRequired(true).build()));

        Response response = resource.usableConnectors();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).isTrue();
        JsonNode body = JSON.readTree((String) response.getEntity());
        assertThat(body.isArray()).isTrue();
        assertThat(body).hasSize(2);
        JsonNode first = body.get(0);
        assertThat(first.get("id").asText()).isEqualTo(DEVELOPERS.toString());
        assertThat(first.get("name").asText()).isEqualTo("Developers");
        assertThat(first.get("description").asText()).isEqualTo("Sandbox access");
        assertThat(first.get("principalType").asText()).isEqualTo("FEDERATED_USER");
        assertThat(first.get("maxDurationSeconds").asLong()).isEqualTo(3600);
        assertThat(first.get("consoleSignIn").asBoolean()).isTrue();
        assertThat(first.get("mfaRequired").asBoolean()).isFalse();
        JsonNode second = body.get(1);
        assertThat(second.get("principalType").asText()).isEqualTo("IAM_USER");
        assertThat(second.get("maxDurationSeconds").isNull()).isTrue();
        assertThat(second.get("description").asText()).isEmpty();
        assertThat(second.get("consoleSignIn").asBoolean()).isFalse();
        assertThat(second.get("mfaRequired").asBoolean()).isTrue();
        assertThat(iteratorToList(first)).containsExactly("id", "name", "description", "principalType",
                "maxDurationSeconds", "consoleSignIn", "mfaRequired");
    }

    @Test
    void answersAnEmptyArrayWhenNoConnectorIsUsable() throws Exception {
        when(userManager.getRemoteUserKey()).thenReturn(new UserKey("key-bob"));
        when(service.getUsableConnectors()).thenReturn(List.of());

        Response response = resource.usableConnectors();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(JSON.readTree((String) response.getEntity()).toString()).isEqualTo("[]");
    }

    @Test
    void answers401WithAJsonErrorWhenNoUserIsLoggedIn() throws Exception {
        Response response = resource.usableConnectors();

        assertThat(response.getStatus()).isEqualTo(401);
        JsonNode body = JSON.readTree((String) response.getEntity());
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("message").asText()).isEqualTo("text of awsc.rest.error.notLoggedIn");
        verifyNoInteractions(service);
    }

    @Test
    void answersAFailureWithAGeneric500AndNoDetail() throws Exception {
        when(userManager.getRemoteUserKey()).thenReturn(new UserKey("key-alice"));
        when(service.getUsableConnectors()).thenThrow(new IllegalStateException("jdbc:postgresql://db/secret"));

        Response response = resource.usableConnectors();

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat((String) response.getEntity()).contains("awsc.rest.error.internal").doesNotContain("jdbc");
    }

    @Test
    void isMountedAtConnectorsForLicensedUsersOnly() throws Exception {
        assertThat(ConnectorsResource.class.getAnnotation(Path.class).value()).isEqualTo("/connectors");
        assertThat(ConnectorsResource.class.isAnnotationPresent(LicensedOnly.class)).isTrue();
        Method get = ConnectorsResource.class.getMethod("usableConnectors");
        assertThat(get.isAnnotationPresent(GET.class)).isTrue();
        assertThat(get.getAnnotation(Produces.class).value()).containsExactly(MediaType.APPLICATION_JSON);
        assertThat(ConnectorsResource.class.getConstructors()).hasSize(1);
        assertThat(ConnectorsResource.class.getConstructors()[0].isAnnotationPresent(Inject.class)).isTrue();
    }

    private static List<String> iteratorToList(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
