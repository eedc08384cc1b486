package dev.awsconnectors.web.admin;

import com.atlassian.activeobjects.external.ModelVersion;
import com.atlassian.audit.api.AuditService;
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
import dev.awsconnectors.admintasks.AccountChecks;
import dev.awsconnectors.admintasks.ConnectorTester;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.crypto.KeyFile;
import dev.awsconnectors.crypto.SecretCipher;
import dev.awsconnectors.persistence.AccessKeyGuards;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConnectorRepository;
import dev.awsconnectors.persistence.InitialSchema;
import dev.awsconnectors.persistence.ListRevisions;
import dev.awsconnectors.persistence.WebIdentityAccounts;
import dev.awsconnectors.testhost.ao.TestDatabase;
import dev.awsconnectors.testhost.ao.TestDatabases;
import dev.awsconnectors.testhost.sal.HostApplicationProperties;
import dev.awsconnectors.testhost.sal.StrictI18nResolver;
import dev.awsconnectors.testhost.sal.UnescapedTemplateRenderer;
import dev.awsconnectors.validation.ConfigurationValidator;
import dev.awsconnectors.web.PageServices;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The connector editor's form, on real storage (H2): a value in a field the chosen principal type does not take,
 * and a group Jira does not have, are refused beside their fields with nothing saved; Jira's groups are a multiple
 * choice; a group deleted from Jira stays on the connector, marked, and does not block other edits.
 */
class ConnectorEditorFormTest {
    private static final UserKey ADMIN = new UserKey("key-admin");
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String POLICY = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:List*\",\"Resource\":\"*\"}}";
    private static final String SERIAL = "arn:aws:iam::123456789012:mfa/jira-broker";

    @TempDir
    Path home;

    private TestDatabase database;
    private AccountRepository accounts;
    private ConnectorRepository connectors;
    private Account account;
    private final Set<String> jiraGroups = new HashSet<>(Set.of("aws-developers", "jira-administrators"));

    private final UserManager userManager = mock(UserManager.class);
    private final WebSudoManager webSudoManager = mock(WebSudoManager.class);
    private final XsrfTokenValidator xsrf = mock(XsrfTokenValidator.class);
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final StringWriter body = new StringWriter();
    private final Map<String, List<String>> parameters = new HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        database = TestDatabases.h2InMemory();
        var ao = database.activeObjects();
        new InitialSchema().upgrade(ModelVersion.valueOf("0"), ao);
        new AccessKeyGuards().upgrade(ModelVersion.valueOf("1"), ao);
        new ListRevisions().upgrade(ModelVersion.valueOf("2"), ao);
        new WebIdentityAccounts().upgrade(ModelVersion.valueOf("3"), ao);
        ConfigurationValidator validator = new ConfigurationValidator();
        accounts = new AccountRepository(ao, validator, new SecretCipher(new KeyFile(
                new HostApplicationProperties("http://localhost:2990/jira", home, home))));
        connectors = new ConnectorRepository(ao, validator, name -> jiraGroups.contains(name));
        account = accounts.create(Account.builder().name("Production").type(AccountType.ACCESS_KEY)
                .accessKeyId("AKIAIOSFODNN7EXAMPLE").partition(Partition.AWS).region("us-east-1").build(),
                Optional.of(SECRET));

