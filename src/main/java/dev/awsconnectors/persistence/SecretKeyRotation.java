package dev.awsconnectors.persistence;

import dev.awsconnectors.crypto.KeyFile;
import org.springframework.stereotype.Component;

/**
 * Rotates the key that encrypts the stored AWS secret keys: a new key in the key file, every stored secret
 * re-encrypted with it in one transaction, then the keys no stored value uses removed from the file. If the
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
        String newKeyId = keyFile.rotate();
        int reEncrypted = accounts.reEncryptSecrets();
        // Read after the commit, so that a value another node wrote meanwhile keeps its key.
        keyFile.retire(accounts.keyIdsInUse());
        return new Result(newKeyId, reEncrypted);
    }
}
