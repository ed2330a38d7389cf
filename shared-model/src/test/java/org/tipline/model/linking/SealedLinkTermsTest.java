package org.tipline.model.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.model.crypto.CryptoException;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.TipLineKeyPair;

class SealedLinkTermsTest {

    static final String TERMS = "PLATE\tCT:AB1234\nPHONE\t+12035550147";

    @Test
    void theSameEpochKeyOpensWhatItSealedForThatTip() {
        TipLineKeyPair epoch = TipLineKeyPair.generate(1, HpkeSuite.X25519);
        UUID tip = UUID.randomUUID();
        byte[] sealed = SealedLinkTerms.forEpoch(epoch).seal(tip, TERMS);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("AB1234");
        assertThat(SealedLinkTerms.forEpoch(epoch).open(tip, sealed)).isEqualTo(TERMS);
    }

    @Test
    void anotherTipOrAnotherEpochCannotOpenIt() {
        TipLineKeyPair epoch = TipLineKeyPair.generate(1, HpkeSuite.X25519);
        UUID tip = UUID.randomUUID();
        byte[] sealed = SealedLinkTerms.forEpoch(epoch).seal(tip, TERMS);

        assertThatThrownBy(() -> SealedLinkTerms.forEpoch(epoch).open(UUID.randomUUID(), sealed))
                .isInstanceOf(CryptoException.class);
        TipLineKeyPair other = TipLineKeyPair.generate(2, HpkeSuite.X25519);
        assertThatThrownBy(() -> SealedLinkTerms.forEpoch(other).open(tip, sealed))
                .isInstanceOf(CryptoException.class);
    }
}
