package dev.awsconnectors.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/** Writes key files by hand, as a restore from the wrong backup would. */
final class KeyFiles {

    private KeyFiles() {
    }

    static void write(Path path, String currentKeyId, byte[] key) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "format=1\ncurrent=" + currentKeyId + "\nkey." + currentKeyId + "="
                + Base64.getEncoder().encodeToString(key) + "\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    }
}
