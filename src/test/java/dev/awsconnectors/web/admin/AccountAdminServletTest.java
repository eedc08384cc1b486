package dev.awsconnectors.web.admin;

import dev.awsconnectors.oidc.IdentityTokens;
import com.atlassian.audit.api.AuditService;
import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.ChangedValue;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.admintasks.AccessKeyRotation;
import dev.awsconnectors.admintasks.AccountChecks;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConnectorRepository;
import dev.awsconnectors.testhost.sal.StrictI18nResolver;
import dev.awsconnectors.testhost.sal.UnescapedTemplateRenderer;
import dev.awsconnectors.validation.ConfigurationValidator;
import dev.awsconnectors.web.PageServices;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The account form's rules: XSRF, permissions, validation shown beside the fields, audit without secrets. */
class AccountAdminServletTest {
    private static final UserKey ADMIN = new UserKey("key-admin");
    private static final UserKey BOB = new UserKey("key-bob");
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private final UserManager userManager = mock(UserManager.class);
    private final WebSudoManager webSudoManager = mock(WebSudoManager.class);
    private final XsrfTokenValidator xsrf = mock(XsrfTokenValidator.class);
    private final AuditService auditService = mock(AuditService.class);
    private final AccountRepository accounts = mock(AccountRepository.class);
    private final ConnectorRepository connectors = mock(ConnectorRepository.class);
    private final AccountChecks checks = mock(AccountChecks.class);
    private final AccessKeyRotation keyRotation = mock(AccessKeyRotation.class);
    private final AwsClients clients = mock(AwsClients.class);
    private final IdentityTokens tokens = mock(IdentityTokens.class);
    private final ConfigurationValidator validator = new ConfigurationValidator();
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final StringWriter body = new StringWriter();
    private final Map<String, String> parameters = new HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        loggedInAs(ADMIN);
        when(userManager.isAdmin(ADMIN)).thenReturn(true);
        when(webSudoManager.canExecuteRequest(request)).thenReturn(true);
        when(xsrf.validateFormEncodedToken(request)).thenReturn(true);
        when(xsrf.getXsrfParameterName()).thenReturn("atl_token");
        when(response.getWriter()).thenReturn(new PrintWriter(body));
        when(request.getContextPath()).thenReturn("/jira");
        when(request.getParameter(any())).thenAnswer(call -> parameters.get(call.<String>getArgument(0)));
        // The repository validates as the real one does, then stores.
        when(accounts.create(any(), any(), any())).thenAnswer(call -> {
            Account account = call.getArgument(0);
            Optional<String> secret = call.getArgument(1);
            validator.requireValid(account, secret, true);
            Account stored = account.toBuilder().version(1).build();
            call.<java.util.function.Consumer<Account>>getArgument(2).accept(stored);
            return stored;
        });
        parameters.put("action", "save");
        parameters.put("name", "Sandbox <account>");
        parameters.put("description", "For the sandbox");
        parameters.put("type", "ACCESS_KEY");
        parameters.put("accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        parameters.put("secretAccessKey", SECRET);
        parameters.put("partition", "aws");
        parameters.put("region", "eu-west-1");
    }

    private void loggedInAs(UserKey key) {
        UserProfile profile = mock(UserProfile.class);
        when(profile.getUserKey()).thenReturn(key);
        when(profile.getUsername()).thenReturn(key == ADMIN ? "admin" : "bob");
        when(userManager.getRemoteUser(request)).thenReturn(profile);
        when(userManager.getRemoteUser()).thenReturn(profile);
    }

    private AccountAdminServlet servlet() {
        return new AccountAdminServlet(new PageServices(userManager, mock(LoginUriProvider.class),
                new UnescapedTemplateRenderer(), new StrictI18nResolver(), xsrf, mock(XsrfTokenAccessor.class),
                pageBuilder()), webSudoManager, auditService, accounts, connectors, validator, checks, keyRotation, clients,
                tokens);
    }

