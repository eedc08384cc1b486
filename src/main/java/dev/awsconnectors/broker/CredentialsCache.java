package dev.awsconnectors.broker;

import dev.awsconnectors.api.TemporaryCredentials;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Temporary credentials, kept on this node until shortly before they expire.
 *
 * <ul>
 *   <li><b>Refresh margin</b>: an entry is used until 5 minutes before expiry, or a tenth of its lifetime before
 *       expiry when that is shorter, so a caller never receives credentials about to lapse.</li>
 *   <li><b>Single flight</b>: concurrent requests for the same key wait for one STS call and share its result (or
 *       its failure); failures are not cached.</li>
 *   <li><b>Bounded</b>: at most {@code maxEntries}; past that, lapsed entries go first, then the oldest, down to
 *       90% of the bound.</li>
 *   <li><b>Never stale</b>: keys carry the connector's and account's versions as read from the database for each
 *       request, so an edit on any Data Center node misses the cache; entries of replaced versions are dropped.</li>
 * </ul>
 * Nothing here is written to disk or logged: the values hold secrets.
 */
@Component
public class CredentialsCache {
    /** Enough for every user of a large instance on a handful of connectors; a few MB at most. */
    static final int DEFAULT_MAX_ENTRIES = 10_000;
    private static final Duration MAX_REFRESH_MARGIN = Duration.ofMinutes(5);
    /** From this lifetime on, a tenth of it is at least {@link #MAX_REFRESH_MARGIN}. */
    private static final Duration LIFETIME_OF_MAX_MARGIN = MAX_REFRESH_MARGIN.multipliedBy(10);

    private final Clock clock;
    private final int maxEntries;
    private final Map<CredentialsKey, Entry> entries = new ConcurrentHashMap<>();
    /** The newest configuration seen per connector, so entries of older ones are dropped once, not per miss. */
    private final Map<UUID, CredentialsKey> newestConfiguration = new ConcurrentHashMap<>();

    public CredentialsCache() {
        this(Clock.systemUTC(), DEFAULT_MAX_ENTRIES);
    }

    CredentialsCache(Clock clock, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /**
     * The cached credentials for {@code key} if they are outside their refresh margin, otherwise the result of
     * {@code load}, which at most one thread runs for a key at a time.
     *
     * @throws RuntimeException whatever {@code load} threw, to every caller that waited for it
     */
    TemporaryCredentials get(CredentialsKey key, Supplier<TemporaryCredentials> load) {
        Entry existing = entries.get(key);
        if (existing != null && existing.isUsable(clock.instant())) {
            return existing.await();
        }
        Entry mine = new Entry(clock.instant());
        Entry winner = entries.compute(key, (k, current) ->
                current != null && (current.isLoading() || current.isUsable(clock.instant())) ? current : mine);
        if (winner != mine) {
            return winner.await();
        }
        Loaded loaded;
        try {
            // Inside the try: waiters must never be left with an entry that stays loading.
            loaded = mine.loadedFrom(load.get());
        } catch (RuntimeException | Error e) {
            entries.remove(key, mine);
            mine.result.completeExceptionally(e);
            throw e;
        }
        mine.result.complete(loaded);
        dropOlderConfigurationsThan(key);
        keepWithinBound();
        return loaded.credentials();
    }

    /** How many entries are held, loading or loaded. */
    int size() {
        return entries.size();
    }

    /** Forgets everything, for example when the plugin is disabled. */
    public void clear() {
        entries.clear();
        newestConfiguration.clear();
    }

    /**
     * After an edit, the first load under the new configuration drops the entries of the old one (they can never be
     * hit again and hold secrets). A slow request that read the old configuration drops nothing newer.
     */
    private void dropOlderConfigurationsThan(CredentialsKey key) {
        CredentialsKey newest = newestConfiguration.merge(key.connectorId(), key,
                (known, candidate) -> candidate.isNewerConfigurationThan(known) ? candidate : known);
        if (newest == key) {
            entries.entrySet().removeIf(e -> key.isNewerConfigurationThan(e.getKey()) && !e.getValue().isLoading());
        }
    }

    /**
     * Past the bound, drops lapsed entries, then the oldest down to 90% of the bound, so that the scan is paid once
     * per many misses. An entry is removed only if it is still the one that was looked at, so a load that started
     * meanwhile under the same key is never thrown away.
     */
    private void keepWithinBound() {
        if (entries.size() <= maxEntries) {
            return;
        }
        Instant now = clock.instant();
        entries.entrySet().removeIf(e -> !e.getValue().isLoading() && !e.getValue().isUsable(now));
        int excess = entries.size() - (maxEntries - maxEntries / 10);
        if (excess > 0) {
            entries.entrySet().stream()
                    .filter(e -> !e.getValue().isLoading())
                    .sorted(Comparator.comparing(e -> e.getValue().loadedAt))
                    .limit(excess)
                    .collect(Collectors.toList())
                    .forEach(e -> entries.remove(e.getKey(), e.getValue()));
        }
    }

    /** One key's credentials, or the promise of them while the STS call runs. */
    private static final class Entry {
        private final Instant loadedAt;
        private final CompletableFuture<Loaded> result = new CompletableFuture<>();

        Entry(Instant loadedAt) {
            this.loadedAt = loadedAt;
        }

        Loaded loadedFrom(TemporaryCredentials credentials) {
            return new Loaded(credentials, refreshAt(loadedAt, credentials.getExpiration()));
        }

        boolean isLoading() {
            return !result.isDone();
        }

        boolean isUsable(Instant now) {
            if (!result.isDone() || result.isCompletedExceptionally()) {
                return false;
            }
            return now.isBefore(result.join().refreshAt());
        }

        TemporaryCredentials await() {
            try {
                return result.join().credentials();
            } catch (CompletionException e) {
                // The loading thread's failure, rethrown as itself so callers see the API's exceptions.
                if (e.getCause() instanceof RuntimeException) {
                    throw (RuntimeException) e.getCause();
                }
                if (e.getCause() instanceof Error) {
                    throw (Error) e.getCause();
                }
                throw e;
            }
        }
    }

    /**
     * Loaded credentials with the moment they stop being handed out, worked out once when they arrive rather than on
     * every lookup: every request, hit or miss, asks whether an entry is still usable.
     */
    private record Loaded(TemporaryCredentials credentials, Instant refreshAt) {
    }

    /** The refresh margin before {@code expiration}: a tenth of the lifetime, at most 5 minutes. */
    private static Instant refreshAt(Instant loadedAt, Instant expiration) {
        Duration lifetime = Duration.between(loadedAt, expiration);
        // Only a shorter lifetime needs the division, which Duration does in BigDecimal.
        Duration margin = lifetime.compareTo(LIFETIME_OF_MAX_MARGIN) >= 0 ? MAX_REFRESH_MARGIN : lifetime.dividedBy(10);
        return expiration.minus(margin);
    }
}
