package org.tipline.intake.submission.web;

import java.util.List;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.PostedAnswers;
import org.tipline.model.tip.SeenBlocks;
import org.tipline.model.tip.VehicleSeen;

/**
 * The public form as posted. Parameter names are the record's components; {@link PostedAnswers} ties them to the
 * question ids of the seeds and does with the answers what the console's form for calls does too.
 */
public record TipForm(
        String location,
        String city,
        String businessName,
        String placeType,
        String zip,
        String seenWhen,
        Boolean happeningNow,
        String people,
        String youngestAge,
        String vehicles,
        List<String> indicators,
        String details,
        String onlineDetails,
        String howKnown,
        List<PersonSeen> persons,
        List<VehicleSeen> vehicleDetails,
        String submission,
        String website,
        String powChallenge,
        String powNonce)
        implements PostedAnswers {

    /** A blank form with the deployment's city and a fresh submission token, so sending it twice files one tip. */
    static TipForm empty(String defaultCity, String submissionToken) {
        return new TipForm(
                "",
                defaultCity,
                "",
                "",
                "",
                "",
                false,
                "",
                "",
                "",
                List.of(),
                "",
                "",
                "",
                List.of(),
                List.of(),
                submissionToken,
                "",
                "",
                "");
    }

    public TipForm {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        // Blocks posted blank stay, so the page shows as many as the tipster opened (shared with the console's form).
        SeenBlocks blocks = new SeenBlocks(persons, vehicleDetails);
        persons = blocks.persons();
        vehicleDetails = blocks.vehicles();
    }

    /** The same form with one more blank person block ("Add another person", which works without JavaScript). */
    TipForm withAnotherPerson() {
        return withBlocks(blocks().withAnotherPerson().persons(), vehicleDetails);
    }

    TipForm withAnotherVehicle() {
        return withBlocks(persons, blocks().withAnotherVehicle().vehicles());
    }

    /** The same answers under a token intake has just issued: every page it renders carries a fresh one (ADR 17). */
    TipForm withSubmission(String token) {
        return copy(persons, vehicleDetails, token);
    }

    private TipForm withBlocks(List<PersonSeen> personBlocks, List<VehicleSeen> vehicleBlocks) {
        return copy(personBlocks, vehicleBlocks, submission);
    }

    private TipForm copy(List<PersonSeen> personBlocks, List<VehicleSeen> vehicleBlocks, String submissionToken) {
        return new TipForm(
                location,
                city,
                businessName,
                placeType,
                zip,
                seenWhen,
                happeningNow,
                people,
                youngestAge,
                vehicles,
                indicators,
                details,
                onlineDetails,
                howKnown,
                personBlocks,
                vehicleBlocks,
                submissionToken,
                website,
                powChallenge,
                powNonce);
    }

    /** The text fields of a person block and of a vehicle block, in the order the pages show them. */
    public List<String> personFields() {
        return List.of("sexOrGender", "height", "build", "hair", "clothing", "marks", "language");
    }

    public List<String> vehicleFields() {
        return List.of("make", "model", "color", "plate", "plateState", "features");
    }

    /** The persons and vehicles actually described, for the review page. */
    public List<PersonSeen> describedPersons() {
        return persons.stream().filter(p -> !p.isEmpty()).toList();
    }

    public List<VehicleSeen> describedVehicles() {
        return vehicleDetails.stream().filter(v -> !v.isEmpty()).toList();
    }

    /**
     * The values a page posts for a question it does not show, so the answer travels on (ADR 27): the text typed, the
     * option chosen, each warning sign ticked, or "true" when it is happening now.
     */
    public List<String> carried(String questionId) {
        String text = text(questionId);
        if (text != null) {
            return List.of(text);
        }
        return switch (questionId) {
            case "indicators" -> indicators;
            case "happening-now" -> isHappeningNow() ? List.of("true") : List.of();
            default -> List.of(choice(questionId));
        };
    }

    /** The honeypot: hidden from people, so only software that fills every field fills it. */
    boolean filledHoneypot() {
        return website != null && !website.isBlank();
    }
}
