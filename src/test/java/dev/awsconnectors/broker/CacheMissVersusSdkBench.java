package dev.awsconnectors.broker;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * A cache miss through the broker against the same GetFederationToken made directly on the SDK client the broker
 * uses, in one JVM and interleaved: pair after pair, one miss and one raw call (their order alternating from pair
 * to pair), so that both see the same JIT state, garbage collector and machine load. Prints the median of the
 * per-pair ratios (miss ÷ raw) with their quartiles; the target is a median of at most 1.05.
 *
 * <p>The miss is a whole request: the connector read from H2, the access check, the cache's single flight, the STS
 * call over HTTP to the local AWS double and the audit event in the demo host's audit log ({@link BrokerOnH2Bench}).
 * Run by {@code mvn -Pbench} with {@code -Dbench.pairs} pairs after {@code -Dbench.warmupPairs} discarded ones.
 */
public final class CacheMissVersusSdkBench {
    private CacheMissVersusSdkBench() {
    }

    public static void main(String[] args) {
        int pairs = Integer.parseInt(System.getProperty("bench.pairs", "3000"));
        int warmupPairs = Integer.parseInt(System.getProperty("bench.warmupPairs", "1000"));
        try (BrokerOnH2Bench stage = new BrokerOnH2Bench()) {
            System.out.printf(Locale.ROOT, "Cache miss vs raw SDK call, interleaved: %,d warm-up pairs, then %,d "
                    + "measured pairs%n", warmupPairs, pairs);
            run(stage, warmupPairs);
            long before = stage.federationTokenCalls();
            double[][] measured = run(stage, pairs);
            long calls = stage.federationTokenCalls() - before;
            double[] ratios = measured[0];
            double[] misses = measured[1];
            double[] raws = measured[2];
            Arrays.sort(ratios);
            Arrays.sort(misses);
            Arrays.sort(raws);
            System.out.printf(Locale.ROOT, "  miss through the broker: p50 %.0f µs (p25 %.0f, p75 %.0f)%n",
                    quantile(misses, 0.5), quantile(misses, 0.25), quantile(misses, 0.75));
            System.out.printf(Locale.ROOT, "  raw SDK call:            p50 %.0f µs (p25 %.0f, p75 %.0f)%n",
                    quantile(raws, 0.5), quantile(raws, 0.25), quantile(raws, 0.75));
            System.out.printf(Locale.ROOT, "  miss / raw, per pair:    median %.3f (p25 %.3f, p75 %.3f; p10 %.3f, "
                            + "p90 %.3f); target: median at most 1.05%n",
                    quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75),
                    quantile(ratios, 0.1), quantile(ratios, 0.9));
            System.out.printf(Locale.ROOT, "  GetFederationToken calls the double received while measuring: %,d "
                    + "(expected %,d: every miss and every raw call)%n", calls, 2L * pairs);
            whatAMissAddsToAHit(stage, pairs);
        }
    }

    /**
     * The same, with a cache hit beside each miss and raw call (the three in an order rotated from triple to triple):
     * a hit does what every request does (the connector read, the access check, the audit event), so a miss minus
     * the hit next to it is what a miss does beyond that, here given as a share of the raw call. A second figure,
     * not the target's: the hits warm the connector read and the audit for the miss that follows them.
     */
    private static void whatAMissAddsToAHit(BrokerOnH2Bench stage, int triples) {
        double[] shares = new double[triples];
        double[] hits = new double[triples];
        long before = stage.federationTokenCalls();
        for (int i = 0; i < triples; i++) {
            long miss = 0;
            long raw = 0;
            long hit = 0;
            for (int step = 0; step < 3; step++) {
                switch ((i + step) % 3) {
                    case 0 -> miss = timeMiss(stage);
                    case 1 -> raw = timeRaw(stage);
                    default -> hit = timeHit(stage);
                }
            }
            shares[i] = (double) (miss - hit) / raw;
            hits[i] = hit / 1_000.0;
        }
        long calls = stage.federationTokenCalls() - before;
        Arrays.sort(shares);
        Arrays.sort(hits);
        System.out.printf(Locale.ROOT, "Beside a cache hit, %,d triples of a miss, a raw call and a hit:%n", triples);
        System.out.printf(Locale.ROOT, "  cache hit:               p50 %.0f µs (p25 %.0f, p75 %.0f)%n",
                quantile(hits, 0.5), quantile(hits, 0.25), quantile(hits, 0.75));
        System.out.printf(Locale.ROOT, "  (miss - hit) / raw:      median %.3f (p25 %.3f, p75 %.3f)%n",
                quantile(shares, 0.5), quantile(shares, 0.25), quantile(shares, 0.75));
        System.out.printf(Locale.ROOT, "  GetFederationToken calls the double received: %,d (expected %,d: no hit "
                + "called STS)%n", calls, 2L * triples);
    }

    private static long timeHit(BrokerOnH2Bench stage) {
        // Every miss leaves alice's credentials fresh on the cache's clock.
        long start = System.nanoTime();
        stage.aliceCredentials();
        return System.nanoTime() - start;
    }

    /** Per pair: the ratio, the miss's and the raw call's time in µs. */
    private static double[][] run(BrokerOnH2Bench stage, int pairs) {
        double[] ratios = new double[pairs];
        double[] misses = new double[pairs];
        double[] raws = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            long miss;
            long raw;
            if (i % 2 == 0) {
                miss = timeMiss(stage);
                raw = timeRaw(stage);
            } else {
                raw = timeRaw(stage);
                miss = timeMiss(stage);
            }
            misses[i] = miss / 1_000.0;
            raws[i] = raw / 1_000.0;
            ratios[i] = (double) miss / raw;
        }
        return new double[][] {ratios, misses, raws};
    }

    private static long timeMiss(BrokerOnH2Bench stage) {
        // A day on, alice's credentials (12 hours) are past their margin; the other users', valid for years, are not.
        // Then back, so that the credentials the miss fetched are fresh for a hit, and the clock never drifts.
        stage.cacheClock.advance(Duration.ofHours(24));
        long start = System.nanoTime();
        stage.aliceCredentials();
        long elapsed = System.nanoTime() - start;
        stage.cacheClock.advance(Duration.ofHours(-24));
        return elapsed;
    }

    private static long timeRaw(BrokerOnH2Bench stage) {
        long start = System.nanoTime();
        stage.rawSdkCall();
        return System.nanoTime() - start;
    }

    /** The {@code q} quantile of sorted values, interpolated between neighbours. */
    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
