package dev.awsconnectors.audit;

import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserProfile;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class AdminChangeAuditTest {
    private final List<AuditEvent> events = new ArrayList<>();
    private final Logger log = mock(Logger.class);
    private final AdminChangeAudit audit = new AdminChangeAudit(events::add, "REST API", log);

    private static UserProfile admin() {
        UserProfile profile = mock(UserProfile.class);
        when(profile.getUsername()).thenReturn("admin");
        when(profile.getUserKey()).thenReturn(new UserKey("key-admin"));
        return profile;
    }

    @Test
    void writesAnAccountChangeToTheAuditLogAndOneLogLineWithoutTheSecret() {
        when(log.isInfoEnabled()).thenReturn(true);
        Account account = Account.builder().name("Prod\nforged line").type(AccountType.ACCESS_KEY)
                .accessKeyId("AKIAIOSFODNN7EXAMPLE").partition(Partition.AWS).region("eu-west-1").build();

        audit.account(AdminChangeAudit.ACCOUNT_CREATED, admin(), null, account, true);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getActionI18nKey()).isEqualTo(AdminChangeAudit.ACCOUNT_CREATED);
            assertThat(event.getChangedValues()).extracting(v -> v.getTo())
                    .doesNotContain("AKIAIOSFODNN7EXAMPLE").contains(AdminChangeAudit.SECRET_CHANGED);
        });
        org.mockito.ArgumentCaptor<Object[]> args = org.mockito.ArgumentCaptor.forClass(Object[].class);
        verify(log).info(anyString(), args.capture());
        assertThat(String.join(" ", java.util.Arrays.stream(args.getValue()).map(String::valueOf).toList()))
                .contains("awsc.audit.account.created", "Prod?forged line", "admin", "through REST API")
                .doesNotContain("\n");
    }

    @Test
    void aChangeAlreadySavedIsNotTurnedIntoAFailureWhenJiraRefusesItsEventButLoggedAtWarnWithoutTheSecret() {
        Logger warnings = mock(Logger.class);
        AdminChangeAudit refused = new AdminChangeAudit(event -> {
            throw new IllegalStateException("audit store full");
        }, null, warnings);
        Account account = Account.builder().name("Prod").type(AccountType.ACCESS_KEY)
                .accessKeyId("AKIAIOSFODNN7EXAMPLE").partition(Partition.AWS).region("eu-west-1").build();

        AdminChangeAudit.Change<Account> change = refused.accountChange(AdminChangeAudit.ACCOUNT_CREATED, admin(),
                null, true);
        change.prepare(account);
        change.record();
        refused.rotation(admin(), account, true, "AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7NEWKEY1");

        org.mockito.ArgumentCaptor<Object[]> args = org.mockito.ArgumentCaptor.forClass(Object[].class);
        verify(warnings, org.mockito.Mockito.times(2)).warn(anyString(), args.capture());
        String logged = String.join(" ", args.getAllValues().stream().flatMap(java.util.Arrays::stream)
                .map(String::valueOf).toList());
        assertThat(logged).contains("awsc.audit.account.created", "Prod", "admin", "audit store full",
                "awsc.audit.account.keyRotated").doesNotContain("AKIAIOSFODNN7EXAMPLE");
    }
}
