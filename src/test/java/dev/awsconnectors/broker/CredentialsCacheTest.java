package dev.awsconnectors.broker;

import dev.awsconnectors.api.AwsRequestFailedException;
import dev.awsconnectors.api.TemporaryCredentials;
import dev.awsconnectors.sts.SessionOwner;
import dev.awsconnectors.testhost.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsCacheTest {
    private static final UUID CONNECTOR = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private static final UUID ACCOUNT = UUID.fromString("22222222-2222-4222-8222-222222222222");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final CredentialsCache cache = new CredentialsCache(clock, 100);
    private final AtomicInteger stsCalls = new AtomicInteger();

    private static CredentialsKey key(String user) {
        return new CredentialsKey(CONNECTOR, 1, ACCOUNT, 1, SessionOwner.jiraUser(user), OptionalInt.empty());
    }

    private TemporaryCredentials issueFor(Duration lifetime) {
        int call = stsCalls.incrementAndGet();
        return new TemporaryCredentials("ASIAEXAMPLE" + call, "secret" + call, "token" + call,
                clock.instant().plus(lifetime), "arn:aws:sts::123456789012:federated-user/alice");
    }

    @Test
    void answersARepeatedRequestWithoutCallingSts() {
        TemporaryCredentials first = cache.get(key("alice"), () -> issueFor(Duration.ofHours(1)));
        TemporaryCredentials second = cache.get(key("alice"), () -> issueFor(Duration.ofHours(1)));

        assertThat(second).isSameAs(first);
        assertThat(stsCalls).hasValue(1);
    }

    @Test
    void neverSharesCredentialsBetweenUsers() {
        TemporaryCredentials alice = cache.get(key("alice"), () -> issueFor(Duration.ofHours(1)));
        TemporaryCredentials bob = cache.get(key("bob"), () -> issueFor(Duration.ofHours(1)));

        assertThat(bob).isNotEqualTo(alice);
        assertThat(stsCalls).hasValue(2);
    }

    @Test
    void keepsOneHourCredentialsUntilFiveMinutesBeforeExpiry() {
        cache.get(key("alice"), () -> issueFor(Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(55).minusSeconds(1));
        cache.get(key("alice"), () -> issueFor(Duration.ofHours(1)));
        assertThat(stsCalls).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        cache.get(key("alice"), () -> issueFor(Duration.ofHours(1)));
        assertThat(stsCalls).hasValue(2);
    }

    @Test
    void refreshesFiftyMinuteCredentialsFiveMinutesBeforeExpiryAndShorterOnesATenthOfTheirLifetimeBefore() {
        cache.get(key("alice"), () -> issueFor(Duration.ofMinutes(50)));
        // 49:50, of which a tenth is 4:59.
        cache.get(key("bob"), () -> issueFor(Duration.ofSeconds(2990)));

        clock.advance(Duration.ofSeconds(2690));
        cache.get(key("alice"), () -> issueFor(Duration.ofMinutes(50)));
        cache.get(key("bob"), () -> issueFor(Duration.ofSeconds(2990)));
        assertThat(stsCalls).hasValue(2);

        clock.advance(Duration.ofSeconds(1));
        cache.get(key("bob"), () -> issueFor(Duration.ofSeconds(2990)));
        assertThat(stsCalls).hasValue(3);

        clock.advance(Duration.ofSeconds(8));
        cache.get(key("alice"), () -> issueFor(Duration.ofMinutes(50)));
        assertThat(stsCalls).hasValue(3);

        clock.advance(Duration.ofSeconds(1));
        cache.get(key("alice"), () -> issueFor(Duration.ofMinutes(50)));
        assertThat(stsCalls).hasValue(4);
    }

    @Test
    void refreshesFifteenMinuteCredentialsATenthOfTheirLifetimeBeforeExpiry() {
        cache.get(key("alice"), () -> issueFor(Duration.ofMinutes(15)));

        clock.advance(Duration.ofSeconds(810 - 1));
        cache.get(key("alice"), () -> issueFor(Duration.ofMinutes(15)));
        assertThat(stsCalls).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        cache.get(key("alice"), () -> issueFor(Duration.ofMinutes(15)));
        assertThat(stsCalls).hasValue(2);
    }

    @Test
    void makesOneStsCallForAHundredConcurrentIdenticalRequests() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch callStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            List<Future<TemporaryCredentials>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.get(key("alice"), () -> {
                        callStarted.countDown();
                        await(release);
                        return issueFor(Duration.ofHours(1));
                    });
                }));
            }
            start.countDown();
            assertThat(callStarted.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            for (Future<TemporaryCredentials> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS).getAccessKeyId()).isEqualTo("ASIAEXAMPLE1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stsCalls).hasValue(1);
    }

    @Test
    void givesEveryWaiterTheFailureAndDoesNotCacheIt() {
        AwsRequestFailedException throttled = new AwsRequestFailedException("AWS throttled GetFederationToken.",
                "Throttling", null);

        assertThatThrownBy(() -> cache.get(key("alice"), () -> {
            throw throttled;
        })).isSameAs(throttled);

        TemporaryCredentials afterwards = cache.get(key("alice"), () -> issueFor(Duration.ofHours(1)));
        assertThat(afterwards.getAccessKeyId()).isEqualTo("ASIAEXAMPLE1");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void missesAfterTheConnectorWasEditedAndDropsTheOldConfigurationsEntries() {
        CredentialsKey before = key("alice");
        CredentialsKey afterEdit = new CredentialsKey(CONNECTOR, 2, ACCOUNT, 1, SessionOwner.jiraUser("alice"),
                OptionalInt.empty());
        cache.get(before, () -> issueFor(Duration.ofHours(1)));

        TemporaryCredentials fresh = cache.get(afterEdit, () -> issueFor(Duration.ofHours(1)));

        assertThat(fresh.getAccessKeyId()).isEqualTo("ASIAEXAMPLE2");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void missesAfterTheAccountWasEdited() {
        cache.get(key("alice"), () -> issueFor(Duration.ofHours(1)));

        cache.get(new CredentialsKey(CONNECTOR, 1, ACCOUNT, 7, SessionOwner.jiraUser("alice"), OptionalInt.empty()),
                () -> issueFor(Duration.ofHours(1)));

        assertThat(stsCalls).hasValue(2);
    }

    @Test
    void keepsDifferentDurationsApart() {
        cache.get(key("alice"), () -> issueFor(Duration.ofHours(1)));
        cache.get(new CredentialsKey(CONNECTOR, 1, ACCOUNT, 1, SessionOwner.jiraUser("alice"), OptionalInt.of(900)),
                () -> issueFor(Duration.ofMinutes(15)));

        assertThat(stsCalls).hasValue(2);
    }

    @Test
    void holdsNoMoreThanItsBoundDroppingTheOldestFirst() {
        CredentialsCache small = new CredentialsCache(clock, 3);
        for (String user : List.of("u1", "u2", "u3", "u4")) {
            small.get(key(user), () -> issueFor(Duration.ofHours(1)));
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(small.size()).isEqualTo(3);
        small.get(key("u1"), () -> issueFor(Duration.ofHours(1)));
        assertThat(stsCalls).as("u1 was the oldest, so it was dropped and fetched again").hasValue(5);
    }

    @Test
    void trimsToNinetyPercentOfItsBoundOnceItIsExceeded() {
        CredentialsCache bounded = new CredentialsCache(clock, 10);
        for (int i = 0; i < 11; i++) {
            bounded.get(key("user" + i), () -> issueFor(Duration.ofHours(1)));
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(bounded.size()).isEqualTo(9);
    }

    @Test
    void keepsTheNewConfigurationsEntryWhenASlowRequestForTheOldOneFinishesLater() {
        CredentialsKey edited = new CredentialsKey(CONNECTOR, 2, ACCOUNT, 1, SessionOwner.jiraUser("alice"),
                OptionalInt.empty());
        cache.get(edited, () -> issueFor(Duration.ofHours(1)));

        cache.get(key("alice"), () -> issueFor(Duration.ofHours(1)));
        cache.get(edited, () -> issueFor(Duration.ofHours(1)));

        assertThat(stsCalls).as("the edited configuration's credentials are still served").hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
