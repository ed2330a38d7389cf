package org.tipline.model.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id cost settings. Stored beside everything derived with them, so raising the defaults never locks anyone
 * out. The floor is OWASP's minimum (19 MiB, 2 passes).
 */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism) {

    public static final int MIN_MEMORY_KIB = 19 * 1024;
    public static final int MIN_ITERATIONS = 2;

    /** The staff-password default: 128 MiB, 3 passes, 1 lane; about half a second on this 2-core machine. */
    public static final Argon2idParameters STAFF_PASSWORD = new Argon2idParameters(128 * 1024, 3, 1);

    public Argon2idParameters {
        if (memoryKiB < MIN_MEMORY_KIB || iterations < MIN_ITERATIONS || parallelism < 1) {
            throw new CryptoException("Argon2id parameters below the OWASP minimum (m >= 19 MiB, t >= 2, p >= 1)");
        }
    }

    public byte[] derive(char[] secret, byte[] salt, int outputBytes) {
        var generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] out = new byte[outputBytes];
        byte[] secretBytes = toUtf8(secret);
        try {
            generator.generateBytes(secretBytes, out);
        } finally {
            Arrays.fill(secretBytes, (byte) 0);
        }
        return out;
    }

    private static byte[] toUtf8(char[] chars) {
        var buffer = java.nio.charset.StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(chars));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }
}
