package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.oidc.IdentityTokens;
import dev.awsconnectors.oidc.TokenClaims;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tokens of keyless accounts, signed by the app's own issuer ({@link IdentityTokens}), with the claims
 * {@link WebIdentityTokens} describes. An account that names another issuer URL (its documents hosted where AWS can
 * reach them) gets that URL as {@code iss}; the tokens are still signed with the app's keys, whose JWKS the admin
 * publishes there.
 */
@Component
public class OidcWebIdentityTokens implements WebIdentityTokens {
    private final IdentityTokens issuer;

    public OidcWebIdentityTokens(IdentityTokens issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    @Override
    public String tokenFor(Account account, Connector connector, SessionOwner owner) {
        String subject = WebIdentityTrust.subject(connector.id(), owner);
        String audience = account.audience().orElse(Account.DEFAULT_AUDIENCE);
        Optional<String> sourceIdentity = Optional.empty();
        Map<String, String> tags = Map.of();
        if (connector.sourceIdentityAndTags()) {
            sourceIdentity = Optional.of(owner.roleSessionName());
            if (!owner.isSystem()) {
                tags = Map.of(SessionTags.JIRA_USER_TAG_KEY,
                        SessionTags.jiraUserTagValue(owner.jiraUserName().orElseThrow()));
            }
        }
        TokenClaims claims = new TokenClaims(subject, audience, Duration.ofSeconds(LIFETIME_SECONDS), sourceIdentity,
                tags, List.of());
        return issuer.mint(claims, issuerUrl(account));
    }

    @Override
    public String issuerUrl(Account account) {
        return account.issuerUrl().map(Object::toString).orElseGet(issuer::issuerUrl);
    }
}
