package org.tipline.triage.tips;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.tipline.model.tip.TipAnswers;

/**
 * The web addresses a tipster wrote, in order and without repeats. The tip page numbers them, and the warning page
 * opens only the one a number names, so the console never sends staff to an address the tip does not contain.
 */
public final class WebAddresses {

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"']+");

    private WebAddresses() {}

    public static List<String> in(TipAnswers answers) {
        List<String> found = new ArrayList<>();
        var matcher = URL.matcher(answers.onlineDetails() + " " + answers.details());
        while (matcher.find()) {
            found.add(matcher.group().replaceAll("[.,;:!?)]+$", ""));
        }
        return found.stream().distinct().toList();
    }
}
