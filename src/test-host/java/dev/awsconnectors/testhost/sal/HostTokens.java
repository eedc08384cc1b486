package dev.awsconnectors.testhost.sal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Jira's personal access tokens as the demo host knows them: read from a file ({@link #fromFile}) that people may
 * edit, one token per line, a user may have several lines:
 * <pre>
 * # name = token
 * alice = 3q2-7w...
 * </pre>
 * A request with {@code Authorization: Bearer <token>} is that user's. Tokens are compared in constant time: the
 * SHA-256 of the presented token is compared with that of every stored token, without stopping at a match.
 * The tokens are a demo's, in plain text: never put a real token in that file.
 */
public final class HostTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<Entry> entries;

    private HostTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * The tokens of {@code file}, which is created, when it does not exist, with a new random token for each of
     * {@code firstUsers}.
     *
     * @throws IllegalArgumentException naming the line that cannot be read
     */
    public static HostTokens fromFile(Path file, List<String> firstUsers) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                List<String> lines = new ArrayList<>(List.of(
                        "# Personal access tokens of the demo host (Authorization: Bearer <token>), one per line:",
                        "#   name = token",
                        "# A user may have several lines. Edit, then restart the demo. Never put a real token here."));
                for (String user : firstUsers) {
                    lines.add(user + " = " + newToken());
                }
                Files.write(file, lines, StandardCharsets.UTF_8);
            }
            List<Entry> entries = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int equals = line.indexOf('=');
                String name = equals < 0 ? "" : line.substring(0, equals).strip();
                String token = equals < 0 ? "" : line.substring(equals + 1).strip();
                if (name.isEmpty() || token.isEmpty()) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'name = token'");
                }
                entries.add(new Entry(name, token, sha256(token)));
            }
            return new HostTokens(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the tokens file " + file, e);
        }
    }

    /** A new random token: 32 bytes, URL-safe Base64 without padding. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The user the token belongs to; every stored token is compared, in constant time. */
    public Optional<String> userOf(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(token);
        String found = null;
        for (Entry entry : entries) {
            boolean equal = MessageDigest.isEqual(entry.hash(), presented);
            if (equal && found == null) {
                found = entry.user();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The tokens of a user, in the file's order (for printing at start). */
    public List<String> tokensOf(String userName) {
        return entries.stream().filter(e -> e.user().equalsIgnoreCase(userName)).map(Entry::token).toList();
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Entry(String user, String token, byte[] hash) {
    }
}
