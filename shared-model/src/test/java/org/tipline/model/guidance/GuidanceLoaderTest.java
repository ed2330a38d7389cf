package org.tipline.model.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.TipAnswers;

class GuidanceLoaderTest {

    private static final List<String> FILES = List.of(
            GuidanceLoader.DEPLOYMENT,
            GuidanceLoader.INDICATORS,
            GuidanceLoader.QUESTIONNAIRE,
            GuidanceLoader.URGENCY,
            GuidanceLoader.REFERRALS,
            GuidanceLoader.LAWS,
            GuidanceLoader.CANNED_QUESTIONS);

    @TempDir
    Path seeds;

    @BeforeEach
    void copyShippedSeeds() throws IOException {
        for (String file : FILES) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("seeds/" + file)) {
                Files.copy(in, seeds.resolve(file));
            }
        }
    }

    @Test
    void theShippedSeedsLoadWithEveryTextInEnglishAndSpanish() {
        Guidance guidance = GuidanceLoader.fromClasspath();

        assertThat(guidance.deployment().languages()).containsExactly("en", "es");
        assertThat(guidance.deployment().zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(guidance.indicators()).extracting(Indicator::id).contains("minor-in-commercial-sex");
        assertThat(guidance.destination("national-trafficking-hotline"))
                .get()
                .extracting(Destination::phone, Destination::text)
                .containsExactly("+1-888-373-7888", "233733");
        assertThat(guidance.destination("norwalk-police-tips"))
                .get()
                .extracting(Destination::phone)
                .isEqualTo("+1-203-854-3111");
        assertThat(guidance.laws()).extracting(Law::citation).contains("CGS § 53a-90a");
        assertThat(guidance.questionnaire().question("location")).isPresent();
    }

    @Test
    void everyMatchingSeedRuleApplies() {
        UrgencyPolicy urgency = GuidanceLoader.fromClasspath().urgency();

        var minorNow = urgency.assess(TipAnswers.builder()
                .indicators(List.of("minor-in-commercial-sex"))
                .happeningNow(true)
                .build());
        var now = urgency.assess(TipAnswers.builder()
                .indicators(List.of("appears-controlled"))
                .happeningNow(true)
                .build());
        var plain = urgency.assess(TipAnswers.builder().location("Main St").build());

        assertThat(minorNow.tier().id()).isEqualTo("IMMEDIATE");
        assertThat(minorNow.childProtectionReferral()).isTrue();
        assertThat(now.tier().id()).isEqualTo("IMMEDIATE");
        assertThat(now.childProtectionReferral()).isFalse();
        assertThat(plain.tier().id()).isEqualTo("STANDARD");
        assertThat(urgency.tiersByRank())
                .extracting(UrgencyPolicy.Tier::id)
                .containsExactly("IMMEDIATE", "MINOR", "STANDARD");
    }

    @Test
    void anApparentAgeUnder18MakesATipMinorWithAChildProtectionReferral() {
        UrgencyPolicy urgency = GuidanceLoader.fromClasspath().urgency();
        for (String age : List.of("under-12", "12-17")) {
            var answers =
                    TipAnswers.builder().location("Main St").youngestAge(age).build();
            assertThat(urgency.assess(answers).tier().id()).as(age).isEqualTo("MINOR");
            assertThat(urgency.assess(answers).childProtectionReferral()).isTrue();
        }
        var adult =
                TipAnswers.builder().location("Main St").youngestAge("18-25").build();
        assertThat(urgency.assess(adult).tier().id()).isEqualTo("STANDARD");
    }

    @Test
    void anyOnePersonSeenUnder18MakesATipMinorEvenWhenTheYoungestAgeWasLeftBlank() {
        UrgencyPolicy urgency = GuidanceLoader.fromClasspath().urgency();
        var adult = new PersonSeen("possible-controller", "over-25", "man", "", "", "", "", "", "");
        var teen = new PersonSeen("possible-victim", "12-17", "girl", "", "", "", "", "", "");
        var withTeen = onMainStreetWith(adult, teen);
        var adultsOnly = onMainStreetWith(adult);

        assertThat(urgency.assess(withTeen).tier().id()).isEqualTo("MINOR");
        assertThat(urgency.assess(withTeen).childProtectionReferral()).isTrue();
        assertThat(urgency.assess(adultsOnly).tier().id()).isEqualTo("STANDARD");
    }

    private static TipAnswers onMainStreetWith(PersonSeen... persons) {
        return TipAnswers.builder()
                .location("Main St")
                .persons(List.of(persons))
                .build();
    }

    @Test
    void anAnswerConditionMustNameAChoiceQuestionAndItsOptions() throws IOException {
        replace(GuidanceLoader.URGENCY, "        anyOf: [under-12, 12-17]", "        anyOf: [under-12, teen]");
        replace(GuidanceLoader.URGENCY, "      - answer: youngest-age", "      - answer: youngest-age");

        assertSeedsRejected()
                .hasMessageContaining(
                        "urgency.yaml: rules[0].whenAny[1].anyOf[1]: 'teen' is not an option of youngest-age");
    }

    @Test
    void aChoiceOptionWithoutALabelIsReported() throws IOException {
        replace(GuidanceLoader.QUESTIONNAIRE, "            label: {en: I cannot tell, es: No lo sé}\n", "");

        assertSeedsRejected()
                .hasMessageContaining("questionnaire.yaml: sections[2].questions[1].options[4].label: is required");
    }

    @Test
    void aMissingSpanishTextNamesTheFileThePlaceAndTheField() throws IOException {
        replace(
                GuidanceLoader.INDICATORS,
                "      es: Moretones o heridas, aspecto de no comer lo suficiente, o una enfermedad que nadie atiende.\n",
                "");

        assertSeedsRejected()
                .hasMessageContaining(
                        seeds.resolve("indicators.yaml") + ": indicators[1].explanation.es: missing text");
    }

    @Test
    void aSyntaxOrTypeErrorGivesTheLineAndColumn() throws IOException {
        replace(GuidanceLoader.URGENCY, "    rank: 1\n", "    rank: first\n");

        assertSeedsRejected()
                .hasMessageContaining("urgency.yaml: line 13, column 11: tiers[1].rank: Cannot deserialize");
    }

    @Test
    void anUnknownFieldIsRejectedRatherThanIgnored() throws IOException {
        replace(GuidanceLoader.REFERRALS, "    textKeyword: BEFREE\n", "    textKeyword: BEFREE\n    fax: \"123\"\n");

        assertSeedsRejected().hasMessageContaining("referrals.yaml: line").hasMessageContaining("fax");
    }

    @Test
    void brokenReferencesAndDuplicatesAreEachReported() throws IOException {
        replace(GuidanceLoader.URGENCY, "      - indicator: minor-in-commercial-sex", "      - indicator: minors");
        replace(GuidanceLoader.REFERRALS, "    tiers: [MINOR]\n", "    tiers: [CHILD]\n");
        replace(GuidanceLoader.LAWS, "  - id: cgs-53a-83", "  - id: cgs-53a-82");

        assertSeedsRejected()
                .satisfies(e -> assertThat(((SeedValidationException) e).problems())
                        .containsExactlyInAnyOrder(
                                seeds.resolve("urgency.yaml")
                                        + ": rules[0].whenAny[0].indicator: 'minors' is not an id in indicators.yaml",
                                seeds.resolve("referrals.yaml")
                                        + ": destinations[3].tiers[0]: 'CHILD' is not a tier in urgency.yaml",
                                seeds.resolve("laws.yaml") + ": laws[1].id: 'cgs-53a-82' is used twice"));
    }

    @Test
    void anUnknownTimeZoneIsReportedAndNoneMeansUtc() throws IOException {
        replace(GuidanceLoader.DEPLOYMENT, "  timeZone: America/New_York\n", "  timeZone: Norwalk/Harbor\n");
        assertThatThrownBy(() -> GuidanceLoader.fromDirectory(seeds))
                .hasMessageContaining(seeds.resolve("deployment.yaml")
                        + ": deployment.timeZone: 'Norwalk/Harbor' is not a time zone id");

        replace(GuidanceLoader.DEPLOYMENT, "  timeZone: Norwalk/Harbor\n", "");
        assertThat(GuidanceLoader.fromDirectory(seeds).deployment().zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Files.delete(seeds.resolve(GuidanceLoader.LAWS));

        assertThatThrownBy(() -> GuidanceLoader.fromDirectory(seeds))
                .hasMessageContaining(seeds.resolve("laws.yaml") + ": file is missing");
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = seeds.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** Loading the seeds fails with a {@link SeedValidationException}, whose message the caller checks. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertSeedsRejected() {
        return assertThatThrownBy(() -> GuidanceLoader.fromDirectory(seeds))
                .isInstanceOf(SeedValidationException.class);
    }
}
