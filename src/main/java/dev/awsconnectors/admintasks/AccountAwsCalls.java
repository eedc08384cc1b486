package dev.awsconnectors.admintasks;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.awsclients.AwsClients;
import dev.awsconnectors.awsclients.ServiceClients;
import dev.awsconnectors.i18n.Text;
import dev.awsconnectors.sts.AwsCallFailedException;
import dev.awsconnectors.sts.AwsFailures;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.function.Supplier;

/**
 * The AWS calls an admin's action makes on an account's behalf (Validate, the role list, key rotation), described so
 * that a failure names the service, the operation, its target and the account in the admin's words.
 */
final class AccountAwsCalls {
    private final ServiceClients<StsClient> sts;
    private final ServiceClients<IamClient> iam;
    private final AwsFailures failures;

    AccountAwsCalls(AwsClients clients) {
        this.sts = clients.sts();
        this.iam = clients.iam();
        this.failures = new AwsFailures(clients.settings());
    }

    /** A call to STS for this account; {@code hint} says what the admin can check when it fails. */
    AwsFailures.AwsCall sts(Account account, String operation, Text target, Text hint) {
        return new AwsFailures.AwsCall("AWS STS", operation, target, sts.endpointHost(account), account.region(),
                account.name(), account.type(), null, hint);
    }

    /** A call to IAM for this account, signed for the partition's IAM region. */
    AwsFailures.AwsCall iam(Account account, String operation, Text target, Text hint) {
        return new AwsFailures.AwsCall("AWS IAM", operation, target, iam.endpointHost(account),
                iam.signingRegion(account).id(), account.name(), account.type(), null, hint);
    }

    /** Sends the request, turning the SDK's failure into the API's exception described by {@code what}. */
    <T> T send(AwsFailures.AwsCall what, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw failures.map(e, what);
        }
    }

    /** The failure of a call made outside {@link #send}, described by {@code what}. */
    AwsCallFailedException failure(SdkException e, AwsFailures.AwsCall what) {
        return failures.map(e, what);
    }
}
