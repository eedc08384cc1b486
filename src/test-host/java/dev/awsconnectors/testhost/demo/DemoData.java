package dev.awsconnectors.testhost.demo;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.api.PrincipalType;
import dev.awsconnectors.connectors.Connector;
import dev.awsconnectors.persistence.AccountRepository;
import dev.awsconnectors.persistence.ConnectorRepository;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The demo's account and connectors, written through the app's own repositories so they are stored exactly as the
 * app stores them. Created on the first start only (when there is no account yet); later starts keep what people
 * changed, and only point the demo account at the local double again if its port changed.
 *
 * <p>It runs on the plugin's side of the demo host (see {@code DemoHost.seed}), so it takes only JDK types from
 * the host: the double's endpoint, key and role.
 */
final class DemoData {
    static final String ACCOUNT = "Demo account";
    static final String DEVELOPERS_GROUP = "aws-developers";
    static final String FEDERATED = "Developers (federated)";
    static final String ROLE = "Developers (role)";
    static final String BREAK_GLASS = "Break glass";
    static final String KEYLESS_ACCOUNT = "Keyless demo account";
    static final String KEYLESS = "Developers (keyless)";

    private static final String READ_ONLY_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:ListAllMyBuckets\",\"ec2:Describe*\"],\"Resource\":\"*\"}]}";

    private final AccountRepository accounts;
    private final ConnectorRepository connectors;

    DemoData(AccountRepository accounts, ConnectorRepository connectors) {
        this.accounts = accounts;
        this.connectors = connectors;
    }

    /**
     * With the local AWS double at {@code endpoint}, whose IAM user has the given key, whose developer role is
     * {@code roleArn}, and whose role {@code keylessRoleArn} trusts the demo's own OpenID Connect issuer.
     *
     * @return whether the data was created now (first start)
     */
    boolean ensureForLocalAws(URI endpoint, String accessKeyId, String secretAccessKey, String roleArn,
                              String keylessRoleArn) {
        List<Account> existing = accounts.all();
        if (!existing.isEmpty()) {
            repointAtDouble(existing, endpoint);
            return false;
        }
        createForLocalAws(endpoint, accessKeyId, secretAccessKey, roleArn, keylessRoleArn);
        return true;
    }

    /** With AWS's real endpoints. @return whether the data was created now (first start) */
    boolean ensureForRealAws() {
        if (!accounts.all().isEmpty()) {
            return false;
        }
        createForRealAws();
        return true;
    }

    private void createForLocalAws(URI endpoint, String accessKeyId, String secretAccessKey, String roleArn,
                                   String keylessRoleArn) {
        Account account = accounts.create(Account.builder()
                .name(ACCOUNT)
                .description("The account of the local AWS double (" + DemoAws.ACCOUNT_ID + "), IAM user "
                        + DemoAws.BROKER_USER)
                .type(AccountType.ACCESS_KEY)
                .accessKeyId(accessKeyId)
                .partition(Partition.AWS)
                .region("us-east-1")
                .endpointOverride(endpoint)
                .iamEndpointOverride(endpoint)
                .signinEndpointOverride(endpoint)
                .build(), Optional.of(secretAccessKey));
        connectors.create(Connector.builder()
                .name(FEDERATED)
                .description("Read-only federated user named after you")
                .accountId(account.id())
                .principalType(PrincipalType.FEDERATED_USER)
                .policy(READ_ONLY_POLICY)
                .groups(List.of(DEVELOPERS_GROUP))
                .build());
        createRoleConnector(account, roleArn);
        connectors.create(Connector.builder()
                .name(BREAK_GLASS)
                .description("The broker's own IAM user: administrators only")
                .accountId(account.id())
                .principalType(PrincipalType.IAM_USER)
                .build());
        // No key at all: the double trusts the demo's own issuer, whose tokens the app signs per request.
        Account keyless = accounts.create(Account.builder()
                .name(KEYLESS_ACCOUNT)
                .description("No AWS key stored: Jira signs a token per request, which the local AWS double's role "
                        + DemoAws.KEYLESS_ROLE + " trusts")
                .type(AccountType.WEB_IDENTITY)
                .partition(Partition.AWS)
                .region("us-east-1")
                .endpointOverride(endpoint)
                .iamEndpointOverride(endpoint)
                .signinEndpointOverride(endpoint)
                .build(), Optional.empty());
        connectors.create(Connector.builder()
                .name(KEYLESS)
                .description("Assumes the keyless role as you, with a token Jira signs")
                .accountId(keyless.id())
                .principalType(PrincipalType.IAM_ROLE)
                .roleArn(keylessRoleArn)
                .sourceIdentityAndTags(true)
                .groups(List.of(DEVELOPERS_GROUP))
                .build());
    }

    /**
     * With real AWS the demo cannot know an access key, and the app refuses an access-key account without its
     * secret. So the account is created as a host-role account with AWS's own endpoints, which admits only IAM Role
     * connectors: the admin enters real keys by switching it to an access key, then adds the other connectors.
     */
    private void createForRealAws() {
        Account account = accounts.create(Account.builder()
                .name(ACCOUNT)
                .description("Enter the access key of a real IAM user here (type: access key), or keep the host's role")
                .type(AccountType.HOST_ROLE)
                .partition(Partition.AWS)
                .region("us-east-1")
                .build(), Optional.empty());
        createRoleConnector(account, "arn:aws:iam::" + DemoAws.ACCOUNT_ID + ":role/" + DemoAws.ROLE);
    }

    private void createRoleConnector(Account account, String roleArn) {
        connectors.create(Connector.builder()
                .name(ROLE)
                .description("Assumes the developer role as you")
                .accountId(account.id())
                .principalType(PrincipalType.IAM_ROLE)
                .roleArn(roleArn)
                .groups(List.of(DEVELOPERS_GROUP))
                .build());
    }

    /** The double may have had to take another port; the demo account follows it. */
    private void repointAtDouble(List<Account> existing, URI endpoint) {
        for (Account account : existing) {
            boolean ours = account.name().equals(ACCOUNT) || account.name().equals(KEYLESS_ACCOUNT);
            boolean pointsAtAnEarlierDouble = ours
                    && account.endpointOverride().filter(uri -> "127.0.0.1".equals(uri.getHost())).isPresent()
                    && !account.endpointOverride().get().equals(endpoint);
            if (pointsAtAnEarlierDouble) {
                accounts.update(account.toBuilder().endpointOverride(endpoint).iamEndpointOverride(endpoint)
                        .signinEndpointOverride(endpoint).build(), Optional.empty());
            }
        }
    }
}
