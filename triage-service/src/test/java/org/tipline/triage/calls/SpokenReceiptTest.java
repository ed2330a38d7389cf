package org.tipline.triage.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.tipline.model.crypto.Receipt;

class SpokenReceiptTest {

    @Test
    void eachGroupIsReadAsPhoneticWordsAndDigitNames() {
        assertThat(SpokenReceipt.groups("7K3M-ABCD-0189-WXYZ-HJNP"))
                .containsExactly(
                        "Seven Kilo Three Mike",
                        "Alfa Bravo Charlie Delta",
                        "Zero One Eight Nine",
                        "Whiskey X-ray Yankee Zulu",
                        "Hotel Juliett November Papa");
    }

    /** Whatever receipt is generated, every character has a word, and the words give the receipt back. */
    @RepeatedTest(200)
    void everyGeneratedReceiptCanBeReadOutAndWrittenDownAgain() {
        String receipt = Receipt.generate();
        var written = new StringBuilder();
        for (String group : SpokenReceipt.groups(receipt)) {
            written.append(written.isEmpty() ? "" : "-");
            for (String word : group.split(" ")) {
                written.append(digit(word));
            }
        }
        assertThat(written.toString()).isEqualTo(receipt);
    }

    @Test
    void somethingThatIsNotAReceiptIsRefused() {
        assertThatThrownBy(() -> SpokenReceipt.groups("not a receipt")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String digit(String word) {
        return switch (word) {
            case "Zero" -> "0";
            case "One" -> "1";
            case "Two" -> "2";
            case "Three" -> "3";
            case "Four" -> "4";
            case "Five" -> "5";
            case "Six" -> "6";
            case "Seven" -> "7";
            case "Eight" -> "8";
            case "Nine" -> "9";
            default -> word.substring(0, 1);
        };
    }
}
