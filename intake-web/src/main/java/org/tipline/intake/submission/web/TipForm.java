package org.tipline.intake.submission.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.SeenBlocks;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.VehicleSeen;

/**
 * The public form as posted. Parameter names are the record's components; {@link #PARAMETER_BY_QUESTION} ties them
 * to the question ids of the seeds, and start-up checks that the seeds ask exactly these questions.
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
        String powNonce) {

    static final Map<String, String> PARAMETER_BY_QUESTION = Map.ofEntries(
            Map.entry("location", "location"),
            Map.entry("city", "city"),
            Map.entry("business-name", "businessName"),
            Map.entry("place-type", "placeType"),
            Map.entry("zip", "zip"),
            Map.entry("seen-when", "seenWhen"),
            Map.entry("happening-now", "happeningNow"),
            Map.entry("people", "people"),
            Map.entry("youngest-age", "youngestAge"),
            Map.entry("vehicles", "vehicles"),
            Map.entry("indicators", "indicators"),
            Map.entry("details", "details"),
            Map.entry("online-details", "onlineDetails"),
            Map.entry("how-known", "howKnown"));

    static final Set<String> FREE_TEXT_QUESTIONS = Set.of(
            "location", "city", "business-name", "zip", "seen-when", "people", "vehicles", "details", "online-details");

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

    /** The blocks as posted, with what the page needs to show them and add one more. */
    public SeenBlocks blocks() {
        return new SeenBlocks(persons, vehicleDetails);
    }

    public List<PersonSeen> personBlocks() {
        return blocks().personBlocks();
    }

    public List<VehicleSeen> vehicleBlocks() {
        return blocks().vehicleBlocks();
    }

    public List<String> personRoles() {
        return blocks().personRoles();
    }

    public boolean canAddPerson() {
        return blocks().canAddPerson();
    }

    public boolean canAddVehicle() {
        return blocks().canAddVehicle();
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

    /** The persons and vehicles actually described, for the review page. */
    public List<PersonSeen> describedPersons() {
        return persons.stream().filter(p -> !p.isEmpty()).toList();
    }

    public List<VehicleSeen> describedVehicles() {
        return vehicleDetails.stream().filter(v -> !v.isEmpty()).toList();
    }

    /** The text typed for a free-text question, so a page with errors shows it again unchanged. */
    public String text(String questionId) {
        return switch (questionId) {
            case "location" -> location;
            case "city" -> city;
            case "business-name" -> businessName;
            case "zip" -> zip;
            case "seen-when" -> seenWhen;
            case "people" -> people;
            case "vehicles" -> vehicles;
            case "details" -> details;
            case "online-details" -> onlineDetails;
            default -> throw new IllegalArgumentException("not a free-text question: " + questionId);
        };
    }

    /** The option chosen for a CHOICE question, or "" when none was. */
    public String choice(String questionId) {
        return toAnswers().choice(questionId);
    }

    public String parameter(String questionId) {
        return PARAMETER_BY_QUESTION.getOrDefault(questionId, questionId);
    }

    /** The honeypot: hidden from people, so only software that fills every field fills it. */
    boolean filledHoneypot() {
        return website != null && !website.isBlank();
    }

    public boolean ticked(String indicatorId) {
        return indicators.contains(indicatorId);
    }

    public boolean isHappeningNow() {
        return Boolean.TRUE.equals(happeningNow);
    }

    TipAnswers toAnswers() {
        return new TipAnswers(
                location,
                businessName,
                placeType,
                zip,
                seenWhen,
                isHappeningNow(),
                people,
                youngestAge,
                vehicles,
                indicators,
                details,
                onlineDetails,
                howKnown,
                persons,
                vehicleDetails,
                city);
    }
}
