package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountSecrets;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.BoundConnector;
import dev.awsconnectors.connectors.Connector;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

/** Accounts, connectors and calls for the tests of this package. */
final class StsFixtures {
    /** The example key pair from AWS's documentation: the right shapes, and no real key. */
    static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/Dev";
    static final String MFA_SERIAL = "arn:aws:iam::123456789012:mfa/jira";
    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":"
            + "[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

    private StsFixtures() {
    }

    /** Secrets that answer one key and remember which accounts asked. */
    static final class RecordingSecrets implements AccountSecrets {
        final List<Account> asked = new CopyOnWriteArrayList<>();
        private final String secret;

        RecordingSecrets(String secret) {
            this.secret = secret;
        }

        RecordingSecrets() {
            this(SECRET);
        }

        @Override
        public String secretAccessKey(Account account) {
            asked.add(account);
            return secret;
        }
    }

    static Account.Builder accessKeyAccount() {
        return Account.builder()
                .name("Prod")
                .type(AccountType.ACCESS_KEY)
                .accessKeyId(ACCESS_KEY_ID)
                .partition(Partition.AWS)
                .region("eu-west-1");
    }

    static Connector.Builder connector(Account account, PrincipalType type) {
        Connector.Builder builder = Connector.builder()
                .name("Dev " + type.name().toLowerCase().replace('_', ' '))
                .accountId(account.id())
                .principalType(type);
        if (type == PrincipalType.IAM_ROLE) {
            builder.roleArn(ROLE_ARN);
        }
        return builder;
    }

    static CredentialsCall call(Account account, Connector connector, SessionOwner owner, Integer duration,
                                String mfaCode) {
        return new CredentialsCall(new BoundConnector(connector, account), owner,
                duration == null ? OptionalInt.empty() : OptionalInt.of(duration), Optional.ofNullable(mfaCode));
    }
}
