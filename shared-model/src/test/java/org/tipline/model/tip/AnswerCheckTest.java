package org.tipline.model.tip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tipline.model.guidance.GuidanceLoader;

class AnswerCheckTest {

    private final AnswerCheck check = new AnswerCheck(GuidanceLoader.fromClasspath());

    private static TipAnswers answers(String location, String placeType, List<String> indicators) {
        return TipAnswers.builder()
                .location(location)
                .placeType(placeType)
                .indicators(indicators)
                .build();
    }

    @Test
    void answersTheSeedsOfferPass() {
        assertThat(check.problems(answers("Main St", "hotel-motel", List.of("appears-controlled")), id -> null))
                .isEmpty();
    }

    @Test
    void optionsAndWarningSignsTheSeedsDoNotOfferAreNamed() {
        assertThat(check.problems(answers("Main St", "castle", List.of("no-such-sign")), id -> null))
                .containsOnlyKeys("place-type", "indicators")
                .containsEntry("place-type", new AnswerCheck.Problem(AnswerCheck.Kind.UNKNOWN_OPTION, 0))
                .containsEntry("indicators", new AnswerCheck.Problem(AnswerCheck.Kind.UNKNOWN_INDICATOR, 0));
    }

    @Test
    void textIsMeasuredInCodePointsAgainstTheQuestionsLimit() {
        String emojiAtTheLimit = "😊".repeat(500);
        assertThat(check.problems(answers(emojiAtTheLimit, "", List.of()), Map.of("location", emojiAtTheLimit)::get))
                .isEmpty();
        String over = "x".repeat(501);
        assertThat(check.problems(answers(over, "", List.of()), Map.of("location", over)::get))
                .containsExactly(Map.entry("location", new AnswerCheck.Problem(AnswerCheck.Kind.TOO_LONG, 500)));
    }

    @Test
    void aTipThatSaysNothingIsEmpty() {
        assertThat(check.problems(answers("", "", List.of()), id -> null))
                .containsExactly(Map.entry("location", new AnswerCheck.Problem(AnswerCheck.Kind.EMPTY, 0)));
    }

    @Test
    void personAndVehicleBlocksAreCheckedWhereTheyStandOnTheForm() {
        var known = new PersonSeen("possible-victim", "12-17", "", "", "", "", "red hoodie", "", "");
        var unknownAge = new PersonSeen("buyer", "ancient", "", "", "", "", "", "", "");
        var unknownRole = new PersonSeen("boss", "", "", "", "", "", "", "", "");
        var longWinded = new PersonSeen("", "", "", "", "", "", "x".repeat(301), "", "");
        var plateAtTheLimit = new VehicleSeen("", "", "", "😊".repeat(300), "", "");
        var overlong = new VehicleSeen("", "", "", "", "", "x".repeat(301));
        var blocks = new SeenBlocks(
                java.util.Arrays.asList(known, null, unknownAge, unknownRole, longWinded),
                List.of(plateAtTheLimit, overlong));

        assertThat(check.blockProblems(blocks))
                .containsExactly(
                        Map.entry("person-2", new AnswerCheck.Problem(AnswerCheck.Kind.UNKNOWN_OPTION, 0)),
                        Map.entry("person-3", new AnswerCheck.Problem(AnswerCheck.Kind.UNKNOWN_OPTION, 0)),
                        Map.entry("person-4", new AnswerCheck.Problem(AnswerCheck.Kind.TOO_LONG, 300)),
                        Map.entry("vehicle-1", new AnswerCheck.Problem(AnswerCheck.Kind.TOO_LONG, 300)));
    }
}
