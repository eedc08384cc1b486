package dev.awsconnectors.validation;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;

import java.util.List;

/** Valid starting points; each test changes one thing and looks at what the validator says. */
final class Fixtures {
    /** The example key pair from AWS's documentation: the right shapes, and no real key. */
    static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/JiraUsers";
    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":"
            + "[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

    private Fixtures() {
    }

    static Account.Builder accessKeyAccount() {
        return Account.builder()
                .name("Production")
                .type(AccountType.ACCESS_KEY)
                .accessKeyId(ACCESS_KEY_ID)
                .partition(Partition.AWS)
                .region("us-east-1");
    }

    static Account.Builder hostRoleAccount() {
        return Account.builder()
                .name("Jira host")
                .type(AccountType.HOST_ROLE)
                .partition(Partition.AWS)
                .region("eu-west-1");
    }

    static Account.Builder keylessAccount() {
        return Account.builder()
                .name("Keyless")
                .type(AccountType.WEB_IDENTITY)
                .partition(Partition.AWS)
                .region("eu-west-1");
    }

    static Connector.Builder federatedUser(Account account) {
        return Connector.builder()
                .name("Read S3")
                .accountId(account.id())
                .principalType(PrincipalType.FEDERATED_USER)
                .policy(POLICY)
                .groups(List.of("jira-developers"));
    }

    static Connector.Builder iamUser(Account account) {
        return Connector.builder()
                .name("CLI")
                .accountId(account.id())
                .principalType(PrincipalType.IAM_USER);
    }

    static Connector.Builder iamRole(Account account) {
        return Connector.builder()
                .name("Deploy")
                .accountId(account.id())
                .principalType(PrincipalType.IAM_ROLE)
                .roleArn(ROLE_ARN);
    }

    static Connector.Builder ofType(PrincipalType type, Account account) {
        switch (type) {
            case FEDERATED_USER:
                return federatedUser(account);
            case IAM_USER:
                return iamUser(account);
            default:
                return iamRole(account);
        }
    }

    static String repeat(char c, int count) {
        return String.valueOf(c).repeat(count);
    }
}
