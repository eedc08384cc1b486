package dev.awsconnectors.crypto;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import dev.awsconnectors.files.NameValueLines;
import dev.awsconnectors.files.OwnerOnlyFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The AES-256 keys that encrypt the stored AWS secret keys, kept in a file — never in the database, so that a
 * database dump or backup alone reveals no secret.
 *
 * <h2>Where</h2>
 * {@code <shared home>/aws-connectors/secret-keys}, so that every Data Center node reads the same keys; on a
 * server without a shared home, {@code <local home>/aws-connectors/secret-keys}. Back it up together with the
 * database: without it the stored secrets cannot be decrypted, and the app never silently replaces it.
 *
 * <h2>Format</h2>
 * UTF-8 text, owner-only ({@code rw-------}); {@code #} lines are comments:
 * <pre>
 * format=1
 * current=3f9a0c17
 * key.3f9a0c17=&lt;base64 of 32 random bytes&gt;
 * key.b2e4d960=&lt;an older key, kept to decrypt values not yet re-encrypted&gt;
 * </pre>
 * Key ids are 8 random hex digits. A file readable or writable by group or others is refused (a writable one would
 * let another local user substitute a key of their own), as is a damaged one.
 *
 * <h2>Creation</h2>
 * Only when the caller says so ({@code createIfMissing}): the storage allows it only when it encrypts a secret an
 * admin has just entered — the first one, or one re-entered after the key file was lost. Reading never creates it,
 * so a lost key file is reported ("restore it from backup, or re-enter the secrets") instead of being replaced by a
 * new key that cannot decrypt anything; and a file that is there but unsafe or damaged is never replaced. The
 * values stored under the lost file keep their key id and stay unreadable until each is re-entered (or the old
 * file's {@code key.<id>} lines are restored into the new file). The file is written in full to an owner-only
 * temporary file in the same directory and then hard-linked to its name, which fails if the name exists: of two
 * nodes creating it together exactly one wins, and the other reads (and encrypts with) the winner's file. (Where
 * hard links are not supported the same is done under the lock file described below, with an atomic rename.)
 *
 * <h2>Rotation</h2>
 * <ol>
 *   <li>{@link #rotate()} adds a new key and makes it current; the old keys stay for decryption. From then on every
 *       node encrypts with the new key: each access compares the file's identity, size and modification time with
 *       what was read, and re-reads it when another node changed it.</li>
 *   <li>The storage re-encrypts every stored secret with {@link SecretCipher#reEncrypt} in one transaction.</li>
 *   <li>After that transaction has <em>committed</em>, the storage collects {@link SecretCipher#keyIdOf} of every
 *       stored value afresh and calls {@link #retire(Set)} with them, which removes every other key except the
 *       current one. Retiring before the commit would lose the secrets if the transaction rolled back; retiring
 *       later, or never, is harmless (the old key merely stays in the file).</li>
 * </ol>
 * Rotation and retirement rewrite the file atomically (a temporary file renamed over it) while holding
 * {@code secret-keys.lock}, a file created exclusively next to it, so that two nodes rotating at once cannot lose
 * each other's key. A lock left behind by a node that stopped mid-rotation is named in the error; delete it if no
 * rotation is running.
 */
@Component
public class KeyFile {

    static final String DIRECTORY = "aws-connectors";
    static final String FILE_NAME = "secret-keys";
    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);
    /** Logged once per new key file, so an admin can tell when (and on which node) a lost file was replaced. */
    private static final String CREATED = "Created the key file {} with a new key; back it up with the database. "
            + "Secrets stored under an earlier, lost key file stay unreadable until they are entered again.";

    private static final int KEY_BYTES = 32;
    private static final int KEY_ID_BYTES = 4;
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}");

    private final ApplicationProperties applicationProperties;
    private final SecureRandom random;
    /** What was last read, with the file attributes it was read under; replaced whole, never mutated. */
    private volatile Loaded loaded;

    @Autowired
    public KeyFile(@ComponentImport ApplicationProperties applicationProperties) {
        this(applicationProperties, new SecureRandom());
    }

    /** Lets tests make key generation repeatable. */
    KeyFile(ApplicationProperties applicationProperties, SecureRandom random) {
        this.applicationProperties = Objects.requireNonNull(applicationProperties, "applicationProperties");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The key file: in the shared home, or the local home when Jira has no shared home. */
    public Path path() {
        Path home = applicationProperties.getSharedHomeDirectory()
                .or(applicationProperties::getLocalHomeDirectory)
                .orElseThrow(() -> new IllegalStateException(
                        "Jira reports neither a shared nor a local home directory, so there is nowhere to keep "
                                + "the key file that encrypts the stored AWS secret keys"));
        return home.resolve(DIRECTORY).resolve(FILE_NAME);
    }

    /**
     * Where the key file is, relative to the home it is in: {@code <shared home>/aws-connectors/secret-keys}, or
     * {@code <local home>/…} on a server without a shared home. For what users and the audit log are shown, which
     * need not know the server's folders; {@link #path()} is for the application log.
     */
    public String location() {
        String home = applicationProperties.getSharedHomeDirectory().isPresent() ? "<shared home>" : "<local home>";
        return home + "/" + DIRECTORY + "/" + FILE_NAME;
    }

    /**
     * The id of the key new values are encrypted with.
     *
     * @param createIfMissing whether a missing key file may be created with a new key; pass {@code true} only
     *                        when no encrypted value is stored yet
     * @throws SecretUnavailableException if the file is missing (and may not be created), unsafe or damaged
     */
    public String currentKeyId(boolean createIfMissing) {
        return keyRing(createIfMissing).currentId();
    }

    /**
     * The ids of every key in the file, the current one included.
     *
     * @throws SecretUnavailableException if the file is missing, unsafe or damaged
     */
    public Set<String> keyIds() {
        return keyRing(false).keys().keySet();
    }

    /**
     * Adds a new key, makes it current and keeps the older ones for decryption; see the class description for the
     * whole procedure.
     *
     * @return the new key's id
     * @throws SecretUnavailableException if the file is missing, unsafe or damaged
     */
    public String rotate() {
        OwnerOnlyFile file = file();
        return file.underLock(() -> {
            KeyRing ring = read(file, statOrMissing(file));
            Map<String, byte[]> raw = ring.rawKeys();
            try {
                String id;
                do {
                    id = newKeyId();
                } while (raw.containsKey(id));
                raw.put(id, newKeyBytes());
                file.replace(render(id, raw));
                return id;
            } finally {
                wipe(raw);
            }
        });
    }

    /**
     * Removes every key except the current one and those still used by stored values; see the class description
     * for when to call it.
     *
     * @param keyIdsStillInUse the key ids of all stored values, collected after the re-encryption committed
     * @throws SecretUnavailableException if a stored value uses a key the file no longer has, or the file is
     *                                    missing, unsafe or damaged
     */
    public void retire(Set<String> keyIdsStillInUse) {
        Set<String> inUse = Set.copyOf(keyIdsStillInUse);
        OwnerOnlyFile file = file();
        file.underLock(() -> {
            KeyRing ring = read(file, statOrMissing(file));
            for (String id : inUse) {
                if (!ring.keys().containsKey(id)) {
                    throw new SecretUnavailableException(SecretUnavailableException.Problem.KEY_NOT_IN_FILE,
                            unknownKeyMessage(id, file.path()));
                }
            }
            Map<String, byte[]> raw = ring.rawKeys();
            try {
                int before = raw.size();
                raw.entrySet().removeIf(entry -> {
                    boolean retired = !entry.getKey().equals(ring.currentId()) && !inUse.contains(entry.getKey());
                    if (retired) {
                        Arrays.fill(entry.getValue(), (byte) 0);
                    }
                    return retired;
                });
                if (raw.size() != before) {
                    file.replace(render(ring.currentId(), raw));
                }
                return null;
            } finally {
                wipe(raw);
            }
        });
    }

    /** The keys, re-read if the file changed since the last read (another node may have rotated). */
    KeyRing keyRing(boolean createIfMissing) {
        OwnerOnlyFile file = file();
        Path path = file.path();
        Optional<OwnerOnlyFile.Version> stat = stat(file);
        if (stat.isEmpty()) {
            if (!createIfMissing) {
                throw new SecretUnavailableException(SecretUnavailableException.Problem.KEY_FILE_MISSING,
                        missingMessage(path));
            }
            create(file);
            stat = stat(file);
            if (stat.isEmpty()) {
                throw new SecretUnavailableException(SecretUnavailableException.Problem.KEY_FILE_MISSING,
                        missingMessage(path));
            }
        }
        Loaded last = loaded;
        if (last != null && last.path().equals(path) && last.stat().equals(stat.get())) {
            return last.ring();
        }
        KeyRing ring = read(file, stat.get());
        loaded = new Loaded(path, stat.get(), ring);
        return ring;
    }

    static String unknownKeyMessage(String keyId, Path path) {
        return "the value was encrypted with key " + keyId + ", which is not in " + path
                + "; restore the key file from backup";
    }

    private static String missingMessage(Path path) {
        return "the key file " + path + " is missing; restore it from backup — without it the stored AWS secret "
                + "keys cannot be decrypted";
    }

    private OwnerOnlyFile file() {
        return new OwnerOnlyFile(path(), "key file", "key rotation");
    }

    private void create(OwnerOnlyFile file) {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        String id = newKeyId();
        raw.put(id, newKeyBytes());
        byte[] content = render(id, raw);
        wipe(raw);
        try {
            if (file.createIfAbsent(content)) {
                LOG.warn(CREATED, file.path());
            }
            // Otherwise another node (or thread) created it first: its key is the one; ours is discarded unused.
        } catch (IOException e) {
            throw new SecretUnavailableException(SecretUnavailableException.Problem.KEY_FILE_INACCESSIBLE,
                    "could not create the key file " + file.path() + " (" + e + "); check that the user running "
                            + "Jira may write to " + file.path().getParent(), e);
        }
    }

    private KeyRing read(OwnerOnlyFile file, OwnerOnlyFile.Version stat) {
        Path path = file.path();
        try {
            return file.read(stat, permissions -> new SecretUnavailableException(
                    SecretUnavailableException.Problem.KEY_FILE_UNSAFE, "the key file " + path
                    + " can be read or written by users other than its owner (" + permissions
                    + "); the keys in it may be known to others — restrict it with chmod 600 " + path
                    + " (and consider rotating the key)"), text -> parse(path, text));
        } catch (NoSuchFileException e) {
            throw new SecretUnavailableException(SecretUnavailableException.Problem.KEY_FILE_MISSING,
                    missingMessage(path), e);
        } catch (IOException e) {
            throw new SecretUnavailableException(SecretUnavailableException.Problem.KEY_FILE_INACCESSIBLE,
                    "could not read the key file " + path + " (" + e + "); check that the user running Jira "
                            + "owns it and can read it", e);
        }
    }

    /** Messages name the line number only: a damaged line may still hold key material. */
    private static KeyRing parse(Path path, String text) {
        String format = null;
        String current = null;
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (NameValueLines.Line line : NameValueLines.of(text, why -> damaged(path, why))) {
            String name = line.name();
            String value = line.value();
            if (name.equals("format") && format == null) {
                format = value;
            } else if (name.equals("current") && current == null) {
                current = value;
            } else if (name.startsWith("key.") && KEY_ID.matcher(name.substring(4)).matches()
                    && !keys.containsKey(name.substring(4))) {
                keys.put(name.substring(4), decodeKey(path, line.number(), value));
            } else {
                throw damaged(path, "line " + line.number() + " is not understood or is repeated");
            }
        }
        if (!"1".equals(format)) {
            throw damaged(path, "it has no format=1 line");
        }
        if (current == null || !keys.containsKey(current)) {
            throw damaged(path, "its current= line does not name a key in it");
        }
        return new KeyRing(current, keys);
    }

    private static SecretKey decodeKey(Path path, int lineNumber, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            // Not chained: the decoder's message quotes the offending character.
            throw damaged(path, "the key on line " + lineNumber + " is not base64");
        }
        try {
            if (bytes.length != KEY_BYTES) {
                throw damaged(path, "the key on line " + lineNumber + " is not " + KEY_BYTES + " bytes long");
            }
            return new SecretKeySpec(bytes, "AES");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static SecretUnavailableException damaged(Path path, String why) {
        return new SecretUnavailableException(SecretUnavailableException.Problem.KEY_FILE_DAMAGED,
                "the key file " + path + " is damaged (" + why
                + "); restore it from backup — without it the stored AWS secret keys cannot be decrypted");
    }

    private static byte[] render(String currentId, Map<String, byte[]> keys) {
        StringBuilder text = new StringBuilder()
                .append("# AWS Connectors for Jira: the keys that encrypt the stored AWS secret keys.\n")
                .append("# Back this file up with the database and keep it owner-only (chmod 600); without it\n")
                .append("# the stored secrets cannot be decrypted. Do not edit; rotate from the app instead.\n")
                .append("format=1\n")
                .append("current=").append(currentId).append('\n');
        keys.forEach((id, key) -> text.append("key.").append(id).append('=')
                .append(Base64.getEncoder().encodeToString(key)).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text.setLength(0);
        return bytes;
    }

    private String newKeyId() {
        byte[] id = new byte[KEY_ID_BYTES];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private byte[] newKeyBytes() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    private static void wipe(Map<String, byte[]> raw) {
        raw.values().forEach(bytes -> Arrays.fill(bytes, (byte) 0));
    }

    private static OwnerOnlyFile.Version statOrMissing(OwnerOnlyFile file) {
        return stat(file).orElseThrow(() -> new SecretUnavailableException(
                SecretUnavailableException.Problem.KEY_FILE_MISSING, missingMessage(file.path())));
    }

    /** What identifies the file's content, so that a change by another node (a rotation) is noticed. */
    private static Optional<OwnerOnlyFile.Version> stat(OwnerOnlyFile file) {
        Path path = file.path();
        try {
            return file.version();
        } catch (IOException e) {
            throw new SecretUnavailableException(SecretUnavailableException.Problem.KEY_FILE_INACCESSIBLE,
                    "could not read the attributes of the key file " + path + " (" + e + "); check that the user "
                            + "running Jira may open its folder", e);
        }
    }

    private record Loaded(Path path, OwnerOnlyFile.Version stat, KeyRing ring) {
    }

    /** The keys of one reading of the file. Its {@code toString} shows ids only. */
    record KeyRing(String currentId, Map<String, SecretKey> keys) {

        KeyRing {
            keys = Map.copyOf(keys);
        }

        SecretKey current() {
            return keys.get(currentId);
        }

        Optional<SecretKey> key(String id) {
            return Optional.ofNullable(keys.get(id));
        }

        /** A modifiable copy of the raw bytes, sorted by id, for rewriting the file; the caller wipes it. */
        Map<String, byte[]> rawKeys() {
            Map<String, byte[]> raw = new LinkedHashMap<>();
            keys.keySet().stream().sorted().forEach(id -> raw.put(id, keys.get(id).getEncoded()));
            return raw;
        }

        @Override
        public String toString() {
            return "KeyRing[current=" + currentId + ", ids=" + keys.keySet().stream().sorted().toList() + "]";
        }
    }
}
