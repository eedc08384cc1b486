package dev.awsconnectors.rest;

import com.atlassian.plugins.rest.api.security.annotation.AdminOnly;
import com.atlassian.plugins.rest.api.security.annotation.LicensedOnly;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsconnectors.admintasks.ConnectorTester;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConnectorAccessDeniedException;
import dev.awsconnectors.api.ConnectorNotFoundException;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.broker.CredentialsBroker;
import dev.awsconnectors.validation.ConfigurationException;
import dev.awsconnectors.validation.Violation;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.Serializable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class ConnectorsResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID DEVELOPERS = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID READ_ONLY = UUID.fromString("00000000-0000-0000-0000-000000000002");

    private final CredentialsBroker service = mock(CredentialsBroker.class);
    private final UserManager userManager = mock(UserManager.class);
    private final I18nResolver i18n = mock(I18nResolver.class);
    private final ConnectorTester tester = mock(ConnectorTester.class);
    private final ConnectorsResource resource = new ConnectorsResource(service, tester, userManager, i18n);
    private final RestExceptionMapper errors = new RestExceptionMapper(i18n);

    @BeforeEach
    void setUp() {
        when(i18n.getText(anyString())).thenAnswer(call -> "text of " + call.getArgument(0));
        when(i18n.getText(anyString(), any(Serializable[].class)))
                .thenAnswer(call -> "text of " + call.getArgument(0));
    }

    @Test
    void listsTheConnectorsTheCallerMayUseWithTheDocumentedFields() throws Exception {
        when(userManager.getRemoteUserKey()).thenReturn(new UserKey("key-alice"));
        when(service.usableConnectors()).thenReturn(List.of(
                ConnectorSummary.builder(DEVELOPERS, "Developers", PrincipalType.FEDERATED_USER)
                        .description("Sandbox access").maxDuration(Duration.ofHours(1))
                        .consoleSignInAvailable(true).build(),
                ConnectorSummary.builder(READ_ONLY, "Read only", PrincipalType.IAM_USER).mfaRequired(true).build()));

        Response response = resource.usableConnectors(null, null, null);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).isTrue();
        JsonNode page = JSON.readTree((String) response.getEntity());
        assertThat(iteratorToList(page)).containsExactly("startAt", "maxResults", "total", "isLast", "values");
        assertThat(page.get("startAt").asInt()).isZero();
        assertThat(page.get("maxResults").asInt()).isEqualTo(50);
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("isLast").asBoolean()).isTrue();
        JsonNode body = page.get("values");
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
    void answersAnEmptyLastPageWhenNoConnectorIsUsable() throws Exception {
        when(userManager.getRemoteUserKey()).thenReturn(new UserKey("key-bob"));
        when(service.usableConnectors()).thenReturn(List.of());

        Response response = resource.usableConnectors(null, null, null);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(JSON.readTree((String) response.getEntity()).toString())
                .isEqualTo("{\"startAt\":0,\"maxResults\":50,\"total\":0,\"isLast\":true,\"values\":[]}");
    }

    @Test
    void refusesAStartAtThatIsNotAWholeNumberWith400NamingItBeforeListingAnything() throws Exception {
        when(userManager.getRemoteUserKey()).thenReturn(new UserKey("key-alice"));

        Response response = errors.toResponse(catchThrowable(() -> resource.usableConnectors("-1", null, null)));

        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode body = JSON.readTree((String) response.getEntity());
        assertThat(body.get("field").asText()).isEqualTo("startAt");
        assertThat(body.get("message").asText()).startsWith("text of awsc.rest.error.paging");
        verifyNoInteractions(service);
    }

    @Test
    void answers401WithAJsonErrorWhenNoUserIsLoggedIn() throws Exception {
        Response response = errors.toResponse(catchThrowable(() -> resource.usableConnectors(null, null, null)));

        assertThat(response.getStatus()).isEqualTo(401);
        JsonNode body = JSON.readTree((String) response.getEntity());
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("message").asText()).isEqualTo("text of awsc.rest.error.notLoggedIn");
        verifyNoInteractions(service);
    }

    @Test
    void answersAFailureWithAGeneric500AndNoDetail() throws Exception {
        when(userManager.getRemoteUserKey()).thenReturn(new UserKey("key-alice"));
        when(service.usableConnectors()).thenThrow(new IllegalStateException("jdbc:postgresql://db/secret"));

        Response response = errors.toResponse(catchThrowable(() -> resource.usableConnectors(null, null, null)));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat((String) response.getEntity()).contains("awsc.rest.error.internal").doesNotContain("jdbc");
    }

    @Test
    void isMountedAtConnectorsForLicensedUsersOnly() throws Exception {
        assertThat(ConnectorsResource.class.getAnnotation(Path.class).value()).isEqualTo("/connectors");
        assertThat(ConnectorsResource.class.isAnnotationPresent(LicensedOnly.class)).isTrue();
        Method get = ConnectorsResource.class.getMethod("usableConnectors", String.class, String.class, String.class);
        assertThat(get.isAnnotationPresent(GET.class)).isTrue();
        assertThat(get.getAnnotation(Produces.class).value()).containsExactly(MediaType.APPLICATION_JSON);
        assertThat(ConnectorsResource.class.getConstructors()).hasSize(1);
        assertThat(ConnectorsResource.class.getConstructors()[0].isAnnotationPresent(Inject.class)).isTrue();
    }

    @Test
    void everyResourceClassAndMethodCarriesItsRestV2SecurityAnnotation() {
        for (Class<?> type : List.of(ConnectorsResource.class, AdminCollectionResource.class,
                AdminAccountsResource.class, AdminConnectorsResource.class)) {
            Class<? extends java.lang.annotation.Annotation> rule = type == ConnectorsResource.class
                    ? LicensedOnly.class : AdminOnly.class;
            assertThat(type.isAnnotationPresent(rule)).as(type.getSimpleName()).isTrue();
            for (Method method : type.getDeclaredMethods()) {
                boolean endpoint = method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class)
                        || method.isAnnotationPresent(PUT.class) || method.isAnnotationPresent(DELETE.class);
                if (endpoint) {
                    assertThat(method.isAnnotationPresent(rule)).as(type.getSimpleName() + "." + method.getName())
                            .isTrue();
                }
            }
        }
        assertThat(RestExceptionMapper.class.isAnnotationPresent(Provider.class)).isTrue();
    }

    @Test
    void theErrorMapperAnswersEachKindOfFailureWithItsStatusAndTheFieldAtFault() throws Exception {
        JsonNode invalid = body(errors.toResponse(new InvalidCredentialsRequestException("mfaCode", "six digits")));
        assertThat(invalid.get("status").asInt()).isEqualTo(400);
        assertThat(invalid.get("field").asText()).isEqualTo("mfaCode");
        assertThat(invalid.get("message").asText()).isEqualTo("six digits");

        JsonNode aws = body(errors.toResponse(new AwsRequestFailedException("AWS refused", "AccessDenied", "r-1")));
        assertThat(aws.get("status").asInt()).isEqualTo(502);
        assertThat(aws.get("awsErrorCode").asText()).isEqualTo("AccessDenied");

        JsonNode denied = body(errors.toResponse(new ConnectorAccessDeniedException(
                ConnectorAccessDeniedException.Reason.NOT_IN_CONNECTOR_GROUPS)));
        assertThat(denied.get("status").asInt()).isEqualTo(403);
        assertThat(body(errors.toResponse(new ConnectorAccessDeniedException(
                ConnectorAccessDeniedException.Reason.NOT_LOGGED_IN))).get("status").asInt()).isEqualTo(401);
        assertThat(body(errors.toResponse(new ConnectorNotFoundException(DEVELOPERS))).get("status").asInt())
                .isEqualTo(404);

        ConfigurationException configuration = new ConfigurationException(List.of(
                new Violation("region", "awsc.validation.region.required", List.of(), "Enter a region."),
                new Violation("name", "awsc.validation.name.required", List.of(), "Enter a name.")));
        JsonNode violations = body(errors.toResponse(configuration));
        assertThat(violations.get("status").asInt()).isEqualTo(400);
        assertThat(violations.get("field").asText()).isEqualTo("region");
        assertThat(violations.get("violations")).hasSize(2);
        assertThat(violations.get("violations").get(1).get("field").asText()).isEqualTo("name");

        JsonNode notFound = body(errors.toResponse(new jakarta.ws.rs.NotFoundException()));
        assertThat(notFound.get("status").asInt()).isEqualTo(404);

        JsonNode xsrf = body(errors.toResponse(new jakarta.ws.rs.WebApplicationException(
                Response.status(403).entity("XSRF check failed").build())));
        assertThat(xsrf.get("status").asInt()).as("Jira's refusal keeps its status").isEqualTo(403);
        assertThat(xsrf.get("message").asText()).as("in Jira's words").isEqualTo("XSRF check failed");
        JsonNode wordless = body(errors.toResponse(new jakarta.ws.rs.ForbiddenException()));
        assertThat(wordless.get("message").asText()).isEqualTo("text of awsc.rest.error.refusedByJira");

        JsonNode charset = body(errors.toResponse(new java.nio.charset.UnsupportedCharsetException("bogus")));
        assertThat(charset.get("status").asInt()).as("a charset the caller made up is theirs to fix").isEqualTo(415);
        JsonNode wrapped = body(errors.toResponse(new IllegalStateException(
                new java.nio.charset.IllegalCharsetNameException("b@d"))));
        assertThat(wrapped.get("status").asInt()).isEqualTo(415);
    }

    @Test
    void aFailedCallerIdentityCheckTellsAUserWhatToDoAndAnAdministratorTheDetails() throws Exception {
        UserKey alice = new UserKey("key-alice");
        UserKey admin = new UserKey("key-admin");
        when(userManager.isAdmin(admin)).thenReturn(true);
        when(tester.test(any(), any(), any())).thenThrow(dev.awsconnectors.sts.AwsFailures.unreadable(
                dev.awsconnectors.i18n.Text.of("awsc.aws.admin.noCallerIdentity", "sts.example")));

        when(userManager.getRemoteUserKey()).thenReturn(alice);
        JsonNode user = body(errors.toResponse(catchThrowable(() -> resource.callerIdentity(
                DEVELOPERS.toString(), null))));
        when(userManager.getRemoteUserKey()).thenReturn(admin);
        JsonNode administrator = body(errors.toResponse(catchThrowable(() -> resource.callerIdentity(
                DEVELOPERS.toString(), null))));

        assertThat(user.get("status").asInt()).isEqualTo(502);
        // Each in the caller's language: the user's text, and the administrator's.
        assertThat(user.get("message").asText()).isEqualTo("text of awsc.aws.user.unreadable");
        assertThat(administrator.get("message").asText()).isEqualTo("text of awsc.aws.admin.noCallerIdentity");
    }

    private static JsonNode body(Response response) throws Exception {
        assertThat(response.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).isTrue();
        return JSON.readTree((String) response.getEntity());
    }

    private static List<String> iteratorToList(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
