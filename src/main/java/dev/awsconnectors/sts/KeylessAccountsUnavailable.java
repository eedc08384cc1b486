package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.i18n.Text;
import org.springframework.stereotype.Component;

/**
 * Stands in for the token issuer until the app signs its own tokens: every keyless request is refused with a
 * message saying so, and AWS is not called. To be replaced by the issuer's implementation of
 * {@link WebIdentityTokens}.
 */
@Component
public final class KeylessAccountsUnavailable implements WebIdentityTokens {
    @Override
    public String tokenFor(Account account, Connector connector, SessionOwner owner) {
        throw AwsCallFailedException.of(Text.of("awsc.aws.admin.keylessUnavailable", account.name()),
                UserText.of("awsc.aws.user.keylessUnavailable"), "keyless accounts not available", null, null);
    }
}