    @Test
    void aPostWithoutTheXsrfTokenIsRefusedWithAPageSayingSoAndWritesNothing() throws Exception {
        when(xsrf.validateFormEncodedToken(request)).thenReturn(false);

        servlet().doPost(request, response);

        verify(response).setStatus(403);
        assertThat(body.toString()).contains("The form has expired", "nothing was changed");
        verifyNoInteractions(accounts, auditService, checks, keyRotation);
    }

    @Test
    void aNonAdministratorIsRefusedBeforeTheTokenIsCheckedOrAnythingIsRead() throws Exception {
        loggedInAs(BOB);

        servlet().doPost(request, response);

        verify(response).setStatus(403);
        assertThat(body.toString()).contains("You need to be a Jira administrator");
        verify(xsrf, never()).validateFormEncodedToken(any());
        verifyNoInteractions(webSudoManager, accounts, connectors, auditService, checks, keyRotation);
    }

    @Test
    void aSigningKeyRotationWithoutThePagesTokenOrByANonAdministratorRotatesAndAuditsNothing() throws Exception {
        parameters.put("action", "rotateSigningKey");
        parameters.put("confirm", "yes");
        parameters.put("id", UUID.randomUUID().toString());
        when(xsrf.validateFormEncodedToken(request)).thenReturn(false);

        servlet().doPost(request, response);
        loggedInAs(BOB);
        servlet().doPost(request, response);

        verify(response, times(2)).setStatus(403);
        assertThat(body.toString()).contains("The form has expired", "You need to be a Jira administrator");
        verifyNoInteractions(tokens, accounts, auditService);
    }

    @Test
    void aSigningKeyRotationPostedWithoutConfirmationAsksWhatItDoesForEveryKeylessAccountAndRotatesNothing()
            throws Exception {
        Account keyless = Account.builder().name("Keyless").type(AccountType.WEB_IDENTITY).partition(Partition.AWS)
                .region("eu-west-1").version(2).build();
        when(accounts.get(keyless.id())).thenReturn(Optional.of(keyless));
        when(tokens.publicationLead()).thenReturn(Duration.ofHours(1));
        parameters.put("action", "rotateSigningKey");
        parameters.put("id", keyless.id().toString());

        servlet().doPost(request, response);

        verify(response).setStatus(200);
        assertThat(body.toString()).contains("id=\"awsc-confirm-form\"",
                "name=\"action\" value=\"rotateSigningKey\"", "name=\"confirm\" value=\"yes\"",
                "Rotate the signing key?", "in 60 minutes, for every keyless account");
        verify(tokens, never()).publishNextKey();
        verifyNoInteractions(auditService);
    }

    @Test
    void aRefusedSaveShowsEachMessageBesideItsFieldKeepsTheInputButNotTheSecretWithStatus400() throws Exception {
        parameters.put("region", "Europe");

        servlet().doPost(request, response);

        verify(response).setStatus(400);
        String html = body.toString();
        assertThat(html).containsPattern("id=\"region\" name=\"region\" value=\"Europe\"")
                .contains("<div class=\"error\" id=\"region-error\">Europe is not an AWS region code like us-east-1.")
                .contains("Nothing was saved.")
                // Escaped by the template itself: this test's renderer escapes nothing.
                .contains("value=\"Sandbox &lt;account&gt;\"", "value=\"AKIAIOSFODNN7EXAMPLE\"")
                .doesNotContain(SECRET);
        verifyNoInteractions(auditService);
    }

    @Test
    void anUnreadableUrlIsReportedBesideItsFieldTogetherWithTheValidatorsFindings() throws Exception {
        parameters.put("endpointOverride", "http://exa mple");
        parameters.put("name", "");

        servlet().doPost(request, response);

        verify(response).setStatus(400);
        assertThat(body.toString()).contains("id=\"endpointOverride-error\">This is not a URL",
                "id=\"name-error\">Enter a name.");
        verify(accounts, never()).create(any(), any(), any());
        verifyNoInteractions(auditService);
    }

