package dev.awsconnectors.web.admin;

import com.atlassian.sal.api.message.I18nResolver;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.oidc.IdentityTokens;
import dev.awsconnectors.oidc.KeyRotation;
import dev.awsconnectors.oidc.KeyState;
import dev.awsconnectors.oidc.PublishedKey;
import dev.awsconnectors.persistence.ConnectorRepository;
import dev.awsconnectors.sts.WebIdentityTrust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the page of a keyless account tells the admin to set up in AWS, as values for {@code account.vm}: the issuer
 * URL AWS must trust and the audience, the IAM OpenID Connect provider's JSON, a trust policy per IAM Role connector
 * of the account (and one for its system requests only, for a system-scope connector), the condition keys, and
 * where to host the issuer's documents when AWS cannot reach Jira, with links to download them, and the signing keys
 * the JWKS publishes with what each does. Every JSON is what {@link WebIdentityTrust} writes, so the page and the
 * tokens agree; nothing here is secret.
 */
final class KeylessGuidance {
    /** The admin REST downloads ({@code AdminOidcResource}), below the context path. */
    static final String DOWNLOADS = "/rest/aws-connectors/1.0/admin/oidc";

    private final I18nResolver i18n;
    private final IdentityTokens tokens;
    private final ConnectorRepository connectors;

    KeylessGuidance(I18nResolver i18n, IdentityTokens tokens, ConnectorRepository connectors) {
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.connectors = Objects.requireNonNull(connectors, "connectors");
    }

    /** Whether the page of {@code account} (null when creating) shows the guidance. */
    static boolean shownFor(Account account) {
        return account != null && account.type() == AccountType.WEB_IDENTITY;
    }

    /** The guidance for a stored keyless account ({@link #shownFor}). */
    Map<String, Object> of(Account account) {
        boolean hosted = account.issuerUrl().isPresent();
        String issuer = account.issuerUrl().map(Object::toString).orElseGet(tokens::issuerUrl);
        String audience = account.audience().orElse(Account.DEFAULT_AUDIENCE);
        String provider = WebIdentityTrust.providerPath(issuer);
        Map<String, Object> guidance = new HashMap<>();
        guidance.put("issuerUrl", issuer);
        guidance.put("issuerNote", i18n.getText(hosted ? "awsc.admin.account.keyless.issuer.hosted"
                : "awsc.admin.account.keyless.issuer.own"));
        guidance.put("audience", audience);
        guidance.put("providerJson", WebIdentityTrust.openIdConnectProviderJson(issuer, audience));
        guidance.put("audKeyText", i18n.getText("awsc.admin.account.keyless.conditionKeys.aud", provider + ":aud",
                audience));
        guidance.put("subKeyText", i18n.getText("awsc.admin.account.keyless.conditionKeys.sub", provider + ":sub"));
        List<Map<String, Object>> roles = new ArrayList<>();
        for (Connector connector : connectors.all()) {
            if (account.id().equals(connector.accountId()) && connector.principalType() == PrincipalType.IAM_ROLE) {
                roles.add(role(connector, issuer, audience));
            }
        }
        guidance.put("roles", roles);
        guidance.put("discoveryUrl", IdentityTokens.discoveryUrl(issuer));
        guidance.put("jwksUrl", IdentityTokens.jwksUrl(issuer));
        guidance.put("discoveryDownload", DOWNLOADS + "/accounts/" + account.id() + "/openid-configuration");
        guidance.put("jwksDownload", DOWNLOADS + "/jwks");
        guidance.put("rotationText", i18n.getText("awsc.admin.account.keyless.hosting.rotation",
                tokens.publicationLead().toMinutes()));
        signingKeys(guidance, account);
        return guidance;
    }

