package dev.awsconnectors.crypto;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rotation procedure of {@link KeyFile}'s class description, step by step, as the storage will run it. */
class KeyRotationTest {

    @TempDir
    Path shared;
    private KeyFile keyFile;
    private SecretCipher cipher;
    /** Stands in for the stored rows: context to stored value. */
    private final Map<SecretContext, String> rows = new LinkedHashMap<>();

    @BeforeEach
    void storeSomeSecrets() {
        keyFile = new KeyFile(Homes.sharedHome(shared));
        cipher = new SecretCipher(keyFile);
        for (int i = 0; i < 5; i++) {
            SecretContext context = new SecretContext("account", UUID.randomUUID(), "secretAccessKey");
            rows.put(context, cipher.encrypt("secret number " + i, context, i == 0));
        }
    }

    @Test
    void rotationThenReEncryptionThenRetirementLeavesEveryValueDecryptableAndTheOldKeyGone() {
        String oldKey = keyFile.currentKeyId(false);
        Map<SecretContext, String> beforeRotation = Map.copyOf(rows);

        String newKey = keyFile.rotate();
        assertThat(keyFile.keyIds()).containsExactlyInAnyOrder(oldKey, newKey);
        assertThat(rows.values()).allMatch(cipher::needsReEncryption);
        assertThat(decryptAll()).as("still readable between rotation and re-encryption").hasSize(5);

        rows.replaceAll((context, stored) -> cipher.reEncrypt(stored, context));
        assertThat(rows.values()).noneMatch(cipher::needsReEncryption);

        keyFile.retire(keyIdsInUse());

        assertThat(keyFile.keyIds()).containsExactly(newKey);
        assertThat(decryptAll()).containsExactly(
                "secret number 0", "secret number 1", "secret number 2", "secret number 3", "secret number 4");
        beforeRotation.forEach((context, stored) -> assertThatThrownBy(() -> cipher.decrypt(stored, context))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("the value was encrypted with key " + oldKey + ", which is not in "));
    }

    @Test
    void retirementKeepsTheKeysThatStoredValuesStillUseAndTheCurrentOne() {
        String oldKey = keyFile.currentKeyId(false);
        String middleKey = keyFile.rotate();
        String newKey = keyFile.rotate();

        keyFile.retire(Set.of(oldKey));

        assertThat(keyFile.keyIds()).containsExactlyInAnyOrder(oldKey, newKey).doesNotContain(middleKey);
        assertThat(decryptAll()).hasSize(5);

        keyFile.retire(Set.of());

        assertThat(keyFile.keyIds()).containsExactly(newKey);
    }

    @Test
    void reEncryptionLeavesAValueAlreadyUnderTheCurrentKeyAsItIs() {
        rows.forEach((context, stored) -> assertThat(cipher.reEncrypt(stored, context)).isSameAs(stored));
    }

    @Test
    void reEncryptionStopsAtAValueThatCannotBeDecryptedWhileTheOldKeyIsStillThere() {
        keyFile.rotate();
        Map.Entry<SecretContext, String> first = rows.entrySet().iterator().next();
        SecretContext elsewhere = new SecretContext("account", UUID.randomUUID(), "secretAccessKey");

        assertThatThrownBy(() -> cipher.reEncrypt(first.getValue(), elsewhere))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("fails authentication");
    }

    @Test
    void retirementRefusesWhenAStoredValueUsesAKeyTheFileDoesNotHave() {
        assertThatThrownBy(() -> keyFile.retire(Set.of("0badc0de")))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("key 0badc0de, which is not in " + keyFile.path())
                .hasMessageContaining("restore the key file from backup");
    }

    @Test
    void rotationKeepsTheKeyFileOwnerOnlyAndLeavesNoTemporaryOrLockFile() throws Exception {
        keyFile.rotate();
        keyFile.retire(Set.of());

        assertThat(Files.list(keyFile.path().getParent())).containsExactly(keyFile.path());
        if (Files.getFileStore(keyFile.path()).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(keyFile.path()))).isEqualTo("rw-------");
        }
    }

    @Test
    void twoNodesRotatingAtOnceLoseNoKey() throws Exception {
        KeyFile other = new KeyFile(Homes.sharedHome(shared));
        String original = keyFile.currentKeyId(false);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> rotations = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                KeyFile node = i % 2 == 0 ? keyFile : other;
                rotations.add(pool.submit(() -> {
                    start.await();
                    return node.rotate();
                }));
            }
            start.countDown();
            Set<String> added = new java.util.HashSet<>();
            for (Future<String> rotation : rotations) {
                added.add(rotation.get(60, TimeUnit.SECONDS));
            }

            assertThat(added).hasSize(8);
            assertThat(other.keyIds()).hasSize(9).contains(original).containsAll(added);
            assertThat(added).contains(other.currentKeyId(false));
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> decryptAll() {
        List<String> plaintexts = new ArrayList<>();
        rows.forEach((context, stored) -> plaintexts.add(cipher.decrypt(stored, context)));
        return plaintexts;
    }

    private Set<String> keyIdsInUse() {
        return rows.values().stream().map(cipher::keyIdOf).collect(Collectors.toSet());
    }
}
