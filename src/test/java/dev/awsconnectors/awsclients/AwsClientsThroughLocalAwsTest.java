package dev.awsconnectors.awsclients;

import dev.awsconnectors.accounts.Account;
import dev.awsconnectors.accounts.AccountType;
import dev.awsconnectors.accounts.Partition;
import dev.awsconnectors.testhost.aws.AccessKey;
import dev.awsconnectors.testhost.aws.Failure;
import dev.awsconnectors.testhost.aws.LocalAws;
import dev.awsconnectors.testhost.aws.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clients as the app builds them, calling the local AWS double over HTTP, which checks each SigV4 signature and
 * the region it is scoped to: both services sign with the account's key for the right region, every call gets the
 * same attempts however many failed before it, and the clients of all accounts share one small scheduler.
 */
class AwsClientsThroughLocalAwsTest {
    /** The default timeouts and attempts, with a back-off short enough for sixty failing calls. */
    private static final AwsClientSettings QUICK_BACKOFF = AwsClientSettings.defaults()
            .withRetries(AwsClientSettings.defaults().maxAttempts(), Duration.ofMillis(1), Duration.ofMillis(5));

    private LocalAws aws;
    private AccessKey key;
    private AwsClients clients;

    @BeforeEach
    void start() {
        aws = LocalAws.start();
        key = aws.account("123456789012").user("jira-broker").addAccessKey();
        clients = new AwsClients(account -> key.secretAccessKey(), QUICK_BACKOFF);
    }

    @AfterEach
    void stop() {
        clients.close();
        aws.close();
    }

    private Account newAccount(String region) {
        return Account.builder().name("Prod").type(AccountType.ACCESS_KEY).accessKeyId(key.accessKeyId())
                .partition(Partition.AWS).region(region).endpointOverride(aws.endpoint())
                .iamEndpointOverride(aws.endpoint()).build();
    }

    @Test
    void stsAndIamAcceptTheSignaturesOfTheSharedClients() {
        Account account = newAccount("eu-west-1");

        assertThat(clients.sts().clientFor(account).getCallerIdentity().arn())
                .isEqualTo("arn:aws:iam::123456789012:user/jira-broker");
        assertThat(clients.iam().clientFor(account).getUser().user().userName()).isEqualTo("jira-broker");

        assertThat(aws.requests()).extracting(RecordedRequest::service, RecordedRequest::accessKeyId,
                        RecordedRequest::signatureValid, RecordedRequest::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sts", key.accessKeyId(), true, 200),
                        org.assertj.core.groups.Tuple.tuple("iam", key.accessKeyId(), true, 200));
    }

    @Test
    void anUnsharedIamClientSignsWithTheAccountsKeyAndAnUnsharedStsClientWithTheGivenOne() {
        Account account = newAccount("eu-west-1");
        AccessKey other = aws.account("123456789012").user("other").addAccessKey();

        try (IamClient iam = clients.iam().newClient(account);
             StsClient sts = clients.sts().newClient(account, StaticCredentialsProvider.create(
                     AwsBasicCredentials.create(other.accessKeyId(), other.secretAccessKey())))) {
            assertThat(iam.getUser().user().userName()).isEqualTo("jira-broker");
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::123456789012:user/other");
        }
        assertThat(aws.requests()).extracting(RecordedRequest::accessKeyId)
                .containsExactly(key.accessKeyId(), other.accessKeyId());
        assertThat(aws.requests()).allMatch(RecordedRequest::signatureValid);
    }

    @Test
    void theAccountsNewRegionIsWhereItsNextCallIsSigned() {
        Account account = newAccount("eu-west-1");
        clients.sts().clientFor(account).getCallerIdentity();
        Account moved = account.toBuilder().region("us-gov-west-1").version(1).build();

        assertThatThrownBy(() -> clients.sts().clientFor(moved).getCallerIdentity())
                .as("a region outside the double's partition is refused, so the new client signed for it")
                .isInstanceOf(SdkException.class);
        assertThat(aws.requests()).extracting(RecordedRequest::signatureValid).containsExactly(true, false);
    }

    @Test
    void theSixtiethFailingIamCallOnOneAccountStillGetsThreeAttempts() {
        Account account = newAccount("eu-west-1");

        for (int call = 1; call <= 60; call++) {
            aws.clearFailures();
            aws.clear();
            aws.failNext(3, "GetUser", Failure.serviceUnavailable());

            assertThatThrownBy(() -> clients.iam().clientFor(account).getUser()).isInstanceOf(SdkException.class);

            assertThat(aws.requests()).as("attempts AWS saw for call %d", call).hasSize(3);
        }
    }

    @Test
    void twoHundredAccountsShareOneBoundedSchedulerAndStartNoThreadsOfTheirOwn() {
        useAccounts(20);
        List<String> afterTwenty = threadNames();
        useAccounts(180);
        List<String> afterTwoHundred = threadNames();

        assertThat(afterTwoHundred).filteredOn(name -> name.startsWith("sdk-ScheduledExecutor")).isEmpty();
        assertThat(afterTwoHundred).filteredOn(name -> name.startsWith(AwsClients.SCHEDULER_THREAD_PREFIX))
                .isNotEmpty().hasSizeLessThanOrEqualTo(AwsClients.SCHEDULER_THREADS);
        // No thread per client of any other kind either (HTTP clients, credentials providers).
        assertThat(afterTwoHundred.size()).as("threads after 200 accounts, against %s after 20",
                afterTwenty.size()).isLessThanOrEqualTo(afterTwenty.size() + 2);
    }

    @Test
    void theSharedSchedulerStopsWhenTheClientsAreClosed() throws InterruptedException {
        useAccounts(3);
        List<Thread> scheduler = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(AwsClients.SCHEDULER_THREAD_PREFIX))
                .collect(Collectors.toList());
        assertThat(scheduler).isNotEmpty();

        clients.close();

        for (Thread thread : scheduler) {
            thread.join(Duration.ofSeconds(30).toMillis());
            assertThat(thread.isAlive()).as(thread.getName()).isFalse();
        }
    }

    /** Calls STS and IAM through each of {@code count} new accounts. */
    private void useAccounts(int count) {
        for (int i = 0; i < count; i++) {
            Account account = newAccount("eu-west-1");
            assertThat(clients.sts().clientFor(account).getCallerIdentity().account()).isEqualTo("123456789012");
            assertThat(clients.iam().clientFor(account).getUser().user().userName()).isEqualTo("jira-broker");
        }
    }

    private static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .sorted().collect(Collectors.toList());
    }
}