    /**
     * The keys the JWKS publishes, each with its state in words, and the rotation: its button and question, or, while
     * a next key waits, why rotating again would change nothing.
     */
    private void signingKeys(Map<String, Object> guidance, Account account) {
        List<PublishedKey> published = tokens.keys();
        List<Map<String, String>> rows = new ArrayList<>();
        for (PublishedKey key : published) {
            Map<String, String> row = new HashMap<>();
            row.put("kid", key.kid());
            row.put("state", key.state().name().toLowerCase(Locale.ROOT));
            row.put("stateText", switch (key.state()) {
                case NEXT -> i18n.getText("awsc.admin.account.keyless.keys.state.next",
                        time(key.signsFrom().orElseThrow()));
                case CURRENT -> i18n.getText("awsc.admin.account.keyless.keys.state.current");
                case PREVIOUS -> i18n.getText("awsc.admin.account.keyless.keys.state.previous",
                        time(key.publishedUntil().orElseThrow()));
            });
            row.put("publishedAt", time(key.publishedAt()));
            rows.add(row);
        }
        guidance.put("signingKeys", rows);
        guidance.put("signingKeysText", i18n.getText("awsc.admin.account.keyless.keys.description",
                tokens.publicationLead().toMinutes(), IdentityTokens.PREVIOUS_KEY_KEPT.toMinutes()));
        String waiting = published.stream().filter(key -> key.state() == KeyState.NEXT).findFirst()
                .map(key -> i18n.getText("awsc.admin.account.keyless.keys.waiting", key.kid(),
                        time(key.signsFrom().orElseThrow()))).orElse("");
        guidance.put("signingKeyWaiting", waiting);
        guidance.put("confirmRotateSigningKey", rotationQuestion(account));
    }

    /**
     * What the admin confirms before a rotation: that the new key signs for every keyless account after the lead, and
     * for an account whose issuer is hosted elsewhere, that its JWKS must be uploaded again before then.
     */
    String rotationQuestion(Account account) {
        String question = i18n.getText("awsc.admin.account.keyless.keys.rotate.confirm",
                tokens.publicationLead().toMinutes());
        return account.issuerUrl().map(issuer -> question + " " + i18n.getText(
                "awsc.admin.account.keyless.keys.rotate.confirm.hosted", IdentityTokens.jwksUrl(issuer.toString())))
                .orElse(question);
    }

    /**
     * What a rotation from the page did, in words: the key that signs next and from when, for every keyless
     * account; for an account whose issuer is hosted elsewhere, that its JWKS must be uploaded again before then.
     */
    List<String> rotationMessages(Account account, KeyRotation rotation) {
        PublishedKey next = rotation.next();
        String from = time(next.signsFrom().orElseThrow());
        List<String> messages = new ArrayList<>();
        messages.add(rotation.added()
                ? i18n.getText("awsc.admin.account.keyless.keys.rotated", next.kid(), from,
                        tokens.publicationLead().toMinutes())
                : i18n.getText("awsc.admin.account.keyless.keys.alreadyWaiting", next.kid(), from));
        account.issuerUrl().ifPresent(issuer -> messages.add(i18n.getText(
                "awsc.admin.account.keyless.keys.rotated.hosted", IdentityTokens.jwksUrl(issuer.toString()), from)));
        return List.copyOf(messages);
    }

    /** As the admin pages show times: to the minute, in UTC, the same for every admin. */
    private static String time(Instant instant) {
        return AdminOverviewServlet.LAST_VALIDATED.format(instant);
    }

    /** One connector's role: its name and ARN, and the trust policies that admit its tokens only. */
    private Map<String, Object> role(Connector connector, String issuer, String audience) {
        String roleArn = connector.roleArn().orElse("");
        Map<String, Object> role = new HashMap<>();
        role.put("id", connector.id().toString());
        role.put("name", connector.name());
        role.put("roleArn", roleArn);
        String policy = "";
        String systemPolicy = "";
        try {
            policy = WebIdentityTrust.trustPolicyJson(roleArn, issuer, audience, connector.id(), false,
                    connector.sourceIdentityAndTags());
            if (connector.systemScope()) {
                systemPolicy = WebIdentityTrust.trustPolicyJson(roleArn, issuer, audience, connector.id(), true,
                        connector.sourceIdentityAndTags());
            }
        } catch (IllegalArgumentException e) {
            // Stored before the validator knew keyless accounts, or edited since: the admin is told to fix it.
            role.put("problem", i18n.getText("awsc.admin.account.keyless.role.notARole"));
        }
        role.putIfAbsent("problem", "");
        role.put("trustPolicy", policy);
        role.put("systemTrustPolicy", systemPolicy);
        return role;
    }
}
