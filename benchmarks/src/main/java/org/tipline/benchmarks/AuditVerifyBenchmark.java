package org.tipline.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tipline.model.audit.AuditChain;
import org.tipline.model.audit.AuditEntry;

/** Verifying the audit hash chain; the score is entries verified per second. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditVerifyBenchmark {

    private static final int ENTRIES = 100_000;

    private List<AuditChain.Stored> chain;

    @Setup
    public void setUp() {
        chain = new ArrayList<>(ENTRIES);
        byte[] previous = AuditChain.GENESIS;
        UUID tip = UUID.randomUUID();
        for (int i = 1; i <= ENTRIES; i++) {
            var entry = new AuditEntry(i, Instant.ofEpochSecond(1_700_000_000L + i), "casey", "TIP_OPENED", tip, "");
            previous = AuditChain.link(previous, entry);
            chain.add(new AuditChain.Stored(i, entry, previous));
        }
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public Optional<AuditChain.Failure> verify() {
        return AuditChain.verify(chain);
    }
}
