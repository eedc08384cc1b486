package dev.awsconnectors.admintasks;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.ConnectorAccessDeniedException;
import dev.awsconnectors.api.ConnectorNotFoundException;
import dev.awsconnectors.api.CredentialsRequest;
import dev.awsconnectors.api.InvalidCredentialsRequestException;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.audit.RequestOrigin;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.awsclients.ServiceClients;
import dev.awsconnectors.broker.CredentialsBroker;
import dev.awsconnectors.broker.IssuedCredentials;
import dev.awsconnectors.connectors.BoundConnector;
import dev.awsconnectors.i18n.Text;
import dev.awsconnectors.sts.AwsFailures;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.util.Objects;
import java.util.UUID;

/**
 * The connector screen's "Test": obtains credentials from a connector exactly as a user would — through
 * the broker's {@link CredentialsBroker#credentials}, as the current (admin) user, so the same access rules, limits and
 * cache apply — and asks AWS STS who those temporary credentials are (GetCallerIdentity signed with them, at the
 * account's STS endpoint or its override).
 *
 * <p>The broker is the only way to the connector: it reads the connector and its account once, audits the attempt
 * (an unknown id and a refusal included) and answers the pair it read with the credentials, so the test signs for
 * exactly the account the credentials came from.
 *
 * <p>A connector with an MFA device needs the current code of that device: without one the test is refused with a
 * clear message before AWS is called.
 */
@Component
public class ConnectorTester {
    private final CredentialsBroker broker;
    private final ServiceClients<StsClient> sts;
    private final AwsFailures failures;

    public ConnectorTester(CredentialsBroker broker, AwsClients clients) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.sts = clients.sts();
        this.failures = new AwsFailures(clients.settings());
    }

    /**
     * Tests a connector, with the current code of its MFA device when it has one.
     *
     * @param mfaCode the six digits the connector's MFA device shows; null or blank for a connector without one
     * @param origin  where the test was asked for (the admin page, the REST API), for the audit of the credentials
     * @throws ConnectorNotFoundException         if there is no such connector
     * @throws ConnectorAccessDeniedException     if the current user may not use it
     * @throws InvalidCredentialsRequestException (field {@code mfaCode}) if the connector asks for an MFA code and
     *                                            none was given, or the code is not six digits
     * @throws AwsRequestFailedException          if AWS refused or could not be reached
     */
    public ConnectorTestResult test(UUID connectorId, String mfaCode, RequestOrigin origin) {
        Objects.requireNonNull(connectorId, "connectorId");
        // The one check of the code's form (six digits), by the API's request as for every credentials request;
        // everything else — the connector, access, whether it takes a code — is the broker's, which audits it.
        boolean hasCode = mfaCode != null && !mfaCode.isBlank();
        CredentialsRequest request = hasCode ? CredentialsRequest.defaults().withMfaCode(mfaCode.strip())
                : CredentialsRequest.defaults();
        IssuedCredentials issued = broker.issue(connectorId, request, origin);
        BoundConnector bound = issued.connector();
        TemporaryCredentials credentials = issued.credentials();
        Account account = bound.account();
        AwsFailures.AwsCall what = new AwsFailures.AwsCall("AWS STS", "GetCallerIdentity",
                Text.of("awsc.aws.target.temporaryCredentials", bound.connector().name(),
                        credentials.getPrincipalArn()),
                sts.endpointHost(account), account.region(), account.name(), account.type(),
                bound.connector().name(), Text.of("awsc.aws.hint.connectorTest"));
        GetCallerIdentityResponse identity;
        try (StsClient client = sts.newClient(account, StaticCredentialsProvider.create(AwsSessionCredentials.create(
                credentials.getAccessKeyId(), credentials.getSecretAccessKey(), credentials.getSessionToken())))) {
            identity = client.getCallerIdentity();
        } catch (SdkException e) {
            throw failures.map(e, what);
        }
        if (identity.account() == null || identity.arn() == null || identity.userId() == null) {
            throw AwsFailures.unreadable(Text.of("awsc.aws.admin.noCallerIdentity", what.host()));
        }
        return new ConnectorTestResult(identity.account(), identity.arn(), identity.userId(),
                credentials.getExpiration());
    }
}
