package org.tipline.triage.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.TipAnswers;

class NibrsPolicyTest {

    @Test
    void commercialSexVenuesBuyersAndMinorsPointTo64A() {
        assertThat(NibrsPolicy.suggest(answers("massage-parlor", List.of(), List.of())))
                .containsExactly("64A");
        assertThat(NibrsPolicy.suggest(answers("residence", List.of("minor-in-commercial-sex"), List.of())))
                .containsExactly("64A");
        assertThat(NibrsPolicy.suggest(answers("street", List.of(), List.of(person("buyer")))))
                .containsExactly("64A");
    }

    @Test
    void labourSignsAwayFromSexVenuesPointTo64B() {
        assertThat(NibrsPolicy.suggest(answers("residence", List.of("lives-at-workplace"), List.of())))
                .containsExactly("64B");
        assertThat(NibrsPolicy.suggest(answers("massage-parlor", List.of("lives-at-workplace"), List.of())))
                .containsExactly("64A");
        assertThat(NibrsPolicy.suggest(answers("hotel-motel", List.of("debt-or-threats"), List.of(person("buyer")))))
                .containsExactly("64A", "64B");
    }

    @Test
    void nothingIsSuggestedWithoutSigns() {
        assertThat(NibrsPolicy.suggest(answers("street", List.of("injury-or-neglect"), List.of())))
                .isEmpty();
    }

    private static PersonSeen person(String role) {
        return new PersonSeen(role, "", "", "", "", "", "", "", "");
    }

    private static TipAnswers answers(String place, List<String> indicators, List<PersonSeen> persons) {
        return TipAnswers.builder()
                .placeType(place)
                .indicators(indicators)
                .persons(persons)
                .build();
    }
}
