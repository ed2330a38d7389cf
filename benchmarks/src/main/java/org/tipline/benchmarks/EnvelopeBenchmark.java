package org.tipline.benchmarks;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tipline.model.crypto.Aead;
import org.tipline.model.crypto.Bytes;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.SealedField;
import org.tipline.model.crypto.TipLineKeyPair;

/** Sealing a tip (fresh data key, HPKE wrap, AES-256-GCM content) and opening it again, per suite and size. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvelopeBenchmark {

    @Param({"XWING", "X25519"})
    public HpkeSuite suite;

    @Param({"2048", "204800"})
    public int contentBytes;

    private TipLineKeyPair key;
    private byte[] content;
    private UUID tipId;
    private byte[] wrapped;
    private byte[] sealed;

    @Setup
    public void setUp() {
        key = TipLineKeyPair.generate(1, suite);
        content = Bytes.random(contentBytes);
        tipId = UUID.randomUUID();
        byte[] dataKey = Bytes.random(Aead.KEY_BYTES);
        wrapped = key.publicKey().wrapDataKey(tipId, dataKey);
        sealed = SealedField.seal(dataKey, tipId, "answers", 1, content);
    }

    @Benchmark
    public byte[][] seal() {
        byte[] dataKey = Bytes.random(Aead.KEY_BYTES);
        return new byte[][] {
            key.publicKey().wrapDataKey(tipId, dataKey), SealedField.seal(dataKey, tipId, "answers", 1, content)
        };
    }

    @Benchmark
    public byte[] open() {
        return SealedField.open(key.unwrapDataKey(tipId, wrapped), tipId, "answers", 1, sealed);
    }
}
