package dev.awsconnectors.persistence;

import dev.awsconnectors.crypto.KeyFile;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;

/**
 * Rotates the key that encrypts the stored AWS secret keys: a new key in the key file, every stored secret
 * re-encrypted with it in one transaction, then the keys no stored value uses removed from the file, except the
 * key that was current until now, which goes at the next rotation. If the
 * re-encryption fails, the old keys stay in the file and every value stays readable; running it again finishes
 * the job.
 */
@Component
public class SecretKeyRotation {
    private final KeyFile keyFile;
    private final AccountRepository accounts;

    public SecretKeyRotation(KeyFile keyFile, AccountRepository accounts) {
        this.keyFile = keyFile;
        this.accounts = accounts;
    }

    /** What one rotation did. */
    public record Result(String newKeyId, int reEncryptedSecrets) {
    }

    public Result rotate() {
        String previousKeyId = keyFile.currentKeyId(false);
        String newKeyId = keyFile.rotate();
        int reEncrypted = accounts.reEncryptSecrets();
        // Read after the commit, so that a value another node wrote meanwhile keeps its key. The key that was
        // current until now is kept until the next rotation: another node may still be encrypting with it, having
        // read the key file just before this rotation.
        Set<String> keep = new HashSet<>(accounts.keyIdsInUse());
        keep.add(previousKeyId);
        keyFile.retire(keep);
        return new Result(newKeyId, reEncrypted);
    }
}
