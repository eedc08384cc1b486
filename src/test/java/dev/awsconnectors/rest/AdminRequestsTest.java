package dev.awsconnectors.rest;

import com.atlassian.audit.entity.AuditAttribute;
import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.audit.AdminChangeAudit;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class AdminRequestsTest {
    private static final UserKey ADMIN = new UserKey("key-admin");
    private static final UserKey ALICE = new UserKey("key-alice");
    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private final UserManager users = mock(UserManager.class);
    private final I18nResolver i18n = mock(I18nResolver.class);
    private final AdminRequests requests = new AdminRequests(users, i18n);
    private final RestExceptionMapper errors = new RestExceptionMapper(i18n);
    private final List<AuditEvent> events = new ArrayList<>();
    private final AdminChangeAudit audit = AdminRequests.audit(events::add);

    @BeforeEach
    void setUp() {
        when(i18n.getText(anyString())).thenAnswer(call -> "text of " + call.getArgument(0));
        when(i18n.getText(anyString(), any(Serializable[].class)))
                .thenAnswer(call -> "text of " + call.getArgument(0));
        when(users.isAdmin(ADMIN)).thenReturn(true);
    }

    @Test
    void refusesACallerWhoIsNotLoggedInWith401() throws Exception {
        JsonNode error = error(() -> requests.read());

        assertThat(error.get("status").asInt()).isEqualTo(401);
        assertThat(error.get("message").asText()).isEqualTo("text of awsc.rest.error.notLoggedIn");
    }

    @Test
    void refusesAUserWhoIsNotAJiraAdministratorWith403EvenForAWriteTypedJson() throws Exception {
        when(users.getRemoteUserKey()).thenReturn(ALICE);

        assertThat(error(() -> requests.read()).get("status").asInt()).isEqualTo(403);
        assertThat(error(() -> requests.write(typed(MediaType.APPLICATION_JSON_TYPE))).get("message").asText())
                .isEqualTo("text of awsc.rest.error.adminsOnly");
    }

    @Test
    void letsASystemAdministratorIn() {
        when(users.getRemoteUserKey()).thenReturn(new UserKey("key-sysadmin"));
        when(users.isSystemAdmin(new UserKey("key-sysadmin"))).thenReturn(true);

        requests.read();
    }

    @Test
    void refusesAWriteWhoseBodyIsNotTypedJsonWith415() throws Exception {
        when(users.getRemoteUserKey()).thenReturn(ADMIN);

        for (HttpHeaders headers : List.of(typed(MediaType.TEXT_PLAIN_TYPE),
                typed(MediaType.APPLICATION_FORM_URLENCODED_TYPE), typed(null))) {
            JsonNode error = error(() -> requests.write(headers));
            assertThat(error.get("status").asInt()).isEqualTo(415);
            assertThat(error.get("message").asText()).isEqualTo("text of awsc.rest.error.unsupportedMediaType");
        }
    }

    @Test
    void takesAWriteTypedJsonInAnyCharset() {
        when(users.getRemoteUserKey()).thenReturn(ADMIN);

        requests.write(typed(MediaType.APPLICATION_JSON_TYPE.withCharset("ISO-8859-1")));
    }

    @Test
    void aWriteThatNeedsNoFieldsTakesNoBodyOrAnEmptyObjectAndRefusesAnyField() throws Exception {
        when(users.getRemoteUserKey()).thenReturn(ADMIN);
        HttpHeaders json = typed(MediaType.APPLICATION_JSON_TYPE);

        requests.writeWithoutFields(json, "");
        requests.writeWithoutFields(json, " {} ");
        JsonNode error = error(() -> requests.writeWithoutFields(json, "{\"version\": 3}"));

        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("field").asText()).isEqualTo("version");
    }

    @Test
    void aCreateOrReplaceNeedsABody() throws Exception {
        JsonNode error = error(() -> requests.body(" ", Set.of("name")));

        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("message").asText()).isEqualTo("text of awsc.rest.error.body.missing");
        assertThat(error.has("field")).isFalse();
    }

    @Test
    void aReplaceIsBasedOnTheVersionInItsBody() {
        RequestBody fields = requests.body("{\"id\": \"" + ID + "\", \"version\": 7}", Set.of("id", "version"));

        assertThat(requests.versionToReplace(fields, ID)).isEqualTo(7);
    }

    @Test
    void refusesAReplaceWithoutAVersionNamingTheField() throws Exception {
        RequestBody fields = requests.body("{\"name\": \"Prod\"}", Set.of("name", "version"));

        assertBadField(error(() -> requests.versionToReplace(fields, ID)), "version",
                "text of awsc.rest.error.field.required");
    }

    @Test
    void refusesAReplaceWhoseBodyNamesAnotherObjectsId() throws Exception {
        String otherId = "{\"id\": \"" + UUID.randomUUID() + "\", \"version\": 7}";

        assertBadField(error(() -> requests.versionToReplace(requests.body(otherId, Set.of("id", "version")), ID)),
                "id", "text of awsc.rest.error.idMismatch");
    }

    @Test
    void answersAPathIdThatIsNoUuidAsNotFoundWithTheGivenMessage() throws Exception {
        assertThat(requests.id(" " + ID + " ", "awsc.rest.error.accountNotFound")).isEqualTo(ID);

        JsonNode error = error(() -> requests.id("not-an-id", "awsc.rest.error.accountNotFound"));

        assertThat(error.get("status").asInt()).isEqualTo(404);
        assertThat(error.get("message").asText()).isEqualTo("text of awsc.rest.error.accountNotFound");
    }

    @Test
    void recordsAChangeWithTheStoredValueOnceItIsStoredAndNamesTheRestApiAsItsSource() {
        Account stored = account();

        Account saved = AdminRequests.audited(audit.accountChange(AdminChangeAudit.ACCOUNT_CREATED, null, null,
                false), prepare -> {
                    prepare.accept(stored);
                    assertThat(events).as("not sent before the store returns").isEmpty();
                    return stored;
                });

        assertThat(saved).isSameAs(stored);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getActionI18nKey()).isEqualTo(AdminChangeAudit.ACCOUNT_CREATED);
            assertThat(event.getExtraAttributes()).extracting(AuditAttribute::getValue).contains("REST API");
        });
    }

    @Test
    void recordsNothingWhenTheChangeIsNotStored() {
        assertThatThrownBy(() -> AdminRequests.audited(audit.accountChange(AdminChangeAudit.ACCOUNT_UPDATED, null,
                account(), false), prepare -> {
                    prepare.accept(account());
                    throw new IllegalStateException("the transaction rolled back");
                })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AdminRequests.auditedDelete(audit.accountChange(AdminChangeAudit.ACCOUNT_DELETED,
                null, account(), false), () -> {
                    throw new IllegalStateException("in use");
                })).isInstanceOf(IllegalStateException.class);

        assertThat(events).isEmpty();
    }

    @Test
    void recordsADeletionAfterItIsDone() {
        List<String> order = new ArrayList<>();
        AdminChangeAudit recording = AdminRequests.audit(event -> order.add(event.getActionI18nKey()));

        AdminRequests.auditedDelete(recording.accountChange(AdminChangeAudit.ACCOUNT_DELETED, null, account(),
                false), () -> order.add("deleted"));

        assertThat(order).containsExactly("deleted", AdminChangeAudit.ACCOUNT_DELETED);
    }

    private static Account account() {
        return Account.builder().id(ID).name("Prod").type(AccountType.ACCESS_KEY)
                .accessKeyId("AKIAIOSFODNN7EXAMPLE").partition(Partition.AWS).region("eu-west-1").version(1).build();
    }

    private static void assertBadField(JsonNode error, String field, String message) {
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("message").asText()).isEqualTo(message);
    }

    private static HttpHeaders typed(MediaType type) {
        HttpHeaders headers = mock(HttpHeaders.class);
        when(headers.getMediaType()).thenReturn(type);
        return headers;
    }

    private JsonNode error(Runnable call) throws Exception {
        Throwable failure = catchThrowable(call::run);
        assertThat(failure).as("refused").isInstanceOf(RestException.class);
        Response response = errors.toResponse(failure);
        JsonNode body = JsonResponses.JSON.readTree((String) response.getEntity());
        assertThat(body.get("status").asInt()).isEqualTo(response.getStatus());
        return body;
    }
}
