package dev.awsconnectors.iam;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.sts.StsClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.endpoints.AwsEndpointAttribute;
import software.amazon.awssdk.awscore.endpoints.authscheme.EndpointAuthScheme;
import software.amazon.awssdk.awscore.endpoints.authscheme.SigV4AuthScheme;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.endpoints.IamEndpointProvider;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class IamClientsTest {
    private final List<Account> asked = new CopyOnWriteArrayList<>();
    private final StsClients sts = new StsClients(account -> {
        asked.add(account);
        return "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    });
    private final IamClients clients = new IamClients(sts);

    @AfterEach
    void close() {
        clients.close();
        sts.close();
    }

    private static Account account(Partition partition, String region) {
        return Account.builder().name("Prod").type(AccountType.ACCESS_KEY).accessKeyId("AKIAIOSFODNN7EXAMPLE")
                .partition(partition).region(region).build();
    }

    /** What the SDK's own endpoint rules give for IAM in a region: the host and the SigV4 signing region. */
    private static String resolved(String region) {
        Endpoint endpoint = IamEndpointProvider.defaultProvider()
                .resolveEndpoint(p -> p.region(software.amazon.awssdk.regions.Region.of(region)).useFips(false)
                        .useDualStack(false))
                .join();
        List<EndpointAuthScheme> schemes = endpoint.attribute(AwsEndpointAttribute.AUTH_SCHEMES);
        String signingRegion = schemes.stream().filter(s -> s instanceof SigV4AuthScheme)
                .map(s -> ((SigV4AuthScheme) s).signingRegion()).findFirst().orElse("?");
        return endpoint.url().getHost() + " signed for " + signingRegion;
    }

    @Test
    void signsForEachPartitionsGlobalIamRegion() {
        assertThat(IamClients.signingRegion(Partition.AWS).id()).isEqualTo("us-east-1");
        assertThat(IamClients.signingRegion(Partition.AWS_US_GOV).id()).isEqualTo("us-gov-west-1");
        assertThat(IamClients.signingRegion(Partition.AWS_CN).id()).isEqualTo("cn-north-1");
    }

    @Test
    void theSdkResolvesEachSigningRegionToItsPartitionsGlobalEndpoint() {
        assertThat(resolved("us-east-1")).isEqualTo("iam.amazonaws.com signed for us-east-1");
        assertThat(resolved("us-gov-west-1")).isEqualTo("iam.us-gov.amazonaws.com signed for us-gov-west-1");
        assertThat(resolved("cn-north-1")).isEqualTo("iam.cn-north-1.amazonaws.com.cn signed for cn-north-1");
    }

    @Test
    void callsThePartitionsGlobalEndpointWhateverTheAccountsRegion() {
        assertThat(clients.endpointHost(account(Partition.AWS, "eu-west-1"))).isEqualTo("iam.amazonaws.com");
        assertThat(clients.endpointHost(account(Partition.AWS_US_GOV, "us-gov-east-1")))
                .isEqualTo("iam.us-gov.amazonaws.com");
        assertThat(clients.endpointHost(account(Partition.AWS_CN, "cn-northwest-1")))
                .isEqualTo("iam.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void anIamEndpointOverrideReplacesTheGlobalEndpoint() {
        Account account = account(Partition.AWS, "eu-west-1").toBuilder()
                .iamEndpointOverride(URI.create("http://127.0.0.1:4566")).build();

        assertThat(clients.endpointHost(account)).isEqualTo("127.0.0.1:4566");
    }

    @Test
    void reusesOneClientPerAccountVersionAndBuildsANewOneAfterAnEdit() {
        Account account = account(Partition.AWS, "eu-west-1");
        Account edited = account.toBuilder().version(account.version() + 1).build();

        IamClient first = clients.clientFor(account);
        IamClient again = clients.clientFor(account);
        IamClient afterEdit = clients.clientFor(edited);

        assertThat(again).isSameAs(first);
        assertThat(afterEdit).isNotSameAs(first);
        assertThat(clients.clientFor(account)).as("a request that read the account before the edit")
                .isSameAs(afterEdit);
        assertThat(asked).containsExactly(account, edited);
    }

    @Test
    void buildsClientsWithTheSettingsOfTheStsClients() {
        IamClient client = clients.clientFor(account(Partition.AWS_CN, "cn-northwest-1"));

        assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("cn-north-1");
        assertThat(client.serviceClientConfiguration().overrideConfiguration().apiCallTimeout())
                .contains(sts.settings().apiCallTimeout());
        assertThat(client.serviceClientConfiguration().overrideConfiguration().apiCallAttemptTimeout())
                .contains(sts.settings().apiCallAttemptTimeout());
    }
}
