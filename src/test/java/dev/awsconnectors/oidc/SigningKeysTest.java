package dev.awsconnectors.oidc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SigningKeysTest {
    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path shared;

    private final ManualClock clock = new ManualClock(START);

    private SigningKeys node() {
        return new SigningKeys(Site.sharedHome(shared), clock, new SecureRandom());
    }

    @Test
    void createsTheKeyFileOwnerOnlyInTheSharedHomeWithOneCurrentKeyOnFirstUse() throws Exception {
        assumeTrue(supportsPosix(), "the file system has no POSIX permissions");
        SigningKeys keys = node();

        List<SigningKey> created = keys.keys();

        Path file = shared.resolve("aws-connectors").resolve("oidc-signing-keys");
        assertThat(keys.path()).isEqualTo(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(created).extracting(SigningKey::state).containsExactly(KeyState.CURRENT);
        assertThat(created.get(0).publicKey().getModulus().bitLength()).isEqualTo(2048);
        try (var names = Files.list(file.getParent())) {
            assertThat(names.map(p -> p.getFileName().toString())).as("no temporary or lock file left")
                    .containsExactly("oidc-signing-keys");
        }
    }

    @Test
    void keepsTheKeyFileInTheLocalHomeWhenThereIsNoSharedHome(@TempDir Path local) {
        SigningKeys keys = new SigningKeys(new Site("https://jira.example.com", Optional.empty(), Optional.of(local)),
                clock, new SecureRandom());

        keys.keys();

        assertThat(local.resolve("aws-connectors").resolve("oidc-signing-keys")).exists();
    }

    @Test
    void refusesAKeyFileOthersCanReadAndLeavesItAsItIs() throws Exception {
        assumeTrue(supportsPosix(), "the file system has no POSIX permissions");
        SigningKeys keys = node();
        keys.keys();
        Files.setPosixFilePermissions(keys.path(), PosixFilePermissions.fromString("rw-r--r--"));
        String before = Files.readString(keys.path());

        assertThatThrownBy(() -> node().keys()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("other than its owner").hasMessageContaining("chmod 600");
        assertThatThrownBy(keys::rotate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("other than its owner");
        assertThat(Files.readString(keys.path())).as("never replaced").isEqualTo(before);
    }

    @Test
    void twoNodesCreatingTheFileAtOnceEndWithOneFileAndAgreeOnTheKeys() throws Exception {
        for (int round = 0; round < 5; round++) {
            Path home = shared.resolve("round-" + round);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<SigningKey>>> nodes = new ArrayList<>();
                for (int node = 0; node < 2; node++) {
                    SigningKeys keys = new SigningKeys(Site.sharedHome(home), clock, new SecureRandom());
                    nodes.add(pool.submit(() -> {
                        start.await();
                        return keys.keys();
                    }));
                }
                start.countDown();
                List<SigningKey> first = nodes.get(0).get(60, TimeUnit.SECONDS);
                List<SigningKey> second = nodes.get(1).get(60, TimeUnit.SECONDS);
                assertThat(first).hasSize(1);
                assertThat(second).as("both nodes read the one file").isEqualTo(first);
                try (var names = Files.list(home.resolve("aws-connectors"))) {
                    assertThat(names.map(p -> p.getFileName().toString())).containsExactly("oidc-signing-keys");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aKeyOneNodeAddsIsPublishedByTheOtherNodeAtOnce() {
        SigningKeys nodeA = node();
        SigningKeys nodeB = node();
        String current = nodeB.current().kid();

        String next = nodeA.rotate();

        assertThat(states(nodeB)).containsEntry(next, KeyState.NEXT).containsEntry(current, KeyState.CURRENT);
        assertThat(nodeB.current().kid()).as("not signing before it was published long enough").isEqualTo(current);
    }

    @Test
    void theNextKeyIsPublishedAnHourBeforeItSignsAndThePreviousOneUntilItsTokensHaveExpired() {
        SigningKeys nodeA = node();
        SigningKeys nodeB = node();
        String first = nodeA.current().kid();

        clock.advance(Duration.ofDays(30));
        String second = nodeA.rotate();
        assertThat(states(nodeB)).as("published at once").containsEntry(second, KeyState.NEXT);

        clock.advance(SigningKeys.PUBLICATION_LEAD.minusSeconds(1));
        assertThat(nodeB.current().kid()).as("one second short of the lead").isEqualTo(first);

        clock.advance(Duration.ofSeconds(1));
        assertThat(nodeB.current().kid()).as("signs once published for the lead").isEqualTo(second);
        assertThat(nodeA.current().kid()).as("both nodes agree").isEqualTo(second);
        assertThat(states(nodeA)).containsEntry(first, KeyState.PREVIOUS);

        clock.advance(SigningKeys.MAX_TOKEN_LIFETIME.plus(SigningKeys.CLOCK_SKEW).minusSeconds(1));
        nodeA.maintain();
        assertThat(states(nodeB)).as("a token signed just before the switch may still be presented")
                .containsEntry(first, KeyState.PREVIOUS);

        clock.advance(Duration.ofSeconds(1));
        nodeB.maintain();
        assertThat(states(nodeA)).as("every token it signed has expired").containsOnlyKeys(second);
    }

    @Test
    void rotatingAgainWhileANextKeyWaitsAddsNoFurtherKey() {
        SigningKeys keys = node();
        keys.keys();

        String next = keys.rotate();
        clock.advance(Duration.ofMinutes(10));

        assertThat(keys.rotate()).isEqualTo(next);
        assertThat(keys.keys()).hasSize(2);
    }

    @Test
    void aDamagedFileIsRefusedWithoutQuotingItsContent() throws Exception {
        SigningKeys keys = node();
        keys.keys();
        String text = Files.readString(keys.path());
        String material = text.substring(text.lastIndexOf(' ') + 1).strip();
        String damaged = text.replace(material, material.substring(0, 400) + "!" + material.substring(401));
        Files.writeString(keys.path(), damaged);

        assertThatThrownBy(() -> node().keys()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is damaged").hasMessageContaining("line 4")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(material.substring(0, 40)))
                .hasNoCause();
    }

    @Test
    void aKeysTextNamesItsIdAndStateButNoKeyMaterial() throws Exception {
        SigningKeys keys = node();
        keys.rotate();
        String file = Files.readString(keys.path());

        for (SigningKey key : keys.keys()) {
            String text = key.toString() + " " + keys.keys();
            assertThat(text).contains(key.kid(), key.state().name());
            assertThat(text).doesNotContain(key.privateKey().getPrivateExponent().toString())
                    .doesNotContain(key.privateKey().getPrivateExponent().toString(16))
                    .doesNotContain(key.privateKey().getPrimeP().toString());
        }
        for (String line : file.lines().filter(line -> line.startsWith("key.")).toList()) {
            String material = line.substring(line.lastIndexOf(' ') + 1);
            assertThat(keys.keys().toString()).doesNotContain(material.substring(100, 140));
        }
    }

    private static Map<String, KeyState> states(SigningKeys keys) {
        return keys.keys().stream().collect(Collectors.toMap(SigningKey::kid, SigningKey::state));
    }

    private static boolean supportsPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
