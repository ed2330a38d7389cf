package org.tipline.triage;

import java.util.List;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.VehicleSeen;

/** A tip's answers for a test, named rather than placed: every answer not set is empty. */
final class Answers {

    private String location = "";
    private String city = "";
    private String details = "";
    private boolean happeningNow;
    private List<PersonSeen> persons = List.of();
    private List<VehicleSeen> vehicles = List.of();

    private Answers() {}

    static Answers answers() {
        return new Answers();
    }

    Answers location(String location) {
        this.location = location;
        return this;
    }

    Answers city(String city) {
        this.city = city;
        return this;
    }

    Answers details(String details) {
        this.details = details;
        return this;
    }

    Answers happeningNow() {
        this.happeningNow = true;
        return this;
    }

    Answers persons(PersonSeen... persons) {
        this.persons = List.of(persons);
        return this;
    }

    Answers vehicles(VehicleSeen... vehicles) {
        this.vehicles = List.of(vehicles);
        return this;
    }

    TipAnswers build() {
        return new TipAnswers(
                location,
                "",
                "",
                "",
                "",
                happeningNow,
                "",
                "",
                "",
                List.of(),
                details,
                "",
                "",
                persons,
                vehicles,
                city);
    }
}
