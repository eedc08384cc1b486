package dev.awsconnectors.admintasks;

import com.atlassian.sal.api.user.UserProfile;
import dev.awsconnectors.audit.AdminChangeAudit;
import dev.awsconnectors.oidc.IdentityTokens;
import dev.awsconnectors.oidc.KeyRotation;

import java.util.Objects;

/**
 * An administrator's rotation of the key that signs the identity tokens of every keyless account, the same from the
 * REST API and the account page: publish a next key, and audit it. A request that finds a next key already waiting
 * changes nothing and is not audited; it answers that key, so the admin learns when it starts signing.
 */
public final class SigningKeyRotation {
    private final IdentityTokens tokens;
    private final AdminChangeAudit audit;

    /** @param audit the caller's audit, which names where the rotation came from */
    public SigningKeyRotation(IdentityTokens tokens, AdminChangeAudit audit) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Publishes a next key unless one waits, and audits it with {@code admin} when this call published it. */
    public KeyRotation rotate(UserProfile admin) {
        KeyRotation rotation = tokens.publishNextKey();
        if (rotation.added()) {
            audit.signingKeyRotation(admin, tokens.issuerUrl(), rotation.next().kid());
        }
        return rotation;
    }
}
