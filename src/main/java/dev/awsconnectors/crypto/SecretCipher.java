package dev.awsconnectors.crypto;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Encrypts the secrets the app stores (the accounts' AWS secret access keys) with AES-256-GCM under the keys of
 * the {@link KeyFile}.
 *
 * <h2>Stored format</h2>
 * {@code awsc1:<keyId>:<base64url without padding of (nonce || ciphertext || tag)>}, for example
 * {@code awsc1:3f9a0c17:q83v…}: {@code awsc1} is the format version, {@code keyId} the 8 hex digits of the key it
 * was encrypted with (readable without any key, so rotation knows which values still need an old key), the nonce
 * 12 fresh random bytes per encryption and the tag 16 bytes. The associated data is the {@link SecretContext}, so
 * a value copied to another row or field fails authentication. Random 96-bit nonces are safe for far more than
 * the 2<sup>32</sup> encryptions per key NIST allows; the app makes a handful per account edit.
 *
 * <h2>Failure</h2>
 * Every failure is a {@link SecretUnavailableException} that says what to restore; never a {@code null}, an empty
 * string or a wrong value. No message contains the plaintext, the stored value or key material.
 *
 * <h2>Key file creation</h2>
 * {@link #encrypt(String, SecretContext)} refuses to create a missing key file, since a new key cannot decrypt
 * the values already stored. The storage passes {@code createKeyFileIfMissing = true} to
 * {@link #encrypt(String, SecretContext, boolean)} only for a secret an admin has just entered, which is how a lost
 * key file is recovered from (see {@link KeyFile}); re-encryption during a key rotation never creates one.
 *
 * <p>Rotation: see {@link KeyFile}.
 */
@Component
public class SecretCipher {

    static final String FORMAT = "awsc1";
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final Pattern STORED = Pattern.compile(FORMAT + ":([0-9a-f]{8}):([A-Za-z0-9_-]+)");
    private static final Pattern KEY_ID_PREFIX = Pattern.compile(FORMAT + ":([0-9a-f]{8}):.*", Pattern.DOTALL);

    private final KeyFile keyFile;
    private final SecureRandom random;

    @Autowired
    public SecretCipher(KeyFile keyFile) {
        this(keyFile, new SecureRandom());
    }

    /** Lets tests make the nonces repeatable. */
    SecretCipher(KeyFile keyFile, SecureRandom random) {
        this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Where the key file is, relative to Jira's home; see {@link KeyFile#location()}. */
    public String keyFileLocation() {
        return keyFile.location();
    }

    /**
     * Encrypts a secret under the current key, which must exist.
     *
     * @param plaintext the secret; not empty
     * @throws SecretUnavailableException if the key file is missing, unsafe or damaged
     */
    public String encrypt(String plaintext, SecretContext context) {
        return encrypt(plaintext, context, false);
    }

    /**
     * Encrypts a secret under the current key.
     *
     * @param plaintext              the secret; not empty
     * @param createKeyFileIfMissing whether a missing key file may be created; {@code true} only for a secret an
     *                               admin has just entered
     * @throws SecretUnavailableException if the key file is missing (and may not be created), unsafe or damaged
     */
    public String encrypt(String plaintext, SecretContext context, boolean createKeyFileIfMissing) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(context, "context");
        if (plaintext.isEmpty()) {
            // Refused so that a successful decryption never yields an empty secret.
            throw new IllegalArgumentException("an empty secret is not stored");
        }
        KeyFile.KeyRing ring = keyFile.keyRing(createKeyFileIfMissing);
        byte[] clear = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, ring.current(), new GCMParameterSpec(TAG_BYTES * Byte.SIZE, nonce));
            cipher.updateAAD(context.associatedData());
            byte[] encrypted = cipher.doFinal(clear);
            byte[] sealed = ByteBuffer.allocate(NONCE_BYTES + encrypted.length).put(nonce).put(encrypted).array();
            return FORMAT + ':' + ring.currentId() + ':' + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            // AES-GCM is mandatory in every JDK; this means a broken crypto provider, not bad input.
            throw new IllegalStateException("the JDK could not encrypt with " + TRANSFORMATION, e);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    /**
     * Decrypts a stored value.
     *
     * @throws SecretUnavailableException if the value is not in a known format, its key is not in the key file,
     *                                    the key file is missing, unsafe or damaged, or the value fails
     *                                    authentication (a different key file, an altered value, or a value copied
     *                                    from another row or field)
     */
    public String decrypt(String stored, SecretContext context) {
        byte[] clear = open(stored, context);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(clear))
                    .toString();
        } catch (CharacterCodingException e) {
            // Authenticated, so written by this app; cannot happen unless the UTF-8 encoder itself is broken.
            throw new SecretUnavailableException(SecretUnavailableException.Problem.NOT_AUTHENTIC,
                    "cannot decrypt the " + context.describe() + ": the decrypted value is not UTF-8 text");
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    /**
     * Checks that a stored value can be decrypted now, as {@link #decrypt} would, without turning the secret into
     * a {@code String} (which could not be wiped): for showing admins which secrets cannot be read.
     *
     * @throws SecretUnavailableException as {@link #decrypt} does
     */
    public void verify(String stored, SecretContext context) {
        Arrays.fill(open(stored, context), (byte) 0);
    }

    /** The authenticated plaintext bytes of a stored value; the caller wipes them. */
    private byte[] open(String stored, SecretContext context) {
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(context, "context");
        Matcher matcher = STORED.matcher(stored);
        if (!matcher.matches()) {
            throw unknownFormat(context);
        }
        String keyId = matcher.group(1);
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(matcher.group(2));
        } catch (IllegalArgumentException e) {
            // Not chained: the decoder's message quotes part of the value.
            throw unknownFormat(context);
        }
        if (sealed.length < NONCE_BYTES + TAG_BYTES + 1) {
            throw unknownFormat(context);
        }
        KeyFile.KeyRing ring = keyFile.keyRing(false);
        SecretKey key = ring.key(keyId).orElseThrow(() -> new SecretUnavailableException(
                SecretUnavailableException.Problem.KEY_NOT_IN_FILE, "cannot decrypt the " + context.describe()
                        + ": " + KeyFile.unknownKeyMessage(keyId, keyFile.path())));
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BYTES * Byte.SIZE, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(context.associatedData());
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SecretUnavailableException(SecretUnavailableException.Problem.NOT_AUTHENTIC,
                    "cannot decrypt the " + context.describe()
                    + ": it fails authentication with key " + keyId + " from " + keyFile.path()
                    + ". Either that file was replaced by a different one — restore the key file from backup — or "
                    + "the stored value was altered or copied from another row or field; enter the secret again");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK could not decrypt with " + TRANSFORMATION, e);
        }
    }

    /**
     * The id of the key a stored value was encrypted with, read without any key.
     *
     * @throws SecretUnavailableException if the value is not in a known format
     */
    public String keyIdOf(String stored) {
        Objects.requireNonNull(stored, "stored");
        Matcher matcher = KEY_ID_PREFIX.matcher(stored);
        if (!matcher.matches()) {
            throw new SecretUnavailableException(SecretUnavailableException.Problem.UNKNOWN_FORMAT,
                    "a stored value is not in a format this version of the app "
                    + "understands (expected " + FORMAT + ":<key id>:…)");
        }
        return matcher.group(1);
    }

    /**
     * Whether a stored value is under a key other than the current one, and so must be re-encrypted before that
     * key can be retired.
     *
     * @throws SecretUnavailableException if the value is not in a known format or the key file is missing, unsafe
     *                                    or damaged
     */
    public boolean needsReEncryption(String stored) {
        return !keyIdOf(stored).equals(keyFile.currentKeyId(false));
    }

    /**
     * The value encrypted under the current key with a fresh nonce, or the value itself if it already is under the
     * current key. Either way it is decrypted first, so a value that could not be decrypted later is reported now,
     * while its old key is still there.
     *
     * @throws SecretUnavailableException as {@link #decrypt} does
     */
    public String reEncrypt(String stored, SecretContext context) {
        String plaintext = decrypt(stored, context);
        if (!needsReEncryption(stored)) {
            return stored;
        }
        return encrypt(plaintext, context);
    }

    private static SecretUnavailableException unknownFormat(SecretContext context) {
        return new SecretUnavailableException(SecretUnavailableException.Problem.UNKNOWN_FORMAT,
                "cannot decrypt the " + context.describe() + ": the stored value is "
                + "not in a format this version of the app understands (expected " + FORMAT + ":<key id>:…); "
                + "it was not written by this app or was altered — enter the secret again");
    }
}
