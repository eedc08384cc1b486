package dev.awsconnectors.access;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import dev.awsconnectors.connectors.Connector;
import org.springframework.stereotype.Component;

/**
 * Who may use a connector, decided by these rules in this order before any AWS call:
 * <ol>
 *   <li>no Jira user: allowed only through the system-scope entry, and only for a system-scope connector;</li>
 *   <li>Jira administrators and system administrators: every connector;</li>
 *   <li>anyone else: only a connector naming one of their groups (a connector with no groups is for admins only).</li>
 * </ol>
 * Users, groups and admin rights come from SAL, so they are Jira's own, as of this request.
 */
@Component
public class ConnectorAccess {
    private final UserManager userManager;

    public ConnectorAccess(@ComponentImport UserManager userManager) {
        this.userManager = userManager;
    }

    /** The user logged in on this thread's request, or {@link Caller#anonymous()}. */
    public Caller currentCaller() {
        UserKey key = userManager.getRemoteUserKey();
        if (key == null) {
            return Caller.anonymous();
        }
        UserProfile profile = userManager.getUserProfile(key);
        // A user deleted while logged in has no profile: treat the request as anonymous.
        return profile == null ? Caller.anonymous() : Caller.user(key, profile.getUsername());
    }

    /**
     * The rules for {@code caller} on this request: asks Jira once whether they are an administrator, so that a
     * list of connectors costs one such question, not one per connector.
     */
    public CallerAccess resolve(Caller caller) {
        if (!caller.isUser()) {
            return new CallerAccess(caller, false, group -> false);
        }
        UserKey key = caller.userKey().orElseThrow();
        boolean administrator = userManager.isAdmin(key) || userManager.isSystemAdmin(key);
        return new CallerAccess(caller, administrator, group -> userManager.isUserInGroup(key, group));
    }

    /**
     * Whether the caller is a Jira administrator or system administrator, who may read the details of a failure
     * that other users are told only what they can do about.
     */
    public boolean isAdministrator(Caller caller) {
        return resolve(caller).isAdministrator();
    }

    /** The rules for one caller and one connector; for several connectors, {@link #resolve} the caller once. */
    public AccessDecision decide(Caller caller, Connector connector) {
        return resolve(caller).decide(connector);
    }
}
