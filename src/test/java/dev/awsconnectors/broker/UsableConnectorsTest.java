package dev.awsconnectors.broker;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import dev.awsconnectors.access.ConnectorAccess;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.ConnectorSummary;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.audit.CredentialsAudit;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.testhost.store.InMemoryConnectors;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A user's usable connectors ask Jira whether the user administers it once per list, not once per connector. */
class UsableConnectorsTest {
    private static final int CONNECTORS = 50;
    private static final UserKey ALICE = new UserKey("key-alice");

    private final UserManager userManager = mock(UserManager.class);
    private final InMemoryConnectors store = new InMemoryConnectors();
    private final CredentialsBroker broker = new CredentialsBroker(store, new ConnectorAccess(userManager), null,
            null, new CredentialsCache(), mock(CredentialsAudit.class));

    UsableConnectorsTest() {
        UserProfile alice = mock(UserProfile.class);
        when(alice.getUsername()).thenReturn("alice");
        when(userManager.getRemoteUserKey()).thenReturn(ALICE);
        when(userManager.getUserProfile(ALICE)).thenReturn(alice);
        Account account = Account.builder().name("Production").type(AccountType.HOST_ROLE).partition(Partition.AWS)
                .region("eu-west-1").build();
        store.put(account, null);
        for (int i = 0; i < CONNECTORS; i++) {
            store.put(Connector.builder().name(String.format("Team %02d", i)).accountId(account.id())
                    .principalType(PrincipalType.FEDERATED_USER)
                    .groups(List.of(i % 2 == 0 ? "aws-developers" : "aws-ops")).build());
        }
    }

    @Test
    void asksWhetherTheUserIsAnAdministratorOnceForAListOfFiftyConnectors() {
        when(userManager.isUserInGroup(ALICE, "aws-developers")).thenReturn(true);

        List<ConnectorSummary> usable = broker.usableConnectors();

        assertThat(usable).hasSize(CONNECTORS / 2);
        verify(userManager, times(1)).isAdmin(any());
        verify(userManager, times(1)).isSystemAdmin(any());
        verify(userManager, times(2)).isUserInGroup(any(), anyString());
    }

    @Test
    void asksWhetherTheUserIsAnAdministratorOnceAndGivesAnAdministratorEveryConnector() {
        when(userManager.isAdmin(ALICE)).thenReturn(true);

        assertThat(broker.usableConnectors()).hasSize(CONNECTORS);
        verify(userManager, times(1)).isAdmin(any());
        verify(userManager, times(0)).isUserInGroup(any(), anyString());
    }
}
