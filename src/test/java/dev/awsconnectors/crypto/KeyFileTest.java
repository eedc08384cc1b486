package dev.awsconnectors.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KeyFileTest {
    private static final SecretContext CONTEXT = new SecretContext("account", UUID.randomUUID(), "secretAccessKey");

    @TempDir
    Path shared;

    @Test
    void keepsTheKeyFileInTheSharedHome(@TempDir Path local) {
        KeyFile keyFile = new KeyFile(new Homes(Optional.of(shared), Optional.of(local)));

        keyFile.currentKeyId(true);

        assertThat(keyFile.path()).isEqualTo(shared.resolve("aws-connectors").resolve("secret-keys")).exists();
        assertThat(local.resolve("aws-connectors")).doesNotExist();
    }

    @Test
    void keepsTheKeyFileInTheLocalHomeWhenThereIsNoSharedHome(@TempDir Path local) {
        KeyFile keyFile = new KeyFile(new Homes(Optional.empty(), Optional.of(local)));

        keyFile.currentKeyId(true);

        assertThat(keyFile.path()).isEqualTo(local.resolve("aws-connectors").resolve("secret-keys")).exists();
    }

    @Test
    void namesItsPlaceRelativeToTheHomeForWhatUsersAreShown(@TempDir Path local) {
        assertThat(new KeyFile(new Homes(Optional.of(shared), Optional.of(local))).location())
                .isEqualTo("<shared home>/aws-connectors/secret-keys");
        assertThat(new KeyFile(new Homes(Optional.empty(), Optional.of(local))).location())
                .isEqualTo("<local home>/aws-connectors/secret-keys");
    }

    @Test
    void saysWhichProblemTheKeyFileHasMissingUnsafeDamagedOrUnreadable() throws Exception {
        assumeTrue(supportsPosix(), "the file system has no POSIX permissions");
        KeyFile keyFile = new KeyFile(Homes.sharedHome(shared));
        assertThatThrownBy(() -> keyFile.currentKeyId(false)).isInstanceOfSatisfying(SecretUnavailableException.class,
                e -> assertThat(e.problem()).isEqualTo(SecretUnavailableException.Problem.KEY_FILE_MISSING));

        keyFile.currentKeyId(true);
        Files.setPosixFilePermissions(keyFile.path(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> keyFile.currentKeyId(false)).isInstanceOfSatisfying(SecretUnavailableException.class,
                e -> assertThat(e.problem()).isEqualTo(SecretUnavailableException.Problem.KEY_FILE_UNSAFE));

        Files.writeString(keyFile.path(), "format=1\n");
        Files.setPosixFilePermissions(keyFile.path(), PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> keyFile.currentKeyId(true)).isInstanceOfSatisfying(SecretUnavailableException.class,
                e -> assertThat(e.problem()).isEqualTo(SecretUnavailableException.Problem.KEY_FILE_DAMAGED));
        assertThat(Files.readString(keyFile.path())).as("a damaged file is never replaced").isEqualTo("format=1\n");

        Files.delete(keyFile.path());
        Files.createDirectory(keyFile.path());
        Files.setPosixFilePermissions(keyFile.path(), PosixFilePermissions.fromString("rwx------"));
        assertThatThrownBy(() -> keyFile.currentKeyId(true)).isInstanceOfSatisfying(SecretUnavailableException.class,
                e -> assertThat(e.problem()).isEqualTo(SecretUnavailableException.Problem.KEY_FILE_INACCESSIBLE));
    }

    @Test
    void refusesToGuessALocationWhenJiraReportsNoHome() {
        KeyFile keyFile = new KeyFile(new Homes(Optional.empty(), Optional.empty()));

        assertThatThrownBy(() -> keyFile.currentKeyId(true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("neither a shared nor a local home");
    }

    @Test
    void writesOneCurrentKeyOfThirtyTwoBytesUnderARandomHexId() throws Exception {
        KeyFile keyFile = new KeyFile(Homes.sharedHome(shared));

        String keyId = keyFile.currentKeyId(true);

        assertThat(keyId).matches("[0-9a-f]{8}");
        assertThat(keyFile.keyIds()).containsExactly(keyId);
        List<String> settings = Files.readAllLines(keyFile.path()).stream()
                .filter(line -> !line.startsWith("#")).toList();
        assertThat(settings).hasSize(3);
        assertThat(settings.get(0)).isEqualTo("format=1");
        assertThat(settings.get(1)).isEqualTo("current=" + keyId);
        assertThat(settings.get(2)).startsWith("key." + keyId + "=");
        assertThat(Base64.getDecoder().decode(settings.get(2).substring(("key." + keyId + "=").length())))
                .hasSize(32);
    }

    @Test
    void createsTheKeyFileReadableAndWritableByItsOwnerOnly() throws Exception {
        assumeTrue(supportsPosix(), "the file system has no POSIX permissions");
        KeyFile keyFile = new KeyFile(Homes.sharedHome(shared));

        keyFile.currentKeyId(true);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.path())))
                .isEqualTo("rw-------");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----"})
    void refusesAKeyFileThatOthersCanReadOrWrite(String permissions) throws Exception {
        assumeTrue(supportsPosix(), "the file system has no POSIX permissions");
        KeyFile keyFile = new KeyFile(Homes.sharedHome(shared));
        keyFile.currentKeyId(true);
        Files.setPosixFilePermissions(keyFile.path(), PosixFilePermissions.fromString(permissions));

        assertThatThrownBy(() -> keyFile.currentKeyId(false))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("the key file " + keyFile.path())
                .hasMessageContaining("chmod 600 " + keyFile.path());
        assertThatThrownBy(() -> new KeyFile(Homes.sharedHome(shared)).currentKeyId(true))
                .as("a fresh reader, which also must not replace the file")
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("chmod 600");
    }

    @Test
    void readsTheKeyFileAgainOnceItsPermissionsAreFixed() throws Exception {
        assumeTrue(supportsPosix(), "the file system has no POSIX permissions");
        KeyFile keyFile = new KeyFile(Homes.sharedHome(shared));
        String keyId = keyFile.currentKeyId(true);
        Files.setPosixFilePermissions(keyFile.path(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> keyFile.currentKeyId(false)).isInstanceOf(SecretUnavailableException.class);

        Files.setPosixFilePermissions(keyFile.path(), PosixFilePermissions.fromString("rw-------"));

        assertThat(keyFile.currentKeyId(false)).isEqualTo(keyId);
    }

    @Test
    void doesNotCreateAMissingKeyFileUnlessTheCallerAllowsIt() {
        KeyFile keyFile = new KeyFile(Homes.sharedHome(shared));

        assertThatThrownBy(() -> keyFile.currentKeyId(false))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessage("the key file " + keyFile.path() + " is missing; restore it from backup — without it "
                        + "the stored AWS secret keys cannot be decrypted");
        assertThatThrownBy(keyFile::keyIds).isInstanceOf(SecretUnavailableException.class);
        assertThatThrownBy(keyFile::rotate).isInstanceOf(SecretUnavailableException.class);
        assertThat(keyFile.path()).doesNotExist();
    }

    @Test
    void reportsADeletedKeyFileEvenAfterItWasReadOnce() throws Exception {
        KeyFile keyFile = new KeyFile(Homes.sharedHome(shared));
        keyFile.currentKeyId(true);

        Files.delete(keyFile.path());

        assertThatThrownBy(() -> keyFile.currentKeyId(false))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("is missing");
    }

    @Test
    void refusesADamagedKeyFileWithoutQuotingIt() throws Exception {
        KeyFile keyFile = new KeyFile(Homes.sharedHome(shared));
        String shortKey = Base64.getEncoder().encodeToString("thirty-one bytes of key material".substring(1)
                .getBytes());
        KeyFiles.write(keyFile.path(), "0123abcd", new byte[32]);
        Files.writeString(keyFile.path(), "format=1\ncurrent=0123abcd\nkey.0123abcd=" + shortKey + "\n");

        assertThatThrownBy(() -> keyFile.currentKeyId(true))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("the key file " + keyFile.path() + " is damaged (the key on line 3 is not 32 "
                        + "bytes long); restore it from backup")
                .hasMessageNotContaining(shortKey);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "current=0123abcd\nkey.0123abcd=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
            "format=1\ncurrent=0123abcd\nkey.89abcdef=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
            "format=1\ncurrent=0123abcd\nkey.0123abcd=not base64!\n",
            "format=1\ncurrent=0123abcd\nkey.0123abcd=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nsomething\n",
            "format=2\ncurrent=0123abcd\nkey.0123abcd=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
            ""})
    void refusesAKeyFileThatIsNotWhollyUnderstood(String content) throws Exception {
        KeyFile keyFile = new KeyFile(Homes.sharedHome(shared));
        KeyFiles.write(keyFile.path(), "0123abcd", new byte[32]);
        Files.writeString(keyFile.path(), content);

        assertThatThrownBy(() -> keyFile.currentKeyId(true))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("is damaged");
    }

    @Test
    void twoNodesStartingTogetherEndWithOneKeyAndReadEachOthersValues() throws Exception {
        KeyFile first = new KeyFile(Homes.sharedHome(shared));
        KeyFile second = new KeyFile(Homes.sharedHome(shared));
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> keyIds = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                KeyFile node = i % 2 == 0 ? first : second;
                keyIds.add(pool.submit(() -> {
                    start.await();
                    return node.currentKeyId(true);
                }));
            }
            start.countDown();
            List<String> seen = new ArrayList<>();
            for (Future<String> keyId : keyIds) {
                seen.add(keyId.get(30, TimeUnit.SECONDS));
            }

            assertThat(Set.copyOf(seen)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(first.keyIds()).isEqualTo(second.keyIds()).hasSize(1);
        assertThat(Files.list(first.path().getParent()))
                .as("no temporary or lock file left behind")
                .containsExactly(first.path());
        SecretCipher onFirst = new SecretCipher(first);
        SecretCipher onSecond = new SecretCipher(second);
        assertThat(onSecond.decrypt(onFirst.encrypt("secret of the first", CONTEXT), CONTEXT))
                .isEqualTo("secret of the first");
        assertThat(onFirst.decrypt(onSecond.encrypt("secret of the second", CONTEXT), CONTEXT))
                .isEqualTo("secret of the second");
    }

    @Test
    void aSecondNodeSeesARotationDoneByTheFirst() {
        KeyFile first = new KeyFile(Homes.sharedHome(shared));
        KeyFile second = new KeyFile(Homes.sharedHome(shared));
        String original = first.currentKeyId(true);
        assertThat(second.currentKeyId(false)).isEqualTo(original);

        String rotated = first.rotate();

        assertThat(second.currentKeyId(false)).isEqualTo(rotated).isNotEqualTo(original);
        assertThat(second.keyIds()).containsExactlyInAnyOrder(original, rotated);
        String stored = new SecretCipher(second).encrypt("written after the rotation", CONTEXT);
        assertThat(new SecretCipher(second).keyIdOf(stored)).isEqualTo(rotated);
        assertThat(new SecretCipher(first).decrypt(stored, CONTEXT)).isEqualTo("written after the rotation");
    }

    @Test
    void showsKeyIdsButNoKeyInTheToStringOfWhatItRead() throws Exception {
        KeyFile keyFile = new KeyFile(Homes.sharedHome(shared));
        String keyId = keyFile.currentKeyId(true);
        String key = Files.readAllLines(keyFile.path()).stream().filter(line -> line.startsWith("key."))
                .findFirst().orElseThrow().substring(("key." + keyId + "=").length());

        assertThat(keyFile.keyRing(false).toString()).contains(keyId).doesNotContain(key)
                .doesNotContain(key.substring(0, 12));
    }

    private boolean supportsPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
