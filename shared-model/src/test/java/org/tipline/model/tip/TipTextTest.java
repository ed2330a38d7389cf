package org.tipline.model.tip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TipTextTest {

    @Test
    void controlCharactersAndDirectionOverridesAreDroppedFromEveryAnswer() {
        var answers = TipAnswers.builder()
                .location("Motel\u0000 Peñasco\u0007")
                .details("van \u001b[31mred\u001b[0m, plate \u202eQZ7301\u202c\r\nseen twice")
                .build();

        assertThat(answers.location()).isEqualTo("Motel Peñasco");
        assertThat(answers.details()).isEqualTo("van [31mred[0m, plate QZ7301\nseen twice");
    }

    @Test
    void lineBreaksTabsAndRightToLeftScriptStay() {
        assertThat(TipText.clean("  سيارة رمادية\tniña\nmañana  ")).isEqualTo("سيارة رمادية\tniña\nmañana");
        assertThat(TipText.clean(null)).isEmpty();
    }
}
