package dev.awsconnectors.awsclients;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountSecrets;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.endpoints.AwsEndpointAttribute;
import software.amazon.awssdk.awscore.endpoints.authscheme.EndpointAuthScheme;
import software.amazon.awssdk.awscore.endpoints.authscheme.SigV4AuthScheme;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.endpoints.IamEndpointProvider;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one way the app builds its AWS clients, without calling AWS (see {@code AwsClientsThroughLocalAwsTest}). */
class AwsClientsTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private final List<Account> secretsAskedFor = new CopyOnWriteArrayList<>();
    private final AccountSecrets secrets = account -> {
        secretsAskedFor.add(account);
        return SECRET;
    };
    private final AwsClients clients = new AwsClients(secrets);

    @AfterEach
    void closeClients() {
        clients.close();
    }

    private static Account.Builder account(Partition partition, String region) {
        return Account.builder().name("Prod").type(AccountType.ACCESS_KEY).accessKeyId("AKIAIOSFODNN7EXAMPLE")
                .partition(partition).region(region);
    }

    private static Account account() {
        return account(Partition.AWS, "eu-west-1").build();
    }

    /** What the SDK's own endpoint rules give for IAM in a region: the host and the SigV4 signing region. */
    private static String resolvedIam(String region) {
        Endpoint endpoint = IamEndpointProvider.defaultProvider()
                .resolveEndpoint(p -> p.region(Region.of(region)).useFips(false).useDualStack(false))
                .join();
        List<EndpointAuthScheme> schemes = endpoint.attribute(AwsEndpointAttribute.AUTH_SCHEMES);
        String signingRegion = schemes.stream().filter(s -> s instanceof SigV4AuthScheme)
                .map(s -> ((SigV4AuthScheme) s).signingRegion()).findFirst().orElse("?");
        return endpoint.url().getHost() + " signed for " + signingRegion;
    }

    @Test
    void callsTheRegionalStsEndpointOfEachPartition() {
        assertThat(clients.sts().endpointHost(account(Partition.AWS, "eu-west-1").build()))
                .isEqualTo("sts.eu-west-1.amazonaws.com");
        assertThat(clients.sts().endpointHost(account(Partition.AWS, "us-east-1").build()))
                .isEqualTo("sts.us-east-1.amazonaws.com");
        assertThat(clients.sts().endpointHost(account(Partition.AWS_US_GOV, "us-gov-west-1").build()))
                .isEqualTo("sts.us-gov-west-1.amazonaws.com");
        assertThat(clients.sts().endpointHost(account(Partition.AWS_CN, "cn-north-1").build()))
                .isEqualTo("sts.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void callsThePartitionsGlobalIamEndpointWhateverTheAccountsRegion() {
        assertThat(clients.iam().endpointHost(account(Partition.AWS, "eu-west-1").build()))
                .isEqualTo("iam.amazonaws.com");
        assertThat(clients.iam().endpointHost(account(Partition.AWS_US_GOV, "us-gov-east-1").build()))
                .isEqualTo("iam.us-gov.amazonaws.com");
        assertThat(clients.iam().endpointHost(account(Partition.AWS_CN, "cn-northwest-1").build()))
                .isEqualTo("iam.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void signsStsForTheAccountsRegionAndIamForItsPartitionsRegion() {
        assertThat(clients.sts().signingRegion(account(Partition.AWS, "eu-west-1").build()).id())
                .isEqualTo("eu-west-1");
        assertThat(clients.iam().signingRegion(account(Partition.AWS, "eu-west-1").build()).id())
                .isEqualTo("us-east-1");
        assertThat(clients.iam().signingRegion(account(Partition.AWS_US_GOV, "us-gov-east-1").build()).id())
                .isEqualTo("us-gov-west-1");
        assertThat(clients.iam().signingRegion(account(Partition.AWS_CN, "cn-northwest-1").build()).id())
                .isEqualTo("cn-north-1");
    }

    @Test
    void theSdkResolvesEachIamSigningRegionToItsPartitionsGlobalEndpoint() {
        assertThat(resolvedIam("us-east-1")).isEqualTo("iam.amazonaws.com signed for us-east-1");
        assertThat(resolvedIam("us-gov-west-1")).isEqualTo("iam.us-gov.amazonaws.com signed for us-gov-west-1");
        assertThat(resolvedIam("cn-north-1")).isEqualTo("iam.cn-north-1.amazonaws.com.cn signed for cn-north-1");
    }

    @Test
    void eachServicesEndpointOverrideReplacesOnlyThatServicesEndpoint() {
        Account stsOverridden = account(Partition.AWS, "eu-west-1")
                .endpointOverride(URI.create("http://127.0.0.1:4566")).build();
        Account iamOverridden = account(Partition.AWS, "eu-west-1")
                .iamEndpointOverride(URI.create("https://iam.example.test")).build();

        assertThat(clients.sts().endpointHost(stsOverridden)).isEqualTo("127.0.0.1:4566");
        assertThat(clients.iam().endpointHost(stsOverridden)).isEqualTo("iam.amazonaws.com");
        assertThat(clients.iam().endpointHost(iamOverridden)).isEqualTo("iam.example.test");
        assertThat(clients.sts().endpointHost(iamOverridden)).isEqualTo("sts.eu-west-1.amazonaws.com");
        assertThat(clients.sts().clientFor(stsOverridden).serviceClientConfiguration().endpointOverride())
                .contains(URI.create("http://127.0.0.1:4566"));
        assertThat(clients.iam().clientFor(iamOverridden).serviceClientConfiguration().endpointOverride())
                .contains(URI.create("https://iam.example.test"));
    }

    @Test
    void reusesOneClientPerAccountVersionAndReadsTheSecretOnlyToBuildIt() {
        Account account = account();

        StsClient sts = clients.sts().clientFor(account);
        IamClient iam = clients.iam().clientFor(account);

        assertThat(clients.sts().clientFor(account)).isSameAs(sts);
        assertThat(clients.iam().clientFor(account)).isSameAs(iam);
        assertThat(secretsAskedFor).as("once per service").containsExactly(account, account);
    }

    @Test
    void dropsTheClientWhenTheAccountChanges() {
        Account account = account();
        Account edited = account.toBuilder().region("eu-central-1").version(1).build();
        StsClient stsBefore = clients.sts().clientFor(account);
        IamClient iamBefore = clients.iam().clientFor(account);

        StsClient stsAfter = clients.sts().clientFor(edited);
        IamClient iamAfter = clients.iam().clientFor(edited);

        assertThat(stsAfter).isNotSameAs(stsBefore);
        assertThat(iamAfter).isNotSameAs(iamBefore);
        assertThat(stsAfter.serviceClientConfiguration().region().id()).isEqualTo("eu-central-1");
        assertThat(clients.sts().clientFor(edited)).isSameAs(stsAfter);
        assertThat(secretsAskedFor).containsExactly(account, account, edited, edited);
    }

    @Test
    void aRequestThatReadTheAccountBeforeAnEditGetsTheNewerClient() {
        Account account = account();
        Account edited = account.toBuilder().version(1).build();

        StsClient newerSts = clients.sts().clientFor(edited);
        IamClient newerIam = clients.iam().clientFor(edited);

        assertThat(clients.sts().clientFor(account)).isSameAs(newerSts);
        assertThat(clients.iam().clientFor(account)).isSameAs(newerIam);
    }

    @Test
    void keepsOneClientPerAccount() {
        Account one = account();
        Account two = account(Partition.AWS, "eu-west-1").name("Other").build();

        assertThat(clients.sts().clientFor(one)).isNotSameAs(clients.sts().clientFor(two));
        assertThat(clients.iam().clientFor(one)).isNotSameAs(clients.iam().clientFor(two));
    }

    @Test
    void dropsTheClientsOfAnEvictedAccount() {
        Account account = account();
        StsClient sts = clients.sts().clientFor(account);
        IamClient iam = clients.iam().clientFor(account);

        clients.evict(account.id());

        assertThat(clients.sts().clientFor(account)).isNotSameAs(sts);
        assertThat(clients.iam().clientFor(account)).isNotSameAs(iam);
    }

    @Test
    void aHostRoleAccountNeverReadsASecret() {
        Account host = Account.builder().name("Host").type(AccountType.HOST_ROLE).partition(Partition.AWS)
                .region("eu-west-1").build();

        assertThat(clients.sts().clientFor(host)).isNotNull();
        assertThat(clients.iam().clientFor(host)).isNotNull();
        assertThat(secretsAskedFor).isEmpty();
    }

    @Test
    void anAccountWithoutAnAccessKeyIdGetsNoClientAndTheMessageSaysWhatToEnter() {
        Account noKey = Account.builder().name("Prod").type(AccountType.ACCESS_KEY).partition(Partition.AWS)
                .region("eu-west-1").build();

        assertThatThrownBy(() -> clients.sts().clientFor(noKey)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Account 'Prod' has no access key ID; enter the IAM user's access key.");
        assertThatThrownBy(() -> clients.iam().newClient(noKey)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnsharedClientIsNewEachTimeAndReadsTheSecretAsItIsNow() {
        Account account = account();

        try (IamClient one = clients.iam().newClient(account); IamClient two = clients.iam().newClient(account)) {
            assertThat(one).isNotSameAs(two).isNotSameAs(clients.iam().clientFor(account));
            assertThat(one.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
        }
        assertThat(secretsAskedFor).hasSize(3);
    }

    @Test
    void anUnsharedClientWithOtherCredentialsNeverReadsTheAccountsSecret() {
        Account account = account(Partition.AWS, "eu-west-1").endpointOverride(URI.create("http://127.0.0.1:4566"))
                .build();

        try (StsClient client = clients.sts().newClient(account, StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAI44QH8DHBEXAMPLE", SECRET)))) {
            assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
            assertThat(client.serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://127.0.0.1:4566"));
        }
        assertThat(secretsAskedFor).isEmpty();
    }

    @Test
    void buildsEveryClientWithTheDocumentedTimeoutsAndRetries() {
        AwsClientSettings settings = AwsClientSettings.defaults();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.socketTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.apiCallAttemptTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.apiCallTimeout()).isEqualTo(Duration.ofSeconds(25));
        assertThat(settings.maxAttempts()).isEqualTo(3);
        assertThat(clients.settings()).isEqualTo(settings);

        Account account = account();
        for (var config : List.of(
                clients.sts().clientFor(account).serviceClientConfiguration().overrideConfiguration(),
                clients.iam().clientFor(account).serviceClientConfiguration().overrideConfiguration())) {
            assertThat(config.apiCallTimeout()).contains(Duration.ofSeconds(25));
            assertThat(config.apiCallAttemptTimeout()).contains(Duration.ofSeconds(10));
            assertThat(config.retryStrategy()).hasValueSatisfying(s -> assertThat(s.maxAttempts()).isEqualTo(3));
        }
    }

    @Test
    void closingForgetsEveryClient() {
        Account account = account();
        StsClient before = clients.sts().clientFor(account);

        clients.close();

        assertThat(clients.sts().clientFor(account)).isNotSameAs(before);
    }
}
