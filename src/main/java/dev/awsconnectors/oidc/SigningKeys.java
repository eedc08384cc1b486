package dev.awsconnectors.oidc;

import com.atlassian.sal.api.ApplicationProperties;
import dev.awsconnectors.files.NameValueLines;
import dev.awsconnectors.files.OwnerOnlyFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The RSA-2048 key pairs the app signs its identity tokens with, kept in a file beside the secret key file.
 *
 * <h2>Where</h2>
 * {@code <shared home>/aws-connectors/oidc-signing-keys}, so that every Data Center node signs with and publishes
 * the same keys; {@code <local home>/…} on a server without a shared home.
 *
 * <h2>Format</h2>
 * UTF-8 text, owner-only ({@code rw-------}); {@code #} lines are comments:
 * <pre>
 * format=1
 * key.&lt;kid&gt;=&lt;state&gt; &lt;published, epoch seconds&gt; &lt;retire, epoch seconds or -&gt; &lt;base64 PKCS#8 private key&gt;
 * </pre>
 * A file readable or writable by group or others is refused (another local user could sign tokens AWS trusts), as
 * is a damaged one; neither is ever replaced. Unlike the secret key file, a missing file is created on first use:
 * losing it loses no data, it only means tokens signed before are no longer verifiable (and the new key is
 * published at once).
 *
 * <h2>Writes</h2>
 * The file is created by writing an owner-only temporary file in full and hard-linking it to its name, which fails
 * if the name exists: of two nodes creating it together exactly one wins and both use the winner's keys. Changes
 * ({@link #rotate}, {@link #maintain}) rewrite it atomically (a temporary file renamed over it) while holding
 * {@code oidc-signing-keys.lock}, created exclusively beside it. Every read compares the file's identity, size and
 * modification time with what was read before and re-reads it when another node changed it.
 *
 * <h2>Rotation</h2>
 * {@link #rotate} adds a {@link KeyState#NEXT} key, published but not yet signing. {@link #maintain} makes it
 * {@link KeyState#CURRENT} once it has been published for {@link #PUBLICATION_LEAD}, turning the current key into a
 * {@link KeyState#PREVIOUS} one that stays published until every token it signed has expired
 * ({@link #MAX_TOKEN_LIFETIME} plus {@link #CLOCK_SKEW}), after which {@link #maintain} drops it.
 */
final class SigningKeys {
    static final String DIRECTORY = "aws-connectors";
    static final String FILE_NAME = "oidc-signing-keys";

    /**
     * How long a new key is published before it signs. AWS does not document whether or how long it caches an
     * issuer's JWKS; an hour lets any cache of the earlier JWKS (and every node's copy of the file) be refreshed
     * before the first token signed with the new key arrives.
     */
    static final Duration PUBLICATION_LEAD = Duration.ofHours(1);
    /** The longest lifetime a token may be minted with ({@link TokenClaims} refuses longer). */
    static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(1);
    /** AWS accepts tokens about five minutes beyond their {@code exp}. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    private static final int KEY_BITS = 2048;
    /** 128 bits of the public key's SHA-256: unique among a handful of keys, short in every token header. */
    private static final int KID_BYTES = 16;

    private final ApplicationProperties applicationProperties;
    private final Clock clock;
    private final SecureRandom random;
    /** What was last read, with the file attributes it was read under; replaced whole, never mutated. */
    private volatile Loaded loaded;

    SigningKeys(ApplicationProperties applicationProperties, Clock clock, SecureRandom random) {
        this.applicationProperties = Objects.requireNonNull(applicationProperties, "applicationProperties");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The key file: in the shared home, or the local home when Jira has no shared home. */
    Path path() {
        Path home = applicationProperties.getSharedHomeDirectory()
                .or(applicationProperties::getLocalHomeDirectory)
                .orElseThrow(() -> new IllegalStateException(
                        "Jira reports neither a shared nor a local home directory, so there is nowhere to keep "
                                + "the keys that sign identity tokens"));
        return home.resolve(DIRECTORY).resolve(FILE_NAME);
    }

    /** Every key in the file (next, current, previous), created with one current key if there is none yet. */
    List<SigningKey> keys() {
        OwnerOnlyFile file = file();
        Path path = file.path();
        Optional<OwnerOnlyFile.Version> stat = stat(file);
        if (stat.isEmpty()) {
            create(file);
            stat = Optional.of(stat(file).orElseThrow(() -> new IllegalStateException(
                    "the signing key file " + path + " vanished right after it was created")));
        }
        Loaded last = loaded;
        if (last != null && last.path().equals(path) && last.stat().equals(stat.get())) {
            return last.keys();
        }
        List<SigningKey> keys = read(file, stat.get());
        loaded = new Loaded(path, stat.get(), keys);
        return keys;
    }

    /** The key that signs new tokens, after {@link #maintain()}. */
    SigningKey current() {
        maintain();
        return keys().stream().filter(key -> key.state() == KeyState.CURRENT).findFirst()
                .orElseThrow(() -> new IllegalStateException("no current key in " + path()));
    }

    /**
     * Adds a {@link KeyState#NEXT} key, published from now and signing once {@link #maintain()} promotes it. When a
     * next key is already waiting, it stays and no other is added, so that repeated rotations do not pile up keys.
     *
     * @return the next key's id
     */
    String rotate() {
        return publishNext().next().kid();
    }

    /** As {@link #rotate()}, saying whether this call published the next key or found it waiting. */
    KeyRotation publishNext() {
        OwnerOnlyFile file = file();
        keys();
        return file.underLock(() -> {
            List<SigningKey> keys = new ArrayList<>(read(file, statOrFail(file)));
            Optional<SigningKey> waiting = keys.stream().filter(key -> key.state() == KeyState.NEXT).findFirst();
            if (waiting.isPresent()) {
                return new KeyRotation(PublishedKey.of(waiting.get()), false);
            }
            SigningKey next = newKey(KeyState.NEXT, clock.instant());
            keys.add(next);
            file.replace(render(keys));
            LOG.info("Added the next signing key {} to {}; it signs tokens from {} on", next.kid(), file.path(),
                    next.publishedAt().plus(PUBLICATION_LEAD));
            return new KeyRotation(PublishedKey.of(next), true);
        });
    }

    /**
     * Promotes a next key published for at least {@link #PUBLICATION_LEAD} to current, the current one becoming
     * previous until its tokens have expired, and drops previous keys whose tokens have all expired. Writes the
     * file only when something is due, so that the usual call costs one file attribute read.
     */
    void maintain() {
        Instant now = clock.instant();
        if (!due(keys(), now)) {
            return;
        }
        OwnerOnlyFile file = file();
        file.underLock(() -> {
            List<SigningKey> keys = read(file, statOrFail(file));
            if (due(keys, now)) {
                file.replace(render(maintained(keys, now)));
            }
            return null;
        });
    }

    private static boolean due(List<SigningKey> keys, Instant now) {
        return keys.stream().anyMatch(key -> promotable(key, now) || retired(key, now));
    }

    private static boolean promotable(SigningKey key, Instant now) {
        return key.state() == KeyState.NEXT && !now.isBefore(key.publishedAt().plus(PUBLICATION_LEAD));
    }

    private static boolean retired(SigningKey key, Instant now) {
        return key.state() == KeyState.PREVIOUS && key.retireAt().map(at -> !now.isBefore(at)).orElse(true);
    }

    private static List<SigningKey> maintained(List<SigningKey> keys, Instant now) {
        Optional<SigningKey> promoted = keys.stream().filter(key -> promotable(key, now)).findFirst();
        Optional<Instant> retireAt = Optional.of(now.plus(MAX_TOKEN_LIFETIME).plus(CLOCK_SKEW));
        List<SigningKey> result = new ArrayList<>();
        for (SigningKey key : keys) {
            if (retired(key, now)) {
                LOG.info("Dropped the signing key {}: every token it signed has expired", key.kid());
            } else if (promoted.isPresent() && key.equals(promoted.get())) {
                result.add(key.withState(KeyState.CURRENT, Optional.empty()));
                LOG.info("The signing key {} signs from now on", key.kid());
            } else if (promoted.isPresent() && key.state() == KeyState.CURRENT) {
                result.add(key.withState(KeyState.PREVIOUS, retireAt));
            } else {
                result.add(key);
            }
        }
        return result;
    }

    private SigningKey newKey(KeyState state, Instant publishedAt) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS, random);
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
            RSAPublicKey publicKey = publicKeyOf(privateKey);
            // Whole seconds: the file keeps epoch seconds, and a key must read back equal to the one written.
            return new SigningKey(kidOf(publicKey), state, Instant.ofEpochSecond(publishedAt.getEpochSecond()),
                    Optional.empty(), privateKey, publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot generate RSA keys", e);
        }
    }

    /** Base64url (no padding) of the first 128 bits of the SHA-256 of the public key's X.509 (DER) encoding. */
    static String kidOf(RSAPublicKey publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, KID_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    private static RSAPublicKey publicKeyOf(RSAPrivateCrtKey privateKey) throws GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
    }

    private OwnerOnlyFile file() {
        return new OwnerOnlyFile(path(), "signing key file", "signing key rotation");
    }

    private void create(OwnerOnlyFile file) {
        byte[] content = render(List.of(newKey(KeyState.CURRENT, clock.instant())));
        try {
            if (file.createIfAbsent(content)) {
                LOG.info("Created the signing key file {} with a new key", file.path());
            }
            // Otherwise another node (or thread) created it first: its key is the one; ours is discarded unused.
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the signing key file " + file.path() + " ("
                    + e.getMessage() + "); check that the user running Jira may write to " + file.path().getParent(),
                    e);
        }
    }

    private static List<SigningKey> read(OwnerOnlyFile file, OwnerOnlyFile.Version stat) {
        Path path = file.path();
        try {
            return file.read(stat, permissions -> new IllegalStateException("the signing key file " + path
                    + " can be read or written by users other than its owner (" + permissions
                    + "); others may sign tokens AWS trusts — restrict it with chmod 600 " + path
                    + " and rotate the signing key"), text -> parse(path, text));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the signing key file " + path + " (" + e.getMessage()
                    + "); check that the user running Jira owns it and can read it", e);
        }
    }

    /** Messages name the line number only: a damaged line may still hold key material. */
    private static List<SigningKey> parse(Path path, String text) {
        String format = null;
        List<SigningKey> keys = new ArrayList<>();
        for (NameValueLines.Line line : NameValueLines.of(text, why -> damaged(path, why))) {
            String name = line.name();
            String value = line.value();
            if (name.equals("format") && format == null) {
                format = value;
            } else if (name.startsWith("key.")) {
                SigningKey key = parseKey(path, line.number(), name.substring(4), value);
                if (keys.stream().anyMatch(other -> other.kid().equals(key.kid()))) {
                    throw damaged(path, "line " + line.number() + " repeats a key");
                }
                keys.add(key);
            } else {
                throw damaged(path, "line " + line.number() + " is not understood or is repeated");
            }
        }
        if (!"1".equals(format)) {
            throw damaged(path, "it has no format=1 line");
        }
        if (keys.stream().filter(key -> key.state() == KeyState.CURRENT).count() != 1) {
            throw damaged(path, "it does not have exactly one current key");
        }
        keys.sort(Comparator.comparing(SigningKey::state));
        return List.copyOf(keys);
    }

    private static SigningKey parseKey(Path path, int lineNumber, String kid, String value) {
        String[] fields = value.split(" ");
        if (fields.length != 4) {
            throw damaged(path, "line " + lineNumber + " does not have four fields");
        }
        byte[] der = null;
        try {
            KeyState state = KeyState.valueOf(fields[0]);
            Instant publishedAt = Instant.ofEpochSecond(Long.parseLong(fields[1]));
            Optional<Instant> retireAt = fields[2].equals("-") ? Optional.empty()
                    : Optional.of(Instant.ofEpochSecond(Long.parseLong(fields[2])));
            der = Base64.getDecoder().decode(fields[3]);
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
            RSAPublicKey publicKey = publicKeyOf(privateKey);
            if (!kidOf(publicKey).equals(kid)) {
                throw damaged(path, "the key on line " + lineNumber + " does not match its id");
            }
            return new SigningKey(kid, state, publishedAt, retireAt, privateKey, publicKey);
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            // Not chained: decoders' messages may quote the offending characters.
            throw damaged(path, "the key on line " + lineNumber + " cannot be read");
        } finally {
            if (der != null) {
                Arrays.fill(der, (byte) 0);
            }
        }
    }

    private static IllegalStateException damaged(Path path, String why) {
        return new IllegalStateException("the signing key file " + path + " is damaged (" + why
                + "); delete it to have new signing keys created and published (tokens signed before are then "
                + "no longer accepted)");
    }

    private static byte[] render(List<SigningKey> keys) {
        StringBuilder text = new StringBuilder()
                .append("# AWS Connectors for Jira: the keys that sign identity tokens for AWS.\n")
                .append("# Keep it owner-only (chmod 600). Do not edit; rotate from the app instead.\n")
                .append("format=1\n");
        for (SigningKey key : keys) {
            text.append("key.").append(key.kid()).append('=').append(key.state().name())
                    .append(' ').append(key.publishedAt().getEpochSecond())
                    .append(' ').append(key.retireAt().map(at -> Long.toString(at.getEpochSecond())).orElse("-"))
                    .append(' ').append(Base64.getEncoder().encodeToString(key.privateKey().getEncoded()))
                    .append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text.setLength(0);
        return bytes;
    }

    private static OwnerOnlyFile.Version statOrFail(OwnerOnlyFile file) {
        return stat(file).orElseThrow(() -> new IllegalStateException("the signing key file " + file.path()
                + " disappeared while it was being changed"));
    }

    /** What identifies the file's content, so that a change by another node (a rotation) is noticed. */
    private static Optional<OwnerOnlyFile.Version> stat(OwnerOnlyFile file) {
        Path path = file.path();
        try {
            return file.version();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the attributes of the signing key file " + path
                    + "; check that the user running Jira may open its folder", e);
        }
    }

    private record Loaded(Path path, OwnerOnlyFile.Version stat, List<SigningKey> keys) {
    }
}