    @Test
    void aCreatedAccountIsAuditedWithItsFieldsAndTheSecretOnlyAsChanged() throws Exception {
        servlet().doPost(request, response);

        verify(response).setStatus(303);
        ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
        verify(auditService).audit(event.capture());
        AuditEvent audited = event.getValue();
        assertThat(audited.getActionI18nKey()).isEqualTo("awsc.audit.account.created");
        assertThat(audited.getAffectedObjects()).singleElement()
                .satisfies(resource -> {
                    assertThat(resource.getName()).isEqualTo("Sandbox <account>");
                    assertThat(resource.getType()).isEqualTo("AWS account");
                    assertThat(resource.getId()).isNotBlank();
                });
        assertThat(audited.getChangedValues()).extracting(ChangedValue::getI18nKey)
                .contains("awsc.audit.field.name", "awsc.audit.field.region", "awsc.audit.field.secretAccessKey");
        assertThat(audited.getChangedValues()).filteredOn(v -> v.getI18nKey().equals("awsc.audit.field.secretAccessKey"))
                .singleElement().satisfies(v -> {
                    assertThat(v.getFrom()).isNull();
                    assertThat(v.getTo()).isEqualTo("changed");
                });
        assertThat(audited.toString()).doesNotContain(SECRET).doesNotContain("AKIAIOSFODNN7EXAMPLE");
        assertThat(audited.getExtraAttributes()).anySatisfy(attribute -> assertThat(attribute.getValue())
                .isEqualTo("admin"));
    }

    @Test
    void theEditFormNeverShowsTheStoredSecretAndCarriesTheVersionItWasOpenedAt() throws Exception {
        Account stored = Account.builder().name("Sandbox").type(AccountType.ACCESS_KEY)
                .accessKeyId("AKIAIOSFODNN7EXAMPLE").partition(Partition.AWS).region("eu-west-1").version(7).build();
        when(accounts.get(stored.id())).thenReturn(Optional.of(stored));
        when(connectors.namesUsingAccount(stored.id())).thenReturn(List.of("Developers"));
        parameters.put("id", stored.id().toString());

        servlet().doGet(request, response);

        verify(response).setStatus(200);
        assertThat(body.toString()).contains("name=\"version\" value=\"7\"",
                "type=\"password\" id=\"secretAccessKey\" name=\"secretAccessKey\" value=\"\"",
                "Leave this empty to keep it", "Used by: Developers", "name=\"atl_token\"");
    }

    @Test
    void deletingAnAccountInUseNamesItsConnectorsAndAuditsNothing() throws Exception {
        Account stored = Account.builder().name("Sandbox").type(AccountType.HOST_ROLE)
                .partition(Partition.AWS).region("eu-west-1").version(1).build();
        when(accounts.get(stored.id())).thenReturn(Optional.of(stored));
        org.mockito.Mockito.doThrow(inUse("Sandbox", List.of("Developers", "Nightly")))
                .when(accounts).delete(stored.id());
        parameters.put("action", "delete");
        parameters.put("id", stored.id().toString());
        parameters.put("confirm", "yes");

        servlet().doPost(request, response);

        verify(response).setStatus(409);
        assertThat(body.toString()).contains("is used by these connectors: Developers, Nightly");
        verifyNoInteractions(auditService, clients);
    }

    @Test
    void deletingAnAccountDropsTheAwsClientsThatHoldItsKey() throws Exception {
        Account stored = Account.builder().name("Sandbox").type(AccountType.ACCESS_KEY)
                .accessKeyId("AKIAIOSFODNN7EXAMPLE").partition(Partition.AWS).region("eu-west-1").version(1).build();
        when(accounts.get(stored.id())).thenReturn(Optional.of(stored));
        parameters.put("action", "delete");
        parameters.put("id", stored.id().toString());
        parameters.put("confirm", "yes");

        servlet().doPost(request, response);

        verify(accounts).delete(stored.id());
        verify(clients).evict(stored.id());
    }

