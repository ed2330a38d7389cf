package org.tipline.model.tip;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a tipster told us, as sealed into the tip's content. Schema version {@link #SCHEMA_VERSION}; the version is
 * bound into each field's encryption. Version 1 tips lack the later answers, which read as empty.
 */
public record TipAnswers(
        String location,
        String businessName,
        String placeType,
        String zip,
        String seenWhen,
        boolean happeningNow,
        String people,
        String youngestAge,
        String vehicles,
        List<String> indicators,
        String details,
        String onlineDetails,
        String howKnown,
        List<PersonSeen> persons,
        List<VehicleSeen> vehicleDetails,
        String city,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String callback,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String language) {

    /**
     * Version 3 added each person and vehicle in detail, version 4 the number a caller asked to be called back on
     * (entered by staff only; left out of the sealed JSON when empty, so a web tip's bytes are as in version 3),
     * version 5 the language of the form the tipster wrote in ("en", "es"), so that questions go back in it; sealed
     * like every answer, never in clear. Older tips read the later answers as empty.
     */
    public static final int SCHEMA_VERSION = 5;

    public static final String FIELD = "answers";

    public TipAnswers {
        location = trimToEmpty(location);
        businessName = trimToEmpty(businessName);
        placeType = trimToEmpty(placeType);
        zip = trimToEmpty(zip);
        seenWhen = trimToEmpty(seenWhen);
        people = trimToEmpty(people);
        youngestAge = trimToEmpty(youngestAge);
        vehicles = trimToEmpty(vehicles);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        details = trimToEmpty(details);
        onlineDetails = trimToEmpty(onlineDetails);
        howKnown = trimToEmpty(howKnown);
        city = trimToEmpty(city);
        callback = trimToEmpty(callback);
        language = trimToEmpty(language);
        persons = persons == null
                ? List.of()
                : persons.stream().filter(p -> p != null && !p.isEmpty()).toList();
        vehicleDetails = vehicleDetails == null
                ? List.of()
                : vehicleDetails.stream().filter(v -> v != null && !v.isEmpty()).toList();
    }

    /** Answers named rather than placed; every answer not set is empty. */
    public static TipAnswersBuilder builder() {
        return new TipAnswersBuilder();
    }

    /**
     * Every option given for a CHOICE question: the answer itself and, for ages, each person's apparent age. The
     * urgency rules match when any of them is among their options.
     */
    public List<String> choices(String questionId) {
        var all = new java.util.ArrayList<String>();
        if (!choice(questionId).isEmpty()) {
            all.add(choice(questionId));
        }
        if (questionId.equals("youngest-age")) {
            persons.stream()
                    .map(PersonSeen::ageRange)
                    .filter(age -> !age.isEmpty())
                    .forEach(all::add);
        }
        return List.copyOf(all);
    }

    /** The option chosen for a CHOICE question, or "" when none was. */
    public String choice(String questionId) {
        return switch (questionId) {
            case "place-type" -> placeType;
            case "youngest-age" -> youngestAge;
            case "how-known" -> howKnown;
            default -> "";
        };
    }

    /**
     * A tip must say something: a place, a business, a person, an age, a vehicle, a warning sign, online details or
     * a description. How the tipster knows, a city, a ZIP, a time or a callback number alone say nothing
     * to act on.
     */
    public boolean saysSomething() {
        return !location.isEmpty()
                || !businessName.isEmpty()
                || !placeType.isEmpty()
                || !people.isEmpty()
                || !youngestAge.isEmpty()
                || !vehicles.isEmpty()
                || !details.isEmpty()
                || !onlineDetails.isEmpty()
                || !indicators.isEmpty()
                || !persons.isEmpty()
                || !vehicleDetails.isEmpty();
    }

    private static String trimToEmpty(String value) {
        return TipText.clean(value);
    }
}
