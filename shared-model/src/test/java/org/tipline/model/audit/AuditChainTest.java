package org.tipline.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private final List<AuditChain.Stored> chain = new ArrayList<>();

    @BeforeEach
    void buildChain() {
        byte[] previous = AuditChain.GENESIS;
        UUID tip = UUID.randomUUID();
        String[] actions = {"SIGN_IN", "TIP_OPENED", "REFERRAL_RECORDED", "SIGN_OUT"};
        for (int i = 0; i < actions.length; i++) {
            var entry = new AuditEntry(i + 1, Instant.ofEpochSecond(1_700_000_000L + i), "maria", actions[i], tip, "");
            previous = AuditChain.link(previous, entry);
            chain.add(new AuditChain.Stored(i + 1, entry, previous));
        }
    }

    @Test
    void anIntactChainVerifies() {
        assertThat(AuditChain.verify(chain)).isEmpty();
    }

    @Test
    void anEditedEntryIsNamed() {
        var original = chain.get(1).entry();
        var edited = new AuditEntry(
                original.sequence(), original.occurredAt(), "someone-else", original.action(), original.tipId(), "");
        chain.set(1, new AuditChain.Stored(2, edited, chain.get(1).link()));

        assertFirstBreakAt(2);
    }

    @Test
    void aDeletedEntryIsNamed() {
        chain.remove(2);

        assertFirstBreakAt(4);
    }

    @Test
    void anInsertedEntryIsDetectedEvenWithAPlausibleSequence() {
        var forged = new AuditEntry(2, Instant.now(), "maria", "TIP_OPENED", null, "");
        chain.add(
                1, new AuditChain.Stored(2, forged, AuditChain.link(chain.get(0).link(), forged)));

        assertFirstBreakAt(2);
    }

    @Test
    void reorderedEntriesAreDetected() {
        var second = chain.get(1);
        chain.set(1, chain.get(2));
        chain.set(2, second);

        assertFirstBreakAt(3);
    }

    @Test
    void aRewrittenLinkHashIsDetected() {
        var stored = chain.get(3);
        byte[] link = stored.link().clone();
        link[0] ^= 1;
        chain.set(3, new AuditChain.Stored(4, stored.entry(), link));

        assertFirstBreakAt(4);
    }

    /** The chain fails verification, and the first entry it names is {@code sequence}. */
    private void assertFirstBreakAt(long sequence) {
        assertThat(AuditChain.verify(chain))
                .get()
                .extracting(AuditChain.Failure::sequence)
                .isEqualTo(sequence);
    }
}
