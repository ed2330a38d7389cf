package org.tipline.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.linking.BlindIndex;
import org.tipline.model.linking.Normalizers;

/** Normalizing a typed plate and computing its blind index. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BlindIndexBenchmark {

    private BlindIndex plates;

    @Setup
    public void setUp() {
        plates = BlindIndex.forKind(BlindIndex.Kind.PLATE, TipLineKeyPair.generate(1, HpkeSuite.XWING));
    }

    @Benchmark
    public int plateIndex() {
        return plates.of(Normalizers.plate("ct", "ab-1234").orElseThrow());
    }
}
