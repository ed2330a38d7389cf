package org.tipline.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoverySharesTest {

    private final TipLineKeyPair key = TipLineKeyPair.generate(3, HpkeSuite.XWING);
    private final List<RecoveryShares.Share> shares = RecoveryShares.split(key, 3, 5);

    @Test
    void anyThreeOfFiveSharesRecoverTheKey() {
        for (int a = 0; a < 5; a++) {
            for (int b = a + 1; b < 5; b++) {
                for (int c = b + 1; c < 5; c++) {
                    var recovered = RecoveryShares.recover(
                            List.of(shares.get(c), shares.get(a), shares.get(b)), key.publicKey());
                    assertThat(recovered.keys()).isEqualTo(key.keys());
                }
            }
        }
    }

    @Test
    void twoSharesAreNotEnough() {
        assertThatThrownBy(() -> RecoveryShares.recover(shares.subList(0, 2), key.publicKey()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("need 3");
        var duplicated = List.of(shares.get(0), shares.get(0), shares.get(1));
        assertThatThrownBy(() -> RecoveryShares.recover(duplicated, key.publicKey()))
                .hasMessageContaining("need 3");
    }

    @Test
    void sharesOfAnotherKeyOrACorruptedShareAreRefused() {
        var other = TipLineKeyPair.generate(3, HpkeSuite.XWING);
        var foreign = RecoveryShares.split(other, 3, 5);
        assertThatThrownBy(() ->
                        RecoveryShares.recover(List.of(foreign.get(0), shares.get(1), shares.get(2)), key.publicKey()))
                .hasMessageContaining("do not recombine");

        byte[] bent = shares.get(0).value().clone();
        bent[0] ^= 1;
        var corrupted = new RecoveryShares.Share(3, HpkeSuite.XWING, 3, 1, bent);
        assertThatThrownBy(
                        () -> RecoveryShares.recover(List.of(corrupted, shares.get(1), shares.get(2)), key.publicKey()))
                .hasMessageContaining("do not recombine");

        var otherEpoch = TipLineKeyPair.generate(4, HpkeSuite.XWING);
        assertThatThrownBy(() -> RecoveryShares.recover(shares.subList(0, 3), otherEpoch.publicKey()))
                .hasMessageContaining("different keys or epochs");
    }

    @Test
    void sharesSurviveTheirTextForm() {
        List<RecoveryShares.Share> decoded = new ArrayList<>();
        for (var share : shares.subList(1, 4)) {
            decoded.add(RecoveryShares.Share.decode(share.encode()));
        }
        assertThat(RecoveryShares.recover(decoded, key.publicKey()).keys()).isEqualTo(key.keys());
        assertThatThrownBy(() -> RecoveryShares.Share.decode("not a share")).isInstanceOf(CryptoException.class);
    }
}
