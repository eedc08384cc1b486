package dev.awsconnectors.audit;

import com.atlassian.audit.entity.AuditAttribute;
import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.AuditResource;
import com.atlassian.audit.entity.CoverageArea;
import com.atlassian.audit.entity.CoverageLevel;
import com.atlassian.sal.api.user.UserKey;
import dev.awsconnectors.access.AccessDecision;
import dev.awsconnectors.access.Caller;
import dev.awsconnectors.access.ConnectorAccess;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.AccountSecretUnavailableException;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConnectorAccessDeniedException;
import dev.awsconnectors.api.ConnectorNotFoundException;
import dev.awsconnectors.api.ConsoleSignIn;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.connectors.BoundConnector;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.testhost.sal.HostUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.Logger;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class CredentialsAuditTest {
    /** The exported service, called by another app. */
    private static final RequestOrigin APP = RequestOrigin.app("com.example.reports");

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "FwoGZXIvYXdzEBYaDSESSIONTOKENEXAMPLE";
    private static final String MFA_CODE = "493817";
    private static final Instant EXPIRY = Instant.parse("2030-01-01T12:00:00Z");

    private final List<AuditEvent> events = new ArrayList<>();
    private final Logger logger = mock(Logger.class);
    private final CredentialsAudit audit = new CredentialsAudit(events::add);
    private final HostUsers users = new HostUsers().add("admin", true, false).add("alice", false, false, "devs")
            .add("bob", false, false);
    private final ConnectorAccess access = new ConnectorAccess(users);

    private final Account account = Account.builder().name("Production").type(AccountType.ACCESS_KEY)
            .accessKeyId("AKIAIOSFODNN7EXAMPLE").partition(Partition.AWS).region("us-east-1").build();
    private final Connector connector = Connector.builder().name("Developers").accountId(account.id())
            .principalType(PrincipalType.FEDERATED_USER).policy("{}").groups(List.of("devs")).build();
    private final BoundConnector bound = new BoundConnector(connector, account);
    private final TemporaryCredentials credentials = new TemporaryCredentials("ASIAEXAMPLE0000001", SECRET, TOKEN,
            EXPIRY, "arn:aws:sts::123456789012:federated-user/alice");

    @BeforeEach
    void captureTheLog() {
        when(logger.isInfoEnabled()).thenReturn(true);
        audit.logTo(logger);
    }

    private static Caller user(String name) {
        return Caller.user(new UserKey("key-" + name), name);
    }

    private AccessDecision decide(Caller caller) {
        return users.runAs(caller.userName().orElse(null), () -> access.decide(caller, connector));
    }

    private static Map<String, String> attributes(AuditEvent event) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (AuditAttribute attribute : event.getExtraAttributes()) {
            attributes.put(attribute.getNameI18nKey(), attribute.getValue());
        }
        return attributes;
    }

    private List<String> logLines() {
        ArgumentCaptor<String> lines = ArgumentCaptor.forClass(String.class);
        verify(logger, org.mockito.Mockito.atLeast(0)).info(lines.capture());
        return lines.getAllValues();
    }

    private AuditEvent onlyEvent() {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private void assertNoSecretIn(String text) {
        assertThat(text).doesNotContain(SECRET, TOKEN, MFA_CODE, "X-Amz-Security-Token", "SigninToken");
    }

    private void assertNoSecretAnywhere() {
        for (AuditEvent event : events) {
            assertNoSecretIn(event.toString());
            for (AuditAttribute attribute : event.getExtraAttributes()) {
                assertNoSecretIn(String.valueOf(attribute.getValue()));
            }
        }
        for (String line : logLines()) {
            assertNoSecretIn(line);
        }
    }

    @Test
    void recordsIssuedCredentialsAsEndUserActivityWithTheConnectorAccountUserPrincipalAndExpiry() {
        Caller alice = user("alice");
        CredentialsAudit.Attempt attempt = audit.credentials(alice, connector.id(), APP);
        attempt.connector(bound);
        attempt.decision(decide(alice));
        attempt.duration(OptionalInt.of(3600));
        attempt.fromCache(false);

        assertThat(attempt.issued(credentials)).isSameAs(credentials);

        AuditEvent event = onlyEvent();
        assertThat(event.getCategoryI18nKey()).isEqualTo("awsc.audit.category");
        assertThat(event.getActionI18nKey()).isEqualTo("awsc.audit.credentials.issued");
        assertThat(event.getArea()).isEqualTo(CoverageArea.END_USER_ACTIVITY);
        assertThat(event.getLevel()).isEqualTo(CoverageLevel.BASE);
        assertThat(event.getAffectedObjects()).extracting(AuditResource::getType, AuditResource::getName,
                AuditResource::getId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("AWS connector", "Developers", connector.id().toString()),
                org.assertj.core.groups.Tuple.tuple("AWS account", "Production", account.id().toString()));
        assertThat(attributes(event)).containsExactly(
                Map.entry("awsc.audit.attribute.requestedBy", "alice"),
                Map.entry("awsc.audit.attribute.source", "API"),
                Map.entry("awsc.audit.attribute.callingApp", "com.example.reports"),
                Map.entry("awsc.audit.attribute.principalType", "FEDERATED_USER"),
                Map.entry("awsc.audit.attribute.access", "GROUP_MEMBER devs"),
                Map.entry("awsc.audit.attribute.principalArn", "arn:aws:sts::123456789012:federated-user/alice"),
                Map.entry("awsc.audit.attribute.accessKeyId", "ASIAEXAMPLE0000001"),
                Map.entry("awsc.audit.attribute.expiry", "2030-01-01T12:00:00Z"),
                Map.entry("awsc.audit.attribute.durationSeconds", "3600"),
                Map.entry("awsc.audit.attribute.fromCache", "false"));
        assertNoSecretAnywhere();
    }

    @Test
    void writesOneInfoLineNamingTheDecisionWithoutSecrets() {
        Caller alice = user("alice");
        CredentialsAudit.Attempt attempt = audit.credentials(alice, connector.id(), APP);
        attempt.connector(bound);
        attempt.decision(decide(alice));
        attempt.fromCache(true);
        attempt.issued(credentials);

        verify(logger, times(1)).info(org.mockito.ArgumentMatchers.anyString());
        assertThat(logLines()).singleElement().asString()
                .startsWith("AWS credentials issued: connector \"Developers\" (" + connector.id()
                        + "), account \"Production\" (" + account.id() + "), requestedBy=alice, source=API, "
                        + "callingApp=com.example.reports")
                .contains("principalArn=arn:aws:sts::123456789012:federated-user/alice",
                        "expiry=2030-01-01T12:00:00Z", "fromCache=true")
                .doesNotContain("\n");
        assertNoSecretAnywhere();
    }

    @Test
    void recordsAnAccessDenialAsASecurityEventWithTheRule() {
        Caller bob = user("bob");
        CredentialsAudit.Attempt attempt = audit.credentials(bob, connector.id(), APP);
        attempt.connector(bound);
        AccessDecision decision = decide(bob);
        attempt.decision(decision);
        ConnectorAccessDeniedException denial = new ConnectorAccessDeniedException(decision.denial().orElseThrow());

        assertThat(attempt.failed(denial)).isSameAs(denial);

        AuditEvent event = onlyEvent();
        assertThat(event.getActionI18nKey()).isEqualTo("awsc.audit.credentials.denied");
        assertThat(event.getArea()).isEqualTo(CoverageArea.SECURITY);
        assertThat(event.getLevel()).isEqualTo(CoverageLevel.BASE);
        assertThat(event.getAffectedObjects()).extracting(AuditResource::getName)
                .containsExactly("Developers", "Production");
        assertThat(attributes(event))
                .containsEntry("awsc.audit.attribute.requestedBy", "bob")
                .containsEntry("awsc.audit.attribute.denial", "ACCESS_DENIED")
                .containsEntry("awsc.audit.attribute.reason", "NOT_IN_CONNECTOR_GROUPS")
                .containsEntry("awsc.audit.attribute.details",
                        "You are not in any of the groups allowed to use this AWS connector.")
                .doesNotContainKeys("awsc.audit.attribute.principalArn", "awsc.audit.attribute.access");
        assertThat(logLines()).singleElement().asString().startsWith("AWS credentials refused: ")
                .contains("reason=NOT_IN_CONNECTOR_GROUPS");
    }

    @Test
    void namesAnAnonymousCallerAndTheSystemScope() {
        audit.credentials(Caller.anonymous(), connector.id(), APP)
                .failed(new ConnectorAccessDeniedException(ConnectorAccessDeniedException.Reason.NOT_LOGGED_IN));
        CredentialsAudit.Attempt system = audit.credentials(Caller.system(), connector.id(), APP);
        system.connector(bound);
        system.issued(credentials);

        assertThat(events).extracting(e -> attributes(e).get("awsc.audit.attribute.requestedBy"))
                .containsExactly("anonymous", "com.example.reports (system scope)");
    }

    @Test
    void recordsTheFieldOfAnInvalidRequestAndAwsErrorCodeAndRequestIdOfAFailure() {
        CredentialsAudit.Attempt invalid = audit.credentials(user("alice"), connector.id(), APP);
        invalid.connector(bound);
        invalid.failed(new InvalidCredentialsRequestException("durationSeconds", "at most 3,600 seconds"));
        CredentialsAudit.Attempt failed = audit.credentials(user("alice"), connector.id(), APP);
        failed.connector(bound);
        failed.failed(new AwsRequestFailedException("STS is not activated", "RegionDisabledException", "req-1"));
        audit.credentials(user("alice"), connector.id(), APP)
                .failed(new AwsRequestFailedException("AWS STS could not be reached", null, null));

        assertThat(events).allSatisfy(e -> assertThat(e.getArea()).isEqualTo(CoverageArea.SECURITY));
        assertThat(attributes(events.get(0))).containsEntry("awsc.audit.attribute.denial", "INVALID_REQUEST")
                .containsEntry("awsc.audit.attribute.reason", "durationSeconds");
        assertThat(attributes(events.get(1))).containsEntry("awsc.audit.attribute.denial", "AWS_FAILED")
                .containsEntry("awsc.audit.attribute.reason", "RegionDisabledException")
                .containsEntry("awsc.audit.attribute.awsRequestId", "req-1");
        assertThat(attributes(events.get(2))).containsEntry("awsc.audit.attribute.reason", "AWS not reachable");
    }

    @Test
    void recordsAnUnknownConnectorIdAsTheAffectedObject() {
        UUID unknown = UUID.randomUUID();
        audit.credentials(user("alice"), unknown, APP).failed(new ConnectorNotFoundException(unknown));

        assertThat(onlyEvent().getAffectedObjects()).singleElement()
                .satisfies(r -> assertThat(r.getId()).isEqualTo(unknown.toString()));
        assertThat(attributes(events.get(0))).containsEntry("awsc.audit.attribute.denial", "CONNECTOR_NOT_FOUND");
    }

    @Test
    void recordsInWordsWhyTheAccountsSecretCannotBeReadNeverAClassName() {
        CredentialsAudit.Attempt attempt = audit.credentials(user("alice"), connector.id(), APP);
        attempt.connector(bound);
        attempt.failed(new AccountSecretUnavailableException(AccountSecretUnavailableException.Reason.KEY_FILE_MISSING,
                "Production", "<shared home>/aws-connectors/secret-keys", null));
        audit.credentials(user("alice"), connector.id(), APP).failed(new AccountSecretUnavailableException(
                AccountSecretUnavailableException.Reason.CANNOT_DECRYPT, "Production",
                "<shared home>/aws-connectors/secret-keys", null));

        assertThat(attributes(events.get(0))).containsEntry("awsc.audit.attribute.denial", "SECRET_UNAVAILABLE")
                .containsEntry("awsc.audit.attribute.reason",
                        "The secret key file is missing; the account's secret cannot be decrypted")
                .hasEntrySatisfying("awsc.audit.attribute.details", details -> assertThat(details)
                        .contains("the key file <shared home>/aws-connectors/secret-keys is missing"));
        assertThat(events.get(0).getArea()).isEqualTo(CoverageArea.SECURITY);
        assertThat(attributes(events.get(1))).containsEntry("awsc.audit.attribute.reason",
                "The account's secret cannot be decrypted with the current key file");
    }

    @Test
    void recordsOnlyTheTypeOfAnUnexpectedException() {
        audit.credentials(user("alice"), connector.id(), APP)
                .failed(new IllegalStateException("might quote " + SECRET));

        assertThat(attributes(onlyEvent())).containsEntry("awsc.audit.attribute.denial", "ERROR")
                .containsEntry("awsc.audit.attribute.reason", "java.lang.IllegalStateException")
                .doesNotContainKey("awsc.audit.attribute.details");
        assertNoSecretAnywhere();
    }

    @Test
    void recordsAConsoleSignInWithoutItsUrl() {
        Caller alice = user("alice");
        CredentialsAudit.Attempt attempt = audit.consoleSignIn(alice, connector.id(), APP);
        attempt.connector(bound);
        attempt.decision(decide(alice));
        ConsoleSignIn signIn = new ConsoleSignIn(URI.create("https://signin.aws.amazon.com/federation?Action=login"
                + "&SigninToken=" + TOKEN), EXPIRY);

        assertThat(attempt.signedIn(signIn, credentials)).isSameAs(signIn);

        AuditEvent event = onlyEvent();
        assertThat(event.getActionI18nKey()).isEqualTo("awsc.audit.console.signedIn");
        assertThat(event.getArea()).isEqualTo(CoverageArea.END_USER_ACTIVITY);
        assertThat(attributes(event)).containsEntry("awsc.audit.attribute.principalArn",
                credentials.getPrincipalArn()).doesNotContainKey("awsc.audit.attribute.fromCache");
        assertNoSecretAnywhere();

        audit.consoleSignIn(alice, connector.id(), APP)
                .failed(new InvalidCredentialsRequestException("principalType", "no console"));
        assertThat(events.get(1).getActionI18nKey()).isEqualTo("awsc.audit.console.denied");
    }

    @Test
    void recordsWhereEachRequestCameInAndWhichAppCalled() {
        ConnectorAccessDeniedException notLoggedIn =
                new ConnectorAccessDeniedException(ConnectorAccessDeniedException.Reason.NOT_LOGGED_IN);
        audit.credentials(Caller.anonymous(), connector.id(), RequestOrigin.REST).failed(notLoggedIn);
        audit.consoleSignIn(Caller.anonymous(), connector.id(), RequestOrigin.WEB).failed(notLoggedIn);
        audit.credentials(Caller.anonymous(), connector.id(), RequestOrigin.app(null)).failed(notLoggedIn);

        assertThat(events).extracting(e -> attributes(e).get("awsc.audit.attribute.source"))
                .containsExactly("REST", "web", "API");
        assertThat(events).extracting(e -> attributes(e).get("awsc.audit.attribute.callingApp"))
                .containsExactly(null, null, "unidentified app");
        assertThat(logLines().get(0)).contains("source=REST").doesNotContain("callingApp");
    }

    @Test
    void recordsEachRequestOnceEvenWhenTheBrokerReportsAFailureAfterTheIssue() {
        CredentialsAudit.Attempt attempt = audit.credentials(user("alice"), connector.id(), APP);
        attempt.connector(bound);
        attempt.issued(credentials);
        attempt.failed(new IllegalStateException("late"));

        assertThat(events).hasSize(1);
    }

    @Test
    void refusesToHandOutCredentialsItCannotAuditButKeepsARefusalARefusal() {
        CredentialsAudit failing = new CredentialsAudit(event -> {
            throw new IllegalStateException("audit log unavailable");
        });
        failing.logTo(logger);
        CredentialsAudit.Attempt issue = failing.credentials(user("alice"), connector.id(), APP);
        assertThatThrownBy(() -> issue.issued(credentials)).hasMessage("audit log unavailable");

        ConnectorAccessDeniedException denial =
                new ConnectorAccessDeniedException(ConnectorAccessDeniedException.Reason.NOT_LOGGED_IN);
        assertThat(failing.credentials(Caller.anonymous(), connector.id(), APP).failed(denial)).isSameAs(denial);
        assertThat(denial.getSuppressed()).extracting(Throwable::getMessage).containsExactly("audit log unavailable");
    }

    @Test
    void keepsControlCharactersOfNamesOutOfTheLogLine() {
        Connector odd = connector.toBuilder().name("Dev\nAWS credentials issued: forged").build();
        CredentialsAudit.Attempt attempt = audit.credentials(user("alice"), odd.id(), APP);
        attempt.connector(new BoundConnector(odd, account));
        attempt.issued(credentials);

        assertThat(logLines()).singleElement().asString().doesNotContain("\n").contains("Dev?AWS");
    }
}