        UserProfile profile = mock(UserProfile.class);
        when(profile.getUserKey()).thenReturn(ADMIN);
        when(profile.getUsername()).thenReturn("admin");
        when(userManager.getRemoteUser(request)).thenReturn(profile);
        when(userManager.getRemoteUser()).thenReturn(profile);
        when(userManager.isAdmin(ADMIN)).thenReturn(true);
        when(userManager.findGroupNamesByPrefix(any(), org.mockito.ArgumentMatchers.anyInt(),
                org.mockito.ArgumentMatchers.anyInt())).thenAnswer(call -> jiraGroups.stream().sorted().toList());
        when(webSudoManager.canExecuteRequest(request)).thenReturn(true);
        when(xsrf.validateFormEncodedToken(request)).thenReturn(true);
        when(xsrf.getXsrfParameterName()).thenReturn("atl_token");
        when(response.getWriter()).thenReturn(new PrintWriter(body));
        when(request.getContextPath()).thenReturn("/jira");
        when(request.getParameter(any())).thenAnswer(call -> {
            List<String> values = parameters.get(call.<String>getArgument(0));
            return values == null ? null : values.get(0);
        });
        when(request.getParameterValues(any())).thenAnswer(call -> {
            List<String> values = parameters.get(call.<String>getArgument(0));
            return values == null ? null : values.toArray(String[]::new);
        });
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    private ConnectorAdminServlet servlet() {
        return new ConnectorAdminServlet(new PageServices(userManager, mock(LoginUriProvider.class),
                new UnescapedTemplateRenderer(), new StrictI18nResolver(), xsrf, mock(XsrfTokenAccessor.class),
                mock(PageBuilderService.class, org.mockito.Mockito.RETURNS_DEEP_STUBS)), webSudoManager,
                mock(AuditService.class), accounts, connectors, new ConfigurationValidator(),
                mock(AccountChecks.class), mock(ConnectorTester.class), name -> jiraGroups.contains(name));
    }

    private void form(PrincipalType type, String... more) {
        parameters.clear();
        parameters.put("action", List.of("save"));
        parameters.put("name", List.of("Developers"));
        parameters.put("accountId", List.of(account.id().toString()));
        parameters.put("principalType", List.of(type.name()));
        for (int i = 0; i < more.length; i += 2) {
            parameters.computeIfAbsent(more[i], k -> new java.util.ArrayList<>()).add(more[i + 1]);
        }
    }

    private String post() throws Exception {
        body.getBuffer().setLength(0);
        servlet().doPost(request, response);
        return body.toString();
    }

    /** The text of the error beside a field, tags removed. */
    private static String errorBeside(String page, String field) {
        Matcher matcher = Pattern.compile("<div class=\"error\" id=\"" + field + "-error\">(.*?)</div>", Pattern.DOTALL)
                .matcher(page);
        assertThat(matcher.find()).as("an error beside %s in %s", field, page).isTrue();
        return matcher.group(1).replaceAll("<[^>]+>", "").strip();
    }

    @Test
    void anMfaDeviceTypedOnAFederatedUserConnectorIsRefusedBesideTheFieldAndNothingIsSaved() throws Exception {
        form(PrincipalType.FEDERATED_USER, "policy", POLICY, "mfaSerialNumber", SERIAL);

        String page = post();

        verify(response).setStatus(HttpServletResponse.SC_BAD_REQUEST);
        assertThat(errorBeside(page, "mfaSerialNumber"))
                .isEqualTo("Federated User connectors cannot ask for an MFA code; remove the MFA serial number.");
        assertThat(page).as("what was typed stays in the field").contains("value=\"" + SERIAL + "\"");
        assertThat(connectors.all()).isEmpty();
    }

    @Test
    void everyFieldAnIamUserDoesNotTakeIsRefusedBesideItsOwnField() throws Exception {
        form(PrincipalType.IAM_USER, "roleArn", "arn:aws:iam::123456789012:role/Dev", "externalId", "ext-42",
                "policy", POLICY, "policyArns", "arn:aws:iam::aws:policy/ReadOnlyAccess",
                "sourceIdentityAndTags", "true", "consoleDestination", "https://console.aws.amazon.com/s3/");

        String page = post();

        verify(response).setStatus(HttpServletResponse.SC_BAD_REQUEST);
        for (String field : List.of("roleArn", "externalId", "policy", "policyArns", "sourceIdentityAndTags",
                "consoleDestination")) {
            assertThat(errorBeside(page, field)).as(field).startsWith("IAM User connectors");
        }
        assertThat(connectors.all()).isEmpty();
    }

    @Test
    void blankFieldsTheTypeDoesNotTakeAreNoValueAndTheConnectorSaves() throws Exception {
        form(PrincipalType.IAM_USER, "roleArn", "  ", "externalId", "", "policy", "\n", "policyArns", " \n ",
                "consoleDestination", " ", "mfaSerialNumber", SERIAL);

        post();

        verify(response).setStatus(HttpServletResponse.SC_SEE_OTHER);
        assertThat(connectors.all()).singleElement().satisfies(c -> {
            assertThat(c.mfaSerialNumber()).contains(SERIAL);
            assertThat(c.roleArn()).isEmpty();
            assertThat(c.policy()).isEmpty();
        });
    }

