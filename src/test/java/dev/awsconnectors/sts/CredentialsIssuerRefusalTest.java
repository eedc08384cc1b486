package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.connectors.Connector;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static dev.awsconnectors.sts.StsFixtures.MFA_SERIAL;
import static dev.awsconnectors.sts.StsFixtures.accessKeyAccount;
import static dev.awsconnectors.sts.StsFixtures.call;
import static dev.awsconnectors.sts.StsFixtures.connector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the issuer refuses before it calls AWS: no client is even asked for. */
class CredentialsIssuerRefusalTest {

    private final AtomicInteger clientsAskedFor = new AtomicInteger();
    private final StsFixtures.RecordingSecrets secrets = new StsFixtures.RecordingSecrets();
    private final CredentialsIssuer issuer = new CredentialsIssuer(new AwsClients(account -> {
        // Asked only to build a client, so before any call.
        clientsAskedFor.incrementAndGet();
        secrets.secretAccessKey(account);
        throw new AssertionError("AWS must not be called");
    }), FixedWebIdentityTokens.unused());
    private final Account account = accessKeyAccount().build();

    @Test
    void anIamUserConnectorWithAnMfaDeviceRefusesARequestWithoutACodeBeforeCallingAws() {
        Connector mfa = connector(account, PrincipalType.IAM_USER).mfaSerialNumber(MFA_SERIAL).build();

        assertThatThrownBy(() -> issuer.issue(call(account, mfa, SessionOwner.jiraUser("alice"), null, null)))
                .isInstanceOfSatisfying(InvalidCredentialsRequestException.class, e -> {
                    assertThat(e.getField()).isEqualTo("mfaCode");
                    assertThat(e.getMessage()).isEqualTo("This connector needs an MFA code: enter the 6-digit code "
                            + "your MFA device shows.");
                });
        assertThat(clientsAskedFor).hasValue(0);
        assertThat(secrets.asked).isEmpty();
    }

    @Test
    void anIamRoleConnectorWithAnMfaDeviceRefusesARequestWithoutACodeBeforeCallingAws() {
        Connector mfa = connector(account, PrincipalType.IAM_ROLE).mfaSerialNumber(MFA_SERIAL).build();

        assertThatThrownBy(() -> issuer.issue(call(account, mfa, SessionOwner.jiraUser("alice"), null, null)))
                .isInstanceOfSatisfying(InvalidCredentialsRequestException.class,
                        e -> assertThat(e.getField()).isEqualTo("mfaCode"));
        assertThat(clientsAskedFor).hasValue(0);
    }
}
