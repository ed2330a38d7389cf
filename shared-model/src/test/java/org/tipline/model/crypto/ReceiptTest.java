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
    void malformedReceiptsAreRejected() {
        assertThatThrownBy(() -> Receipt.normalize("7K2M-Q0D1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Receipt.normalize("7K2M-Q0D1-XR4T-9ZB8-H3PU"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
