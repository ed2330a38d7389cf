package org.tipline.triage.calls.web;

import java.util.List;
import java.util.Map;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.SeenBlocks;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.VehicleSeen;

/**
 * The console's form for a tip taken by phone or in person, as posted. Parameter names are the record's components;
 * {@link #PARAMETER_BY_QUESTION} ties them to the seeds' question ids, as on the public form; the person and vehicle
 * blocks bind as {@code persons[i].role} and {@code vehicleDetails[i].plate}, shaped by the shared {@link SeenBlocks}.
 * A callback number is kept only when the caller asked ({@code callbackWanted}), and then only in the sealed answers.
 * Nothing here names the coordinator: who entered the tip goes to the audit trail, never into the answers.
 */
public record CallForm(
        String channel,
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
        Boolean callbackWanted,
        String callback,
        String submission) {

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

    public CallForm {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        SeenBlocks blocks = new SeenBlocks(persons, vehicleDetails);
        persons = blocks.persons();
        vehicleDetails = blocks.vehicles();
        callback = callback == null ? "" : callback;
    }

    /** A blank form for a phone call, with a fresh submission token so a double submit files one tip. */
    static CallForm empty(String defaultCity) {
        return new CallForm(
                "phone",
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
                false,
                "",
                Receipt.newSubmissionToken());
    }

    /** The blocks as posted, with what the page needs to show them and add one more. */
    public SeenBlocks blocks() {
        return new SeenBlocks(persons, vehicleDetails);
    }

    /** The same form with one more blank person block ("Add another person", a plain submit button). */
    CallForm withAnotherPerson() {
        SeenBlocks more = blocks().withAnotherPerson();
        return withBlocks(more.persons(), vehicleDetails);
    }

    CallForm withAnotherVehicle() {
        SeenBlocks more = blocks().withAnotherVehicle();
        return withBlocks(persons, more.vehicles());
    }

    private CallForm withBlocks(List<PersonSeen> personBlocks, List<VehicleSeen> vehicleBlocks) {
        return new CallForm(
                channel,
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
                callbackWanted,
                callback,
                submission);
    }

    public boolean wantsCallback() {
        return Boolean.TRUE.equals(callbackWanted);
    }

    /** The text typed for a free-text question, or null for a question that is not free text. */
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
            default -> null;
        };
    }

    public String choice(String questionId) {
        return toAnswers().choice(questionId);
    }

    public String parameter(String questionId) {
        return PARAMETER_BY_QUESTION.getOrDefault(questionId, questionId);
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
                city,
                wantsCallback() ? callback : "");
    }
}