    @Test
    void withoutJavaScriptEachTypedFieldSaysWhichTypesTakeIt() throws Exception {
        parameters.clear();
        body.getBuffer().setLength(0);
        servlet().doGet(request, response);
        String page = body.toString();

        assertThat(page).contains(
                "id=\"mfaSerialNumber-taken-by\">Only IAM User and IAM Role connectors take this.<",
                "id=\"roleArn-taken-by\">Only IAM Role connectors take this.<",
                "id=\"policy-taken-by\">Only Federated User and IAM Role connectors take this.<",
                "id=\"sourceIdentityAndTags-taken-by\">Only IAM Role connectors take this.<");
        assertThat(page).contains("data-awsc-types=\"IAM_USER IAM_ROLE\"");
    }

    @Test
    void groupsJiraDoesNotHaveAreRefusedBesideTheGroupsFieldNamingEachAndNothingIsSaved() throws Exception {
        form(PrincipalType.IAM_USER, "groups", "aws-developers", "groups", "aws-develpers", "groups", "ghosts");

        String page = post();

        verify(response).setStatus(HttpServletResponse.SC_BAD_REQUEST);
        assertThat(errorBeside(page, "groups")).isEqualTo("Jira has no groups named aws-develpers, ghosts. Check the "
                + "spelling, or create the group in Jira first.");
        assertThat(page).as("the choice is kept, the unknown ones marked").contains(
                "<option value=\"aws-develpers\" selected data-awsc-missing=\"true\">aws-develpers (not in Jira)<",
                "<option value=\"aws-developers\" selected>aws-developers<");
        assertThat(connectors.all()).isEmpty();
    }

    @Test
    void theGroupsAreAMultipleChoiceOfJirasGroupsWithTheConnectorsChosen() throws Exception {
        form(PrincipalType.IAM_USER, "groups", "aws-developers");
        post();
        Connector saved = connectors.all().get(0);
        assertThat(saved.groups()).containsExactly("aws-developers");

        parameters.clear();
        parameters.put("id", List.of(saved.id().toString()));
        body.getBuffer().setLength(0);
        servlet().doGet(request, response);
        String page = body.toString();

        assertThat(page).contains("<select class=\"multi-select long-field\" id=\"groups\" name=\"groups\" multiple",
                "<option value=\"aws-developers\" selected>aws-developers</option>",
                "<option value=\"jira-administrators\">jira-administrators</option>",
                "data-awsc-picker-url=\"/jira/rest/api/2/groups/picker\"");
        assertThat(page).as("no free-text field while every group is listed").doesNotContain("id=\"groupsOther\"");
    }

    @Test
    void aGroupDeletedFromJiraStaysOnTheConnectorMarkedAndOtherEditsStillSave() throws Exception {
        jiraGroups.add("old-team");
        form(PrincipalType.IAM_USER, "groups", "aws-developers", "groups", "old-team");
        post();
        Connector saved = connectors.all().get(0);
        jiraGroups.remove("old-team");

        parameters.clear();
        parameters.put("id", List.of(saved.id().toString()));
        body.getBuffer().setLength(0);
        servlet().doGet(request, response);
        assertThat(body.toString()).contains(
                "<option value=\"old-team\" selected data-awsc-missing=\"true\">old-team (no longer in Jira)</option>");

        form(PrincipalType.IAM_USER, "id", saved.id().toString(), "version", Long.toString(saved.version()),
                "groups", "aws-developers", "groups", "old-team");
        parameters.put("name", List.of("Developers (renamed)"));
        post();
        assertThat(connectors.get(saved.id()).orElseThrow()).satisfies(c -> {
            assertThat(c.name()).isEqualTo("Developers (renamed)");
            assertThat(c.groups()).containsExactly("aws-developers", "old-team");
        });

        form(PrincipalType.IAM_USER, "id", saved.id().toString(), "version", Long.toString(saved.version() + 1),
                "groups", "old-team", "groups", "new-team");
        String refused = post();
        assertThat(errorBeside(refused, "groups")).as("only a new unknown group is refused")
                .startsWith("Jira has no group named new-team.");
    }
}
