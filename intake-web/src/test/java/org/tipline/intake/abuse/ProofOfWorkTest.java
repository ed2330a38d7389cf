package org.tipline.intake.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.tipline.model.crypto.Receipt;

class ProofOfWorkTest {

    private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");
    private final byte[] secret = "a test secret of thirty-two byte".getBytes();
    private final ProofOfWork work = new ProofOfWork(secret, 3, Clock.fixed(NOW, ZoneOffset.UTC));
    private final String token = Receipt.newSubmissionToken();

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

    @Test
    void aSolvedChallengeVerifiesForItsTokenOnly() {
        String challenge = work.challenge();
        String nonce = solve(challenge, token, 3);

        assertThat(work.verify(challenge, token, nonce)).isTrue();
        // The work covers the token: the same nonce fails for most other tokens (by chance, 1 in 8 passes too).
        long failing = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> Receipt.newSubmissionToken())
                .filter(other -> !work.verify(challenge, other, nonce))
                .count();
        assertThat(failing).isGreaterThan(20);
        assertThat(work.verify(challenge, token, null)).isFalse();
        assertThat(work.verify(null, token, nonce)).isFalse();
    }

    @Test
    void forgedAndExpiredChallengesAreRefused() {
        String challenge = work.challenge();
        String forged = challenge.substring(0, challenge.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
        assertThat(work.verify(forged, token, solve(forged, token, 3))).isFalse();

        var otherServer =
                new ProofOfWork("another secret, thirty-two bytes".getBytes(), 3, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(otherServer.verify(challenge, token, solve(challenge, token, 3)))
                .isFalse();

        var later = new ProofOfWork(secret, 3, Clock.fixed(NOW.plus(Duration.ofMinutes(31)), ZoneOffset.UTC));
        assertThat(later.verify(challenge, token, solve(challenge, token, 3))).isFalse();
    }

    @Test
    void theSlowLaneAdmitsItsBudgetPerMinuteAndNoMore() {
        var clock = new java.util.concurrent.atomic.AtomicReference<>(NOW);
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.get();
            }
        };
        var lane = new SlowLane(moving, 3, Duration.ZERO);
        assertThat(lane.admit()).isTrue();
        assertThat(lane.admit()).isTrue();
        assertThat(lane.admit()).isTrue();
        assertThat(lane.admit()).isFalse();
        clock.set(NOW.plusSeconds(20));
        assertThat(lane.admit()).isTrue();
        assertThat(lane.admit()).isFalse();
    }

    static String solve(String challenge, String token, int difficulty) {
        for (int nonce = 0; ; nonce++) {
            if (BalloonHash.leadingZeroBits(ProofOfWork.work(challenge, token, String.valueOf(nonce))) >= difficulty) {
                return String.valueOf(nonce);
            }
        }
    }
}
