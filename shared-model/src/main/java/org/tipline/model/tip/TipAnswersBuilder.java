package org.tipline.model.tip;

import java.util.List;

/**
 * Answers named rather than placed, for code that sets a few of the seventeen (tests, benchmarks, an empty tip):
 * every answer not set is empty. Forms that post every answer use {@link PostedAnswers#toAnswers()}.
 */
public final class TipAnswersBuilder {

    private String location = "";
    private String businessName = "";
    private String placeType = "";
    private String zip = "";
    private String seenWhen = "";
    private boolean happeningNow;
    private String people = "";
    private String youngestAge = "";
    private String vehicles = "";
    private List<String> indicators = List.of();
    private String details = "";
    private String onlineDetails = "";
    private String howKnown = "";
    private List<PersonSeen> persons = List.of();
    private List<VehicleSeen> vehicleDetails = List.of();
    private String city = "";
    private String callback = "";
    private String language = "";

    TipAnswersBuilder() {}

    public TipAnswersBuilder location(String location) {
        this.location = location;
        return this;
    }

    public TipAnswersBuilder businessName(String businessName) {
        this.businessName = businessName;
        return this;
    }

    public TipAnswersBuilder placeType(String placeType) {
        this.placeType = placeType;
        return this;
    }

    public TipAnswersBuilder zip(String zip) {
        this.zip = zip;
        return this;
    }

    public TipAnswersBuilder seenWhen(String seenWhen) {
        this.seenWhen = seenWhen;
        return this;
    }

    public TipAnswersBuilder happeningNow(boolean happeningNow) {
        this.happeningNow = happeningNow;
        return this;
    }

    public TipAnswersBuilder people(String people) {
        this.people = people;
        return this;
    }

    public TipAnswersBuilder youngestAge(String youngestAge) {
        this.youngestAge = youngestAge;
        return this;
    }

    /** The free-text vehicles answer; {@link #vehicleDetails} are the structured blocks. */
    public TipAnswersBuilder vehicles(String vehicles) {
        this.vehicles = vehicles;
        return this;
    }

    public TipAnswersBuilder indicators(List<String> indicators) {
        this.indicators = indicators;
        return this;
    }

    public TipAnswersBuilder details(String details) {
        this.details = details;
        return this;
    }

    public TipAnswersBuilder onlineDetails(String onlineDetails) {
        this.onlineDetails = onlineDetails;
        return this;
    }

    public TipAnswersBuilder howKnown(String howKnown) {
        this.howKnown = howKnown;
        return this;
    }

    public TipAnswersBuilder persons(List<PersonSeen> persons) {
        this.persons = persons;
        return this;
    }

    public TipAnswersBuilder vehicleDetails(List<VehicleSeen> vehicleDetails) {
        this.vehicleDetails = vehicleDetails;
        return this;
    }

    public TipAnswersBuilder city(String city) {
        this.city = city;
        return this;
    }

    public TipAnswersBuilder callback(String callback) {
        this.callback = callback;
        return this;
    }

    public TipAnswersBuilder language(String language) {
        this.language = language;
        return this;
    }

    public TipAnswers build() {
        return new TipAnswers(
                location,
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
                persons,
                vehicleDetails,
                city,
                callback,
                language);
    }
}
