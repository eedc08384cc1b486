package dev.awsconnectors.broker;

import dev.awsconnectors.api.TemporaryCredentials;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * A cache hit as a REST request makes it, on one thread, everything but HTTP included: the connector and its
 * account read from Active Objects on H2 in memory, the access check, the cache (holding 9,990 other users'
 * credentials) and the audit event written to the demo host's audit log ({@link BrokerOnH2Bench}). Each iteration
 * starts a fresh audit log (see {@link BrokerOnH2Bench#newAuditLog()}) and ends by printing how many events it took
 * and how many calls the AWS double received in all (one: the first load).
 *
 * <p>Warm-up: 5 iterations of 2 s before 5 measured iterations of 3 s, in 1 fork (JIT, H2's statement cache and
 * the audit file are warm well before the first measured second); the application's INFO log lines are off, as in
 * Jira unless an administrator turns them on. The cache miss is measured against the raw SDK call by
 * {@link CacheMissVersusSdkBench}, in interleaved pairs, which a JMH mode cannot do.
 */
@State(Scope.Benchmark)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true",
        "-Dorg.slf4j.simpleLogger.log.dev.awsconnectors=warn"})
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
public class BrokerBenchmark {
    private BrokerOnH2Bench stage;

    @Setup(Level.Trial)
    public void start() {
        stage = new BrokerOnH2Bench();
        stage.aliceCredentials();
    }

    @Setup(Level.Iteration)
    public void freshAuditLog() {
        stage.newAuditLog();
    }

    @TearDown(Level.Iteration)
    public void report() {
        System.out.println("  audit events in this iteration: " + stage.auditedEvents()
                + "; GetFederationToken calls the double received so far: " + stage.federationTokenCalls());
    }

    @TearDown(Level.Trial)
    public void stop() {
        stage.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public TemporaryCredentials cacheHit() {
        return stage.aliceCredentials();
    }
}
