package dev.awsconnectors.access;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import dev.awsconnectors.api.ConnectorAccessDeniedException;
import dev.awsconnectors.api.ConnectorAccessDeniedException.Reason;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class ConnectorAccessTest {
    private static final UserKey ALICE = new UserKey("key-alice");

    private final UserManager userManager = mock(UserManager.class);
    private final ConnectorAccess access = new ConnectorAccess(userManager);

    private static Connector connector(boolean systemScope, String... groups) {
        return Connector.builder().name("Sandbox").accountId(UUID.randomUUID()).principalType(PrincipalType.IAM_USER)
                .groups(List.of(groups)).systemScope(systemScope).build();
    }

    private static Caller alice() {
        return Caller.user(ALICE, "alice");
    }

    @Test
    void letsAdministratorsUseEveryConnector() {
        when(userManager.isAdmin(ALICE)).thenReturn(true);

        AccessDecision decision = access.decide(alice(), connector(false));

        assertThat(decision.isAllowed()).isTrue();
        assertThat(decision.grant()).contains(AccessDecision.Grant.ADMINISTRATOR);
    }

    @Test
    void letsSystemAdministratorsUseEveryConnector() {
        when(userManager.isSystemAdmin(ALICE)).thenReturn(true);

        assertThat(access.decide(alice(), connector(false, "aws-developers")).grant())
                .contains(AccessDecision.Grant.ADMINISTRATOR);
    }

    @Test
    void letsAMemberOfOneOfTheConnectorsGroupsUseItAndSaysThroughWhichGroup() {
        when(userManager.isUserInGroup(ALICE, "aws-ops")).thenReturn(true);

        AccessDecision decision = access.decide(alice(), connector(false, "aws-developers", "aws-ops"));

        assertThat(decision.isAllowed()).isTrue();
        assertThat(decision.group()).contains("aws-ops");
    }

    @Test
    void deniesUserOutsideConnectorGroups() {
        AccessDecision decision = access.decide(alice(), connector(false, "aws-developers"));

        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.denial()).contains(Reason.NOT_IN_CONNECTOR_GROUPS);
        assertThatThrownBy(decision::enforce).isInstanceOf(ConnectorAccessDeniedException.class)
                .hasMessage("You are not in any of the groups allowed to use this AWS connector.");
    }

    @Test
    void keepsAConnectorWithoutGroupsForAdministrators() {
        assertThat(access.decide(alice(), connector(false)).denial()).contains(Reason.ADMINS_ONLY);
    }

    @Test
    void deniesAnonymousCallersEvenOnSystemScopeConnectors() {
        assertThat(access.decide(Caller.anonymous(), connector(true)).denial()).contains(Reason.NOT_LOGGED_IN);
    }

    @Test
    void letsSystemCallersUseOnlySystemScopeConnectors() {
        assertThat(access.decide(Caller.system(), connector(true)).grant()).contains(AccessDecision.Grant.SYSTEM_SCOPE);
        assertThat(access.decide(Caller.system(), connector(false, "aws-developers")).denial())
                .contains(Reason.NOT_SYSTEM_SCOPE);
        verifyNoInteractions(userManager);
    }

    @Test
    void doesNotLetAUserThroughTheSystemScopeFlag() {
        assertThat(access.decide(alice(), connector(true)).denial()).contains(Reason.ADMINS_ONLY);
    }

    @Test
    void findsTheCurrentUserThroughSal() {
        UserProfile profile = mock(UserProfile.class);
        when(profile.getUsername()).thenReturn("alice");
        when(userManager.getRemoteUserKey()).thenReturn(ALICE);
        when(userManager.getUserProfile(ALICE)).thenReturn(profile);

        assertThat(access.currentCaller()).isEqualTo(Caller.user(ALICE, "alice"));
    }

    @Test
    void treatsARequestWithoutAUserAsAnonymous() {
        assertThat(access.currentCaller()).isEqualTo(Caller.anonymous());
    }

    @Test
    void treatsAUserWhoseProfileIsGoneAsAnonymous() {
        when(userManager.getRemoteUserKey()).thenReturn(ALICE);

        assertThat(access.currentCaller()).isEqualTo(Caller.anonymous());
    }
}
