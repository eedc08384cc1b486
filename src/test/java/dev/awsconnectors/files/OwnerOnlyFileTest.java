package dev.awsconnectors.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OwnerOnlyFileTest {
    private static final Function<String, RuntimeException> UNSAFE =
            permissions -> new IllegalStateException("open to others: " + permissions);

    @TempDir
    Path home;

    private OwnerOnlyFile file() {
        return new OwnerOnlyFile(home.resolve("aws-connectors").resolve("keys"), "key file", "key rotation");
    }

    @Test
    void createsTheFileOwnerOnlyWithItsFolderAndLeavesNoTemporaryFile() throws Exception {
        assumeTrue(supportsPosix(), "the file system has no POSIX permissions");
        OwnerOnlyFile file = file();

        assertThat(file.createIfAbsent(bytes("format=1\n"))).isTrue();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(text(file)).isEqualTo("format=1\n");
        assertThat(namesInFolder(file)).containsExactly("keys");
    }

    @Test
    void neverReplacesAFileThatIsThereWhenCreating() throws Exception {
        OwnerOnlyFile file = file();
        file.createIfAbsent(bytes("first\n"));

        assertThat(file.createIfAbsent(bytes("second\n"))).as("another node created it first").isFalse();

        assertThat(text(file)).isEqualTo("first\n");
        assertThat(namesInFolder(file)).containsExactly("keys");
    }

    @Test
    void ofManyWritersCreatingAtOnceExactlyOneSaysItCreatedTheFileAndItsContentStays() throws Exception {
        int writers = 8;
        CyclicBarrier together = new CyclicBarrier(writers);
        List<Callable<Boolean>> nodes = IntStream.range(0, writers).<Callable<Boolean>>mapToObj(i -> () -> {
            together.await(30, TimeUnit.SECONDS);
            return file().createIfAbsent(bytes("written by " + i + "\n"));
        }).toList();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Boolean> created = new ArrayList<>();
        try {
            for (Future<Boolean> node : pool.invokeAll(nodes, 60, TimeUnit.SECONDS)) {
                created.add(node.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(created).containsOnlyOnce(true);
        assertThat(text(file())).matches("written by \\d\n");
        assertThat(namesInFolder(file())).containsExactly("keys");
    }

    @Test
    void wipesTheContentItWasGivenOnceWritten() throws Exception {
        OwnerOnlyFile file = file();
        byte[] created = bytes("secret one\n");
        byte[] replaced = bytes("secret two\n");

        file.createIfAbsent(created);
        file.replace(replaced);

        assertThat(created).containsOnly(0);
        assertThat(replaced).containsOnly(0);
        assertThat(text(file)).isEqualTo("secret two\n");
    }

    @Test
    void aReplacedFileHasANewVersionSoOtherNodesReadItAgain() throws Exception {
        OwnerOnlyFile file = file();
        file.createIfAbsent(bytes("format=1\n"));
        OwnerOnlyFile.Version before = file.version().orElseThrow();
        assertThat(file.version()).as("unchanged").contains(before);

        // Same size, and likely the same time stamp: only the file's identity tells the versions apart.
        file.underLock(() -> {
            file.replace(bytes("format=2\n"));
            return null;
        });

        assertThat(file.version()).isPresent().get().isNotEqualTo(before);
        assertThat(text(file)).isEqualTo("format=2\n");
        assertThat(namesInFolder(file)).as("no temporary or lock file left").containsExactly("keys");
    }

    @Test
    void aMissingFileHasNoVersionAndCannotBeRead() throws Exception {
        OwnerOnlyFile file = file();

        assertThat(file.version()).isEmpty();
        Files.createDirectories(file.path().getParent());
        assertThatThrownBy(() -> file.read(new OwnerOnlyFile.Version(null, 0, null, Optional.empty()),
                UNSAFE, text -> text)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void refusesUnreadAFileItsGroupOrOthersHaveAnyPermissionOnWithTheCallersError() throws Exception {
        assumeTrue(supportsPosix(), "the file system has no POSIX permissions");
        OwnerOnlyFile file = file();
        file.createIfAbsent(bytes("format=1\n"));
        for (String permissions : List.of("rw-r--r--", "rw-r-----", "rw----r--", "rw--w----", "rw------x")) {
            Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString(permissions));
            OwnerOnlyFile.Version version = file.version().orElseThrow();
            List<String> parsed = new ArrayList<>();

            assertThatThrownBy(() -> file.read(version, UNSAFE, parsed::add)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("open to others: " + permissions);
            assertThat(parsed).as("not read").isEmpty();
        }

        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-------"));
        String read = file.read(file.version().orElseThrow(), UNSAFE, text -> text);
        assertThat(read).isEqualTo("format=1\n");
    }

    @Test
    void aChangeOfPermissionsChangesTheVersion() throws Exception {
        assumeTrue(supportsPosix(), "the file system has no POSIX permissions");
        OwnerOnlyFile file = file();
        file.createIfAbsent(bytes("format=1\n"));
        OwnerOnlyFile.Version ownerOnly = file.version().orElseThrow();

        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(file.version()).isPresent().get().isNotEqualTo(ownerOnly);
    }

    @Test
    void aLockLeftBehindIsNamedInTheErrorWithWhatToDo() throws Exception {
        OwnerOnlyFile file = new OwnerOnlyFile(home.resolve("aws-connectors").resolve("keys"), "key file",
                "key rotation", Duration.ofMillis(100));
        Path lock = file.path().resolveSibling("keys.lock");
        Files.createDirectories(lock.getParent());
        Files.createFile(lock);
        List<String> ran = new ArrayList<>();

        assertThatThrownBy(() -> file.underLock(() -> ran.add("changed")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("another node is changing the key file " + file.path() + ", or " + lock + " was left "
                        + "behind by a node that stopped while changing it; if no key rotation is running, delete "
                        + lock + " and try again");
        assertThat(ran).isEmpty();
        assertThat(lock).as("someone else's lock is left alone").exists();
    }

    @Test
    void releasesTheLockWhenTheChangeFailsAndSaysWhichFileItWasChanging() {
        OwnerOnlyFile file = file();

        assertThatThrownBy(() -> file.underLock(() -> {
            throw new IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class)
                .hasMessage("could not change the key file " + file.path())
                .hasRootCauseMessage("disk full");

        assertThat(file.path().resolveSibling("keys.lock")).doesNotExist();
        assertThat(file.underLock(() -> "locked again")).isEqualTo("locked again");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(OwnerOnlyFile file) throws IOException {
        return Files.readString(file.path());
    }

    private static List<String> namesInFolder(OwnerOnlyFile file) throws IOException {
        try (var names = Files.list(file.path().getParent())) {
            return names.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static boolean supportsPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
