package org.tipline.intake.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tipline.model.crypto.BalloonHash;
import org.tipline.model.crypto.Bytes;

class ProofOfWorkTest {

    private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");
    private final byte[] secret = "a test secret of thirty-two byte".getBytes();
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final ProofOfWork work =
            new ProofOfWork(secret, clock, new SendLoad(clock, 3, 10, Duration.ofSeconds(10), Duration.ofSeconds(40)));
    private final String token = "a-token";
    private final byte[] binding = Bytes.random(32);

    @Test
    void aPassIsRedeemedWithWorkAtOnceOrWithoutItAfterItsWait() {
        ProofOfWork.Pass pass = work.issue(binding);
        assertThat(pass.difficulty()).isEqualTo(3);
        assertThat(pass.waitBeforeSending()).isEqualTo(Duration.ofSeconds(10));

        var worked = work.verify(pass.value(), binding, token, solve(pass.value(), token, 3));
        assertThat(worked.outcome()).isEqualTo(ProofOfWork.Outcome.WORKED);
        assertThat(worked.id()).hasSize(16);

        var early = work.verify(pass.value(), binding, token, "");
        assertThat(early.outcome()).isEqualTo(ProofOfWork.Outcome.TOO_EARLY);
        assertThat(early.secondsLeft()).isEqualTo(10);
        assertThat(early.id()).isEqualTo(worked.id());

        now.set(NOW.plusSeconds(10));
        assertThat(work.verify(pass.value(), binding, token, "").outcome()).isEqualTo(ProofOfWork.Outcome.WAITED);
    }

    @Test
    void aPassIsBoundToItsSubmissionAndToThisTipLineAndExpires() {
        ProofOfWork.Pass pass = work.issue(binding);
        String nonce = solve(pass.value(), token, 3);

        assertThat(work.verify(pass.value(), Bytes.random(32), token, nonce)).isEqualTo(ProofOfWork.Verdict.INVALID);
        String forged = pass.value().replace(".3.10.", ".0.0.");
        assertThat(work.verify(forged, binding, token, "")).isEqualTo(ProofOfWork.Verdict.INVALID);
        var otherServer = new ProofOfWork(
                "another secret, thirty-two bytes".getBytes(),
                clock,
                new SendLoad(clock, 3, 10, Duration.ZERO, Duration.ZERO));
        assertThat(otherServer.verify(pass.value(), binding, token, nonce)).isEqualTo(ProofOfWork.Verdict.INVALID);
        assertThat(work.verify(null, binding, token, nonce)).isEqualTo(ProofOfWork.Verdict.INVALID);

        now.set(NOW.plus(ProofOfWork.LIFETIME).plusSeconds(1));
        assertThat(work.verify(pass.value(), binding, token, nonce)).isEqualTo(ProofOfWork.Verdict.INVALID);
    }

    @Test
    void underLoadWorkAndWaitRiseButTheWaitStaysBounded() {
        var load = new SendLoad(clock, 3, 10, Duration.ofSeconds(10), Duration.ofSeconds(40));
        SendLoad.Cost first = load.issuedOne();
        assertThat(first).isEqualTo(new SendLoad.Cost(3, Duration.ofSeconds(10)));
        SendLoad.Cost cost = first;
        for (int i = 0; i < 10; i++) {
            cost = load.issuedOne();
        }
        assertThat(cost).isEqualTo(new SendLoad.Cost(4, Duration.ofSeconds(20)));
        for (int i = 0; i < 1000; i++) {
            cost = load.issuedOne();
        }
        assertThat(cost).isEqualTo(new SendLoad.Cost(3 + SendLoad.MAX_EXTRA_BITS, Duration.ofSeconds(40)));

        now.set(NOW.plusSeconds(61));
        assertThat(load.issuedOne()).isEqualTo(first);
    }

    static String solve(String pass, String token, int difficulty) {
        for (int nonce = 0; ; nonce++) {
            if (BalloonHash.leadingZeroBits(ProofOfWork.work(pass, token, String.valueOf(nonce))) >= difficulty) {
                return String.valueOf(nonce);
            }
        }
    }
}
