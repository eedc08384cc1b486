package dev.awsconnectors.testhost.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo site's base URL, the one Jira's administrators configure and every Data Center node reports as canonical
 * (tokens' issuer, links in sign-in URLs): node 1's address, recorded in the shared home as Jira keeps it in its
 * database, so node 2 reports it too while it listens on a port of its own.
 */
final class SiteUrl {
    static final String FILE = "base-url.txt";

    private SiteUrl() {
    }

    /** Node 1: its own address becomes the site's base URL. */
    static URI recordedBy(Path home, URI nodeOne) {
        try {
            Files.writeString(home.resolve(FILE), nodeOne + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + home.resolve(FILE), e);
        }
        return nodeOne;
    }

    /** Node 2: the base URL node 1 recorded. */
    static URI of(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.exists(file)) {
            throw new IllegalStateException("Node 2 reports node 1's base URL as the site's, but " + file
                    + " does not exist: start node 1 first");
        }
        try {
            return URI.create(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
