package org.tipline.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Known answers, shared with the browser's copy of the function (intake-web's proof-of-work worker, checked against
 * the same file by {@code BalloonWorkerVectorsTest}): a server and a browser that disagree would refuse every
 * genuine proof of work.
 */
class BalloonHashTest {

    record Vector(String password, String salt, int space, int time, int delta, String digest) {}

    record Vectors(String about, List<Vector> vectors) {}

    static List<Vector> vectors() throws IOException {
        try (InputStream in = BalloonHashTest.class.getResourceAsStream("/balloon-hash-vectors.json")) {
            return JsonMapper.builder().build().readValue(in, Vectors.class).vectors();
        }
    }

    @Test
    void matchesEveryKnownAnswer() throws IOException {
        List<Vector> vectors = vectors();
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(4);
        for (Vector v : vectors) {
            byte[] digest = BalloonHash.hash(
                    v.password().getBytes(StandardCharsets.UTF_8),
                    v.salt().getBytes(StandardCharsets.UTF_8),
                    v.space(),
                    v.time(),
                    v.delta());
            assertThat(HexFormat.of().formatHex(digest)).as(v.toString()).isEqualTo(v.digest());
        }
    }

    @Test
    void balloonHashingIsDeterministicAndDependsOnEveryInput() {
        byte[] once = BalloonHash.hash("pw".getBytes(), "salt".getBytes(), 64, 1, 3);
        assertThat(BalloonHash.hash("pw".getBytes(), "salt".getBytes(), 64, 1, 3))
                .isEqualTo(once)
                .hasSize(32);
        assertThat(BalloonHash.hash("pX".getBytes(), "salt".getBytes(), 64, 1, 3))
                .isNotEqualTo(once);
        assertThat(BalloonHash.hash("pw".getBytes(), "salX".getBytes(), 64, 1, 3))
                .isNotEqualTo(once);
        assertThat(BalloonHash.hash("pw".getBytes(), "salt".getBytes(), 128, 1, 3))
                .isNotEqualTo(once);
        assertThat(BalloonHash.hash("pw".getBytes(), "salt".getBytes(), 64, 2, 3))
                .isNotEqualTo(once);
    }

    @Test
    void countsLeadingZeroBits() {
        assertThat(BalloonHash.leadingZeroBits(new byte[] {0, 0x10, 1})).isEqualTo(11);
        assertThat(BalloonHash.leadingZeroBits(new byte[] {(byte) 0x80})).isZero();
        assertThat(BalloonHash.leadingZeroBits(new byte[] {0, 0})).isEqualTo(16);
    }
}
