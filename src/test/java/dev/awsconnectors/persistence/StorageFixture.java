package dev.awsconnectors.persistence;

import com.atlassian.activeobjects.external.ModelVersion;
import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.crypto.KeyFile;
import dev.awsconnectors.crypto.SecretCipher;
import dev.awsconnectors.testhost.ao.JdbcActiveObjects;
import dev.awsconnectors.testhost.ao.TestDatabase;
import dev.awsconnectors.testhost.sal.HostApplicationProperties;
import dev.awsconnectors.validation.ConfigurationValidator;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** The storage as one Data Center node wires it: repositories on Active Objects, with the key file in a home. */
final class StorageFixture {
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":"
            + "[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}";

    final JdbcActiveObjects ao;
    final KeyFile keyFile;
    final SecretCipher cipher;
    final AccountRepository accounts;
    final ConnectorRepository connectors;
    final SecretKeyRotation rotation;
    /** The groups Jira has, as the connector repository's group directory sees them; empty means every group. */
    final java.util.Set<String> jiraGroups = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A node on {@code database} whose shared home is {@code sharedHome}; the schema is created if missing. */
    StorageFixture(TestDatabase database, Path sharedHome) {
        this.ao = database.activeObjects();
        new InitialSchema().upgrade(ModelVersion.valueOf("0"), ao);
        new AccessKeyGuards().upgrade(InitialSchema.VERSION, ao);
        new ListRevisions().upgrade(AccessKeyGuards.VERSION, ao);
        new WebIdentityAccounts().upgrade(ModelVersion.valueOf("3"), ao);
        this.keyFile = new KeyFile(new HostApplicationProperties("http://localhost:2990/jira", sharedHome, sharedHome));
        this.cipher = new SecretCipher(keyFile);
        ConfigurationValidator validator = new ConfigurationValidator();
        this.accounts = new AccountRepository(ao, validator, cipher);
        this.connectors = new ConnectorRepository(ao, validator,
                group -> jiraGroups.isEmpty() || jiraGroups.contains(group));
        this.rotation = new SecretKeyRotation(keyFile, accounts);
    }

    /** An access-key account whose key ID is its own: {@link #accessKeyIdOf} its name. */
    static Account.Builder accessKeyAccount(String name) {
        return Account.builder().name(name).description("Production workloads").type(AccountType.ACCESS_KEY)
                .accessKeyId(accessKeyIdOf(name)).partition(Partition.AWS).region("eu-west-1")
                .endpointOverride(URI.create("https://sts.eu-west-1.amazonaws.com"))
                .iamEndpointOverride(URI.create("https://iam.amazonaws.com"))
                .signinEndpointOverride(URI.create("https://signin.aws.amazon.com"));
    }

    /** A key ID made from a name, so that accounts of different names never share one. */
    static String accessKeyIdOf(String name) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "AKIA" + java.util.HexFormat.of().withUpperCase().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Connector.Builder roleConnector(String name, Account account) {
        return Connector.builder().name(name).description("Developers' role").accountId(account.id())
                .principalType(PrincipalType.IAM_ROLE).roleArn("arn:aws:iam::123456789012:role/developer")
                .externalId("jira-ext-1234").policy(POLICY)
                .policyArns(List.of("arn:aws:iam::aws:policy/ReadOnlyAccess",
                        "arn:aws:iam::123456789012:policy/team/Billing"))
                .maxDurationSeconds(7200).mfaSerialNumber("arn:aws:iam::123456789012:mfa/jira")
                .sourceIdentityAndTags(true).groups(List.of("aws-developers", "aws-ops"))
                .consoleDestination(URI.create("https://console.aws.amazon.com/s3/home"));
    }
}
