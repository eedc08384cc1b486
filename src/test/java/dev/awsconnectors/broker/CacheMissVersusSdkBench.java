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
        }
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
        // Twelve hours on, alice's credentials are past their margin; the other users', valid for years, are not.
        stage.cacheClock.advance(Duration.ofHours(12));
        long start = System.nanoTime();
        stage.aliceCredentials();
        return System.nanoTime() - start;
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
