package org.tipline.model.tip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class SeenBlocksTest {

    private static final PersonSeen SEEN = new PersonSeen("buyer", "", "", "", "", "", "", "", "");

    @Test
    void aFormStartsWithOneBlankBlockOfEachAndAddsOneAtATimeUpToTheLimit() {
        var blocks = new SeenBlocks(null, null);
        assertThat(blocks.personBlocks()).hasSize(1).allMatch(PersonSeen::isEmpty);
        assertThat(blocks.vehicleBlocks()).hasSize(1).allMatch(VehicleSeen::isEmpty);

        for (int i = 1; i < SeenBlocks.MAX_PERSONS; i++) {
            assertThat(blocks.canAddPerson()).isTrue();
            blocks = blocks.withAnotherPerson();
        }
        assertThat(blocks.personBlocks()).hasSize(SeenBlocks.MAX_PERSONS);
        assertThat(blocks.canAddPerson()).isFalse();
        assertThat(blocks.withAnotherPerson().personBlocks()).hasSize(SeenBlocks.MAX_PERSONS);
        assertThat(blocks.withAnotherVehicle().vehicleBlocks()).hasSize(2);
    }

    @Test
    void blocksPostedBlankOrSkippedStayAsBlankAndTooManyAreCutOff() {
        var posted = new SeenBlocks(Arrays.asList(null, SEEN), Collections.nCopies(9, null));
        assertThat(posted.persons()).hasSize(2);
        assertThat(posted.persons().get(0).isEmpty()).isTrue();
        assertThat(posted.persons().get(1)).isEqualTo(SEEN);
        assertThat(posted.vehicles()).hasSize(SeenBlocks.MAX_VEHICLES);

        var answers = TipAnswers.builder()
                .persons(posted.persons())
                .vehicleDetails(posted.vehicles())
                .build();
        assertThat(answers.persons()).containsExactly(SEEN);
        assertThat(answers.vehicleDetails()).isEmpty();
    }
}
