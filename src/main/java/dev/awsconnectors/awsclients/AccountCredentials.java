package dev.awsconnectors.awsclients;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountSecrets;
import dev.awsconnectors.accounts.AccountType;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.util.Objects;

/**
 * The credentials an account's own AWS calls are signed with, the same for every service: an
 * {@link AccountType#ACCESS_KEY} account's stored access key, whose secret is read from {@link AccountSecrets} only
 * here, while a client is being built, and lives on only inside the SDK's static credentials provider; or, for a
 * {@link AccountType#HOST_ROLE} account, the SDK's container credentials provider, then its EC2 instance-profile
 * provider — never the SDK's default chain, environment variables or profile files; for a
 * {@link AccountType#WEB_IDENTITY} account, none at all (anonymous), since its one call is sent unsigned.
 */
final class AccountCredentials {
    private final AccountSecrets secrets;

    AccountCredentials(AccountSecrets secrets) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /**
     * A provider for this account as it is now; whoever closes the client it signs for releases it
     * ({@link #release}).
     *
     * @throws IllegalStateException if the account's secret access key cannot be read; the message says what to
     *                               restore and contains no key material
     */
    AwsCredentialsProvider of(Account account) {
        Objects.requireNonNull(account, "account");
        if (account.type() == AccountType.HOST_ROLE) {
            return new HostRoleCredentials(AwsCredentialsProviderChain.builder()
                    .credentialsProviders(
                            ContainerCredentialsProvider.builder().build(),
                            InstanceProfileCredentialsProvider.builder()
                                    .profileFile(ProfileFile.builder().content("")
                                            .type(ProfileFile.Type.CONFIGURATION).build())
                                    .profileName("default")
                                    .build())
                    .reuseLastProviderEnabled(true)
                    .build());
        }
        if (account.type() == AccountType.WEB_IDENTITY) {
            // Nothing to sign with: AssumeRoleWithWebIdentity is sent unsigned, authenticated by its token alone,
            // and the SDK's default chain must never be consulted instead.
            return AnonymousCredentialsProvider.create();
        }
        if (account.type() != AccountType.ACCESS_KEY) {
            throw new IllegalStateException("Account " + account.id() + " has no account type; edit and save it.");
        }
        String accessKeyId = account.accessKeyId().orElseThrow(() -> new IllegalStateException(
                "Account '" + account.name() + "' has no access key ID; enter the IAM user's access key."));
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKeyId, secrets.secretAccessKey(account)));
    }

    /**
     * Closes a provider that holds resources (the host role's); static keys hold none. The SDK does not close the
     * credentials provider of a client it closes.
     */
    static void release(AwsCredentialsProvider credentials) {
        if (credentials instanceof SdkAutoCloseable) {
            ((SdkAutoCloseable) credentials).close();
        }
    }

    /**
     * The host's role credentials, reporting a failure to find them with a {@link HostCredentialsUnavailableException}
     * as the cause, so that it can be told apart from a failure to reach AWS.
     */
    private static final class HostRoleCredentials implements AwsCredentialsProvider, SdkAutoCloseable {
        private final AwsCredentialsProviderChain chain;

        HostRoleCredentials(AwsCredentialsProviderChain chain) {
            this.chain = chain;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            try {
                return chain.resolveCredentials();
            } catch (SdkClientException e) {
                throw SdkClientException.builder()
                        .message(HostCredentialsUnavailableException.MESSAGE)
                        .cause(new HostCredentialsUnavailableException(e))
                        .build();
            }
        }

        @Override
        public void close() {
            chain.close();
        }

        @Override
        public String toString() {
            return "HostRoleCredentials";
        }
    }
}
