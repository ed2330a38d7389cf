package org.tipline.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ReceiptTest {

    @Test
    void receiptsAreFiveGroupsOfFourUnambiguousCharacters() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            String receipt = Receipt.generate();
            assertThat(receipt).matches("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}");
            seen.add(receipt);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void theLookupIdToleratesHowPeopleTypeAReceipt() {
        String receipt = "7K2M-Q0D1-XR4T-9ZB8-H3PW";

        assertThat(Receipt.lookupId("7k2m q0d1 xr4t 9zb8 h3pw")).isEqualTo(Receipt.lookupId(receipt));
        assertThat(Receipt.lookupId("7K2M-QOD1-XR4T-9ZB8-H3PW")).isEqualTo(Receipt.lookupId(receipt));
        assertThat(Receipt.lookupId("7K2M-Q0DL-XR4T-9ZB8-H3PW")).isEqualTo(Receipt.lookupId(receipt));
        assertThat(Receipt.lookupId(Receipt.generate())).isNotEqualTo(Receipt.lookupId(receipt));
    }

    @Test
    void theReceiptAloneReDerivesTheTipstersKeyPairForReplies() {
        String receipt = Receipt.generate();
        HpkeKeyPair atFiling = Receipt.tipsterKeys(receipt);
        byte[] reply = Hpke.seal(HpkeSuite.XWING, atFiling.publicKey(), "reply", new byte[0], Bytes.utf8("thank you"));

        HpkeKeyPair onFollowUp =
                Receipt.tipsterKeys(receipt.toLowerCase(java.util.Locale.ROOT).replace("-", " "));

        assertThat(onFollowUp).isEqualTo(atFiling);
        assertThat(Hpke.open(onFollowUp, "reply", new byte[0], reply)).isEqualTo(Bytes.utf8("thank you"));
        assertThatThrownBy(() -> Hpke.open(Receipt.tipsterKeys(Receipt.generate()), "reply", new byte[0], reply))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void aMacGivesTheReceiptOfItsFirstHundredBits() {
        byte[] mac = Bytes.random(32);
        assertThat(Receipt.fromMac(mac))
                .isEqualTo(Receipt.fromMac(mac.clone()))
                .matches("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}");
        byte[] hundredthBitChanged = java.util.Arrays.copyOf(mac, 13);
        hundredthBitChanged[12] ^= 0x10;
        assertThat(Receipt.fromMac(hundredthBitChanged)).isNotEqualTo(Receipt.fromMac(mac));
        var receipts = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            receipts.add(Receipt.fromMac(Bytes.random(32)));
        }
        assertThat(receipts).hasSize(1000);
        assertThatThrownBy(() -> Receipt.fromMac(new byte[12])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedReceiptsAreRejected() {
        assertThatThrownBy(() -> Receipt.normalize("7K2M-Q0D1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Receipt.normalize("7K2M-Q0D1-XR4T-9ZB8-H3PU"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
