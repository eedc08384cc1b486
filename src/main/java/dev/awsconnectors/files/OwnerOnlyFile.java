package dev.awsconnectors.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A small file of key material in a folder every Data Center node shares, written so that no node ever reads it
 * half-written and two nodes writing at once lose nothing: the one place for how the app keeps such files, whatever
 * is in them.
 *
 * <ul>
 *   <li>Every write goes to an owner-only ({@code rw-------}) temporary file in the same folder, written in full and
 *       synced, then put in place in one step: hard-linked to the name when creating (which fails if the name
 *       exists, so of two nodes creating it together exactly one wins), renamed over it when replacing.</li>
 *   <li>Writers that change the file hold a lock: a file {@code <name>.lock} beside it, created exclusively, which
 *       serialises them across nodes and app instances. A lock left behind by a node that stopped mid-change is
 *       named in the error after {@link #LOCK_WAIT}.</li>
 *   <li>{@link #version()} tells a reader whether another node has changed the file since it last read it, without
 *       reading it.</li>
 * </ul>
 * What the file holds, what a missing or damaged one means and the words of the errors about it stay with the
 * owner of the content; this class only reports {@link IOException}s, except for the lock, whose errors name the
 * file as its owner calls it.
 */
public final class OwnerOnlyFile {

    /** Changes are rare admin actions; waiting longer than this means a stale lock rather than a busy node. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    private static final Duration LOCK_POLL = Duration.ofMillis(20);
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> FOREIGN = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path path;
    private final String fileName;
    private final String changeName;
    private final Duration lockWait;

    /**
     * @param path       where the file is (or is to be)
     * @param fileName   what the lock's errors call it, as in "could not lock the {@code fileName} …"
     *                   ({@code "key file"})
     * @param changeName what the lock's errors call a change of it, as in "if no {@code changeName} is running"
     *                   ({@code "key rotation"})
     */
    public OwnerOnlyFile(Path path, String fileName, String changeName) {
        this(path, fileName, changeName, LOCK_WAIT);
    }

    /** Lets tests meet a stale lock without waiting the full time. */
    OwnerOnlyFile(Path path, String fileName, String changeName, Duration lockWait) {
        this.path = Objects.requireNonNull(path, "path");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.changeName = Objects.requireNonNull(changeName, "changeName");
        this.lockWait = Objects.requireNonNull(lockWait, "lockWait");
    }

    public Path path() {
        return path;
    }

    /**
     * What identifies the file's present content, or empty if there is no file.
     *
     * @throws IOException if its attributes cannot be read (its folder cannot be opened, say)
     */
    public Optional<Version> version() throws IOException {
        try {
            if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
                PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class);
                return Optional.of(new Version(attributes.fileKey(), attributes.size(),
                        attributes.lastModifiedTime(), Optional.of(attributes.permissions())));
            }
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return Optional.of(new Version(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime(),
                    Optional.empty()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * The content, read whole as UTF-8 text and handed to {@code parse}, unless the file's group or others have any
     * permission on it: then others may know, or may have substituted, the keys in it, so it is refused unread (and
     * never replaced, since the caller is told why). The bytes are wiped afterwards, as they hold key material. What
     * {@code parse} throws reaches the caller as it is.
     *
     * @param version      the version just read, whose permissions decide
     * @param openToOthers the error to throw for a file open to others, given its permissions ({@code rw-r--r--})
     * @throws NoSuchFileException if the file is gone
     * @throws IOException         if it cannot be read
     */
    public <T> T read(Version version, Function<String, ? extends RuntimeException> openToOthers,
                      Function<String, T> parse) throws IOException {
        Optional<Set<PosixFilePermission>> permissions = version.permissions();
        if (permissions.isPresent() && permissions.get().stream().anyMatch(FOREIGN::contains)) {
            throw openToOthers.apply(PosixFilePermissions.toString(permissions.get()));
        }
        byte[] content = Files.readAllBytes(path);
        try {
            return parse.apply(new String(content, StandardCharsets.UTF_8));
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /**
     * Creates the file with this content unless it exists. Safe among nodes without the lock (the hard link is the
     * arbiter); where the file system has no hard links (some SMB shares), the lock makes check-then-rename safe
     * among the app's writers instead. The content is wiped in every case.
     *
     * @return whether this call created it; {@code false} means another node (or thread) did first, and its
     *         content is the one
     * @throws IOException if the folder or the file cannot be written
     */
    public boolean createIfAbsent(byte[] content) throws IOException {
        Path temp = null;
        try {
            Files.createDirectories(path.getParent());
            temp = writeTemp(content);
            try {
                Files.createLink(path, temp);
                return true;
            } catch (FileAlreadyExistsException lostTheRace) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                Path written = temp;
                return underLock(() -> {
                    if (version().isPresent()) {
                        return false;
                    }
                    move(written);
                    return true;
                });
            }
        } finally {
            Arrays.fill(content, (byte) 0);
            deleteQuietly(temp);
        }
    }

    /**
     * Replaces the file atomically, so that a reader on any node sees either the old or the new file whole. Call it
     * {@linkplain #underLock under the lock}, having read the file there, so that no other node's change is lost.
     * The content is wiped in every case.
     *
     * @throws IOException if the file cannot be written, or the file system cannot rename atomically
     */
    public void replace(byte[] content) throws IOException {
        Path temp = null;
        try {
            temp = writeTemp(content);
            move(temp);
            temp = null;
        } finally {
            Arrays.fill(content, (byte) 0);
            deleteQuietly(temp);
        }
    }

    /** A change made under the lock; it may read, replace or create the file. */
    public interface LockedAction<T> {
        T run() throws IOException;
    }

    /**
     * Runs the action holding the lock file, which serialises writers across nodes and app instances.
     *
     * @throws IllegalStateException if the lock stays held for {@link #LOCK_WAIT} (naming the lock file to delete
     *                               if it was left behind), or the thread is interrupted while waiting
     * @throws UncheckedIOException  if the lock cannot be created, or the action fails with an {@link IOException}
     */
    public <T> T underLock(LockedAction<T> action) {
        Path lock = path.resolveSibling(path.getFileName() + ".lock");
        long deadline = System.nanoTime() + lockWait.toNanos();
        try {
            Files.createDirectories(path.getParent());
            while (true) {
                try {
                    Files.createFile(lock);
                    break;
                } catch (FileAlreadyExistsException held) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("another node is changing the " + fileName + " " + path
                                + ", or " + lock + " was left behind by a node that stopped while changing it; if "
                                + "no " + changeName + " is running, delete " + lock + " and try again");
                    }
                    Thread.sleep(LOCK_POLL.toMillis());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock the " + fileName + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to change the " + fileName + " " + path, e);
        }
        try {
            return action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not change the " + fileName + " " + path, e);
        } finally {
            deleteQuietly(lock);
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // A non-atomic replace could leave a node reading half a key file; better to stop and say so.
            throw new IOException("the file system of " + path + " cannot rename atomically", e);
        }
    }

    /** Written completely and synced before it is linked or renamed into place, so no node reads it half-written. */
    private Path writeTemp(byte[] content) throws IOException {
        Path directory = path.getParent();
        boolean posix = Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null;
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(directory, "." + path.getFileName() + "-", ".tmp", attributes);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
        return temp;
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Only a temporary or lock file; a leftover lock is reported by the next writer, naming it.
        }
    }

    /**
     * The file's identity (inode where there is one), size, modification time and permissions: an atomic replace
     * changes the identity, so a change on another node is noticed even within the time stamp's granularity, and a
     * change of permissions is noticed too (so a file refused as unsafe is read again once fixed). Equal versions
     * mean the content read before is still the content. Permissions are empty where the file system has none.
     */
    public record Version(Object fileKey, long size, FileTime modified,
                          Optional<Set<PosixFilePermission>> permissions) {
    }
}
