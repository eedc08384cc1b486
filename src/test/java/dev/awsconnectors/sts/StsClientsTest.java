package dev.awsconnectors.sts;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.time.Duration;

import static dev.awsconnectors.sts.StsFixtures.accessKeyAccount;
import static org.assertj.core.api.Assertions.assertThat;

class StsClientsTest {
    private final StsFixtures.RecordingSecrets secrets = new StsFixtures.RecordingSecrets();
    private final StsClients clients = new StsClients(secrets);

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void resolvesTheRegionalEndpointOfEachPartitionFromTheRegion() {
        assertThat(clients.endpointHost(accessKeyAccount().region("eu-west-1").build()))
                .isEqualTo("sts.eu-west-1.amazonaws.com");
        assertThat(clients.endpointHost(accessKeyAccount().region("us-east-1").build()))
                .isEqualTo("sts.us-east-1.amazonaws.com");
        assertThat(clients.endpointHost(accessKeyAccount().partition(Partition.AWS_US_GOV).region("us-gov-west-1")
                .build())).isEqualTo("sts.us-gov-west-1.amazonaws.com");
        assertThat(clients.endpointHost(accessKeyAccount().partition(Partition.AWS_CN).region("cn-north-1")
                .build())).isEqualTo("sts.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void anEndpointOverrideReplacesTheRegionalEndpoint() {
        Account account = accessKeyAccount().endpointOverride(URI.create("http://127.0.0.1:4566")).build();

        assertThat(clients.endpointHost(account)).isEqualTo("127.0.0.1:4566");
    }

    @Test
    void reusesOneClientPerAccountVersionAndReadsTheSecretOnlyToBuildIt() {
        Account account = accessKeyAccount().build();

        StsClient first = clients.clientFor(account);
        StsClient second = clients.clientFor(account);

        assertThat(second).isSameAs(first);
        assertThat(secrets.asked).containsExactly(account);
    }

    @Test
    void buildsANewClientWhenTheAccountChanges() {
        Account account = accessKeyAccount().build();
        Account edited = account.toBuilder().region("eu-central-1").version(1).build();

        StsClient before = clients.clientFor(account);
        StsClient after = clients.clientFor(edited);

        assertThat(after).isNotSameAs(before);
        assertThat(secrets.asked).containsExactly(account, edited);
        assertThat(clients.clientFor(edited)).isSameAs(after);
    }

    @Test
    void aRequestThatReadTheAccountBeforeAnEditGetsTheNewerClient() {
        Account account = accessKeyAccount().build();
        Account edited = account.toBuilder().version(1).build();

        StsClient newer = clients.clientFor(edited);

        assertThat(clients.clientFor(account)).isSameAs(newer);
    }

    @Test
    void keepsOneClientPerAccount() {
        Account one = accessKeyAccount().build();
        Account two = accessKeyAccount().name("Other").build();

        assertThat(clients.clientFor(one)).isNotSameAs(clients.clientFor(two));
    }

    @Test
    void aHostRoleAccountNeverReadsASecret() {
        Account host = Account.builder().name("Host").type(AccountType.HOST_ROLE).partition(Partition.AWS)
                .region("eu-west-1").build();

        assertThat(clients.clientFor(host)).isNotNull();
        assertThat(secrets.asked).isEmpty();
    }

    @Test
    void buildsClientsWithTheConfiguredTimeoutsAndRetries() {
        StsClients.Settings settings = StsClients.Settings.defaults();

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.socketTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.apiCallAttemptTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.apiCallTimeout()).isEqualTo(Duration.ofSeconds(25));
        assertThat(settings.maxAttempts()).isEqualTo(3);

        StsClient client = clients.clientFor(accessKeyAccount().build());
        var config = client.serviceClientConfiguration().overrideConfiguration();
        assertThat(config.apiCallTimeout()).contains(Duration.ofSeconds(25));
        assertThat(config.apiCallAttemptTimeout()).contains(Duration.ofSeconds(10));
        assertThat(config.retryStrategy()).hasValueSatisfying(s -> assertThat(s.maxAttempts()).isEqualTo(3));
    }

    @Test
    void closingForgetsEveryClient() {
        Account account = accessKeyAccount().build();
        StsClient before = clients.clientFor(account);

        clients.close();

        assertThat(clients.clientFor(account)).isNotSameAs(before);
    }
}
