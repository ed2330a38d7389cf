package org.tipline.model.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.TipAnswers;

/**
 * Every combination of the seeds' urgency conditions: danger now, the minor warning sign, the youngest apparent age
 * and one person's apparent age. Danger now always wins the ordering; any sign of a minor always requires child
 * protection, whatever else holds.
 */
class UrgencyCombinationsTest {

    private static final UrgencyPolicy URGENCY = GuidanceLoader.fromClasspath().urgency();

    @Test
    void dangerNowDominatesTheTierAndAMinorAlwaysNeedsChildProtection() {
        int checked = 0;
        for (boolean happeningNow : List.of(false, true)) {
            for (boolean minorSign : List.of(false, true)) {
                for (String youngest : List.of("", "under-12", "12-17", "18-25")) {
                    for (String personAge : List.of("", "under-12", "12-17", "over-25")) {
                        boolean minor = minorSign
                                || youngest.equals("under-12")
                                || youngest.equals("12-17")
                                || personAge.equals("under-12")
                                || personAge.equals("12-17");
                        var assessment = URGENCY.assess(answers(happeningNow, minorSign, youngest, personAge));
                        String expectedTier = happeningNow ? "IMMEDIATE" : minor ? "MINOR" : "STANDARD";
                        String combination = "now=" + happeningNow + " sign=" + minorSign + " youngest=" + youngest
                                + " person=" + personAge;
                        assertThat(assessment.tier().id()).as(combination).isEqualTo(expectedTier);
                        assertThat(assessment.childProtectionReferral())
                                .as(combination)
                                .isEqualTo(minor);
                        // The queue names a minor beside a tier that does not already say so.
                        assertThat(!URGENCY.tierMeansMinor(expectedTier) && minor)
                                .as(combination + ": minor said beside the tier")
                                .isEqualTo(happeningNow && minor);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(64);
    }

    private static TipAnswers answers(boolean happeningNow, boolean minorSign, String youngest, String personAge) {
        List<String> indicators = new ArrayList<>(List.of("appears-controlled"));
        if (minorSign) {
            indicators.add("minor-in-commercial-sex");
        }
        List<PersonSeen> persons = personAge.isEmpty()
                ? List.of()
                : List.of(new PersonSeen("possible-victim", personAge, "", "", "", "", "", "", ""));
        return TipAnswers.builder()
                .location("Main St")
                .happeningNow(happeningNow)
                .youngestAge(youngest)
                .indicators(indicators)
                .persons(persons)
                .build();
    }
}
