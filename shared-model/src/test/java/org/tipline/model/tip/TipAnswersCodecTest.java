package org.tipline.model.tip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TipAnswersCodecTest {

    private static TipAnswers withCallback(String callback) {
        return TipAnswers.builder().location("Main St").callback(callback).build();
    }

    @Test
    void aCallbackNumberTravelsInTheSealedAnswers() {
        var answers = withCallback(" +1 (860) 555-0142 ");
        assertThat(TipAnswersCodec.decode(TipAnswersCodec.encode(answers)).callback())
                .isEqualTo("+1 (860) 555-0142");
    }

    @Test
    void withoutACallbackTheBytesAreThoseOfAVersion3TipAndOldTipsReadAsHavingNone() {
        String json = new String(TipAnswersCodec.encode(withCallback("")), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("callback");
        assertThat(TipAnswersCodec.decode(json.getBytes(StandardCharsets.UTF_8)).callback())
                .isEmpty();
    }
}
