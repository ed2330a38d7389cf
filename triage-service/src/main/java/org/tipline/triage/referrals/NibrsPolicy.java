package org.tipline.triage.referrals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tipline.model.tip.TipAnswers;

/**
 * Suggests the FBI NIBRS human-trafficking offense codes a tip points to; the coordinator confirms or removes them.
 * 64A (commercial sex acts): a commercial-sex venue or ad, a buyer, or a minor in commercial sex. 64B (involuntary
 * servitude): living at the workplace, papers or money taken, or debt and threats, away from commercial-sex venues.
 */
public final class NibrsPolicy {

    public static final String COMMERCIAL_SEX_ACTS = "64A";
    public static final String INVOLUNTARY_SERVITUDE = "64B";

    private static final Set<String> COMMERCIAL_SEX_PLACES = Set.of("massage-parlor", "online-ad", "truck-stop");
    private static final Set<String> LABOUR_SIGNS =
            Set.of("lives-at-workplace", "no-control-of-papers-or-money", "debt-or-threats");

    private NibrsPolicy() {}

    public static List<String> suggest(TipAnswers answers) {
        boolean commercialSex = COMMERCIAL_SEX_PLACES.contains(answers.placeType())
                || answers.indicators().contains("minor-in-commercial-sex")
                || answers.persons().stream().anyMatch(p -> p.role().equals("buyer"));
        boolean servitude = !COMMERCIAL_SEX_PLACES.contains(answers.placeType())
                && answers.indicators().stream().anyMatch(LABOUR_SIGNS::contains);
        List<String> codes = new ArrayList<>();
        if (commercialSex) {
            codes.add(COMMERCIAL_SEX_ACTS);
        }
        if (servitude) {
            codes.add(INVOLUNTARY_SERVITUDE);
        }
        return codes;
    }
}
