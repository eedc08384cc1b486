package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.connectors.Connector;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hands out one fixed token and records what each was asked for, in place of the app's token issuer. */
public final class FixedWebIdentityTokens implements WebIdentityTokens {
    /** What one token was minted for. */
    public record Minted(Account account, Connector connector, SessionOwner owner) {
    }

    private final String token;
    private final List<Minted> minted = new CopyOnWriteArrayList<>();

    public FixedWebIdentityTokens(String token) {
        this.token = token;
    }

    /** For tests with no keyless account, where any token minted is a mistake that the test's AWS double shows. */
    public static FixedWebIdentityTokens unused() {
        return new FixedWebIdentityTokens("not-a-token");
    }

    @Override
    public String tokenFor(Account account, Connector connector, SessionOwner owner) {
        minted.add(new Minted(account, connector, owner));
        return token;
    }

    /** The account's issuer URL, or an issuer of this Jira's shape when it names none. */
    @Override
    public String issuerUrl(Account account) {
        return account.issuerUrl().map(Object::toString)
                .orElse("https://jira.example.com/rest/aws-connectors/1.0/oidc");
    }

    public List<Minted> minted() {
        return List.copyOf(minted);
    }
}
