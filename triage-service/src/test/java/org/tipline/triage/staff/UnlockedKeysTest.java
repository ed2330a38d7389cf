package org.tipline.triage.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.TipLineKeyPair;

class UnlockedKeysTest {

    @Test
    void endingTheSessionWipesEveryUnlockedKey() {
        TipLineKeyPair first = TipLineKeyPair.generate(1, HpkeSuite.X25519);
        TipLineKeyPair second = TipLineKeyPair.generate(2, HpkeSuite.XWING);
        var session = new MockHttpSession();
        session.setAttribute(UnlockedKeys.SESSION_ATTRIBUTE, new UnlockedKeys(Map.of(1, first, 2, second)));
        assertThat(UnlockedKeys.of(session).forEpoch(2)).containsSame(second);

        session.invalidate();

        assertThat(first.keys().privateKey()).containsOnly((byte) 0);
        assertThat(second.keys().privateKey()).containsOnly((byte) 0);
    }

    @Test
    void aSessionWithoutKeysDecryptsNothing() {
        assertThat(UnlockedKeys.of(new MockHttpSession()).forEpoch(1)).isEmpty();
        assertThat(UnlockedKeys.of(null).forEpoch(1)).isEmpty();
    }
}
