package org.tipline.triage.calls.web;

import java.util.List;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.PostedAnswers;
import org.tipline.model.tip.SeenBlocks;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.VehicleSeen;

/**
 * The console's form for a tip taken by phone or in person, as posted. Parameter names are the record's components;
 * {@link PostedAnswers} ties them to the seeds' question ids, as on the public form; the person and vehicle
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
        String submission)
        implements PostedAnswers {

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

    public boolean wantsCallback() {
        return Boolean.TRUE.equals(callbackWanted);
    }

    /** The answers to seal: with the callback number only when the caller asked to be called back. */
    @Override
    public TipAnswers toAnswers() {
        return toAnswers(wantsCallback() ? callback : "");
    }
}
