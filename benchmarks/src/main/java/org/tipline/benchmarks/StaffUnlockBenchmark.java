package org.tipline.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tipline.model.crypto.Argon2idParameters;
import org.tipline.model.crypto.HpkeKeyPair;
import org.tipline.model.crypto.StaffKeyMaterial;

/** Time for one staff sign-in's Argon2id derivation and personal-key unlock, at the default parameters. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StaffUnlockBenchmark {

    private static final char[] PASSWORD = "a long staff passphrase".toCharArray();

    private StaffKeyMaterial staff;

    @Setup
    public void setUp() {
        staff = StaffKeyMaterial.create("casey", PASSWORD, Argon2idParameters.STAFF_PASSWORD);
    }

    @Benchmark
    public HpkeKeyPair unlock() {
        return staff.unlock("casey", PASSWORD);
    }
}
