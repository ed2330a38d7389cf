package org.tipline.model.tip;

import java.util.List;

/**
 * What a tipster told us, as sealed into the tip's content. Schema version {@link #SCHEMA_VERSION}; the version is
 * bound into each field's encryption so a later schema cannot be confused with this one.
 */
public record TipAnswers(
        String location,
        String people,
        String vehicles,
        List<String> indicators,
        boolean happeningNow,
        String details) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FIELD = "answers";

    public TipAnswers {
        location = trimToEmpty(location);
        people = trimToEmpty(people);
        vehicles = trimToEmpty(vehicles);
        details = trimToEmpty(details);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /** A tip must say something: a place, a person, a vehicle, a warning sign or a description. */
    public boolean saysSomething() {
        return !location.isEmpty()
                || !people.isEmpty()
                || !vehicles.isEmpty()
                || !details.isEmpty()
                || !indicators.isEmpty();
    }

    private static String trimToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