    @Test
    void aDeleteOrRotationPostedWithoutConfirmationShowsAConfirmationPageAndChangesNothing() throws Exception {
        Account stored = Account.builder().name("Sandbox").type(AccountType.ACCESS_KEY)
                .accessKeyId("AKIAIOSFODNN7EXAMPLE").partition(Partition.AWS).region("eu-west-1").version(3).build();
        when(accounts.get(stored.id())).thenReturn(Optional.of(stored));
        parameters.put("id", stored.id().toString());
        parameters.put("version", "3");

        for (String action : List.of("delete", "rotate", "cleanUpRotation")) {
            body.getBuffer().setLength(0);
            parameters.put("action", action);

            servlet().doPost(request, response);

            assertThat(body.toString()).as(action).contains("id=\"awsc-confirm-form\"",
                    "name=\"action\" value=\"" + action + "\"", "name=\"confirm\" value=\"yes\"",
                    "name=\"version\" value=\"3\"", "name=\"atl_token\"", "Sandbox", "AKIA************MPLE")
                    .doesNotContain("AKIAIOSFODNN7EXAMPLE");
        }
        assertThat(body.toString()).contains("Clean up the interrupted key rotation of account &#39;Sandbox&#39;?");
        verify(accounts, never()).delete(any());
        verify(keyRotation, never()).rotateAccessKey(any(), org.mockito.ArgumentMatchers.anyLong());
        verify(keyRotation, never()).cleanUpRotation(any());
        verifyNoInteractions(auditService);
    }

    @Test
    void aRotationRefusedBecauseAnotherIsUnderWayIsA409SayingSoAndAuditsNothing() throws Exception {
        Account stored = Account.builder().name("Sandbox").type(AccountType.ACCESS_KEY)
                .accessKeyId("AKIAIOSFODNN7EXAMPLE").partition(Partition.AWS).region("eu-west-1").version(3).build();
        when(accounts.get(stored.id())).thenReturn(Optional.of(stored));
        when(keyRotation.rotateAccessKey(stored.id(), 3)).thenThrow(new dev.awsconnectors.persistence
                .RotationUnderWayException("Sandbox", java.time.Instant.parse("2026-01-01T10:00:00Z"), false));
        parameters.put("action", "rotate");
        parameters.put("id", stored.id().toString());
        parameters.put("version", "3");
        parameters.put("confirm", "yes");

        servlet().doPost(request, response);

        verify(response).setStatus(409);
        assertThat(body.toString()).contains("Another rotation of the access key of account &#39;Sandbox&#39; is under way",
                "Nothing was changed");
        verifyNoInteractions(auditService);
    }

    @Test
    void aRotationOfAVersionChangedMeanwhileIsA409SayingSomeoneElseChangedItAndAuditsNothing() throws Exception {
        Account stored = Account.builder().name("Sandbox").type(AccountType.ACCESS_KEY)
                .accessKeyId("AKIAIOSFODNN7EXAMPLE").partition(Partition.AWS).region("eu-west-1").version(3).build();
        when(accounts.get(stored.id())).thenReturn(Optional.of(stored));
        when(keyRotation.rotateAccessKey(stored.id(), 3)).thenThrow(
                new dev.awsconnectors.persistence.ConcurrentEditException("account", "Sandbox"));
        parameters.put("action", "rotate");
        parameters.put("id", stored.id().toString());
        parameters.put("version", "3");
        parameters.put("confirm", "yes");

        servlet().doPost(request, response);

        verify(response).setStatus(409);
        assertThat(body.toString()).contains("&#39;Sandbox&#39; was changed by someone else since you opened it",
                "nothing was saved");
        verifyNoInteractions(auditService);
    }

    /** AccountInUseException's constructor is the repository's; build one as it does. */
    private static RuntimeException inUse(String account, List<String> connectors) throws Exception {
        var constructor = dev.awsconnectors.persistence.AccountInUseException.class
                .getDeclaredConstructor(String.class, List.class);
        constructor.setAccessible(true);
        return constructor.newInstance(account, connectors);
    }


    /** Jira's page builder, which these tests do not look at: the demo host's tests check the required resources. */
    private static PageBuilderService pageBuilder() {
        return org.mockito.Mockito.mock(PageBuilderService.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
    }
}
