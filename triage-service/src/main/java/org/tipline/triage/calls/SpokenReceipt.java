package org.tipline.triage.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tipline.model.crypto.Receipt;

/**
 * A receipt as a coordinator reads it to a caller: each group of four characters as words from the NATO phonetic
 * alphabet and digit names, which survive a bad line and an accent where "B", "D" and "3" do not. The receipt's
 * alphabet has no I, L, O or U, so no word is ever needed for them.
 */
public final class SpokenReceipt {

    private static final Map<Character, String> WORDS = Map.ofEntries(
            Map.entry('0', "Zero"),
            Map.entry('1', "One"),
            Map.entry('2', "Two"),
            Map.entry('3', "Three"),
            Map.entry('4', "Four"),
            Map.entry('5', "Five"),
            Map.entry('6', "Six"),
            Map.entry('7', "Seven"),
            Map.entry('8', "Eight"),
            Map.entry('9', "Nine"),
            Map.entry('A', "Alfa"),
            Map.entry('B', "Bravo"),
            Map.entry('C', "Charlie"),
            Map.entry('D', "Delta"),
            Map.entry('E', "Echo"),
            Map.entry('F', "Foxtrot"),
            Map.entry('G', "Golf"),
            Map.entry('H', "Hotel"),
            Map.entry('J', "Juliett"),
            Map.entry('K', "Kilo"),
            Map.entry('M', "Mike"),
            Map.entry('N', "November"),
            Map.entry('P', "Papa"),
            Map.entry('Q', "Quebec"),
            Map.entry('R', "Romeo"),
            Map.entry('S', "Sierra"),
            Map.entry('T', "Tango"),
            Map.entry('V', "Victor"),
            Map.entry('W', "Whiskey"),
            Map.entry('X', "X-ray"),
            Map.entry('Y', "Yankee"),
            Map.entry('Z', "Zulu"));

    private SpokenReceipt() {}

    /** One line per group of four characters, e.g. "Seven Kilo Three Mike". */
    public static List<String> groups(String receipt) {
        String compact = Receipt.normalize(receipt);
        List<String> groups = new ArrayList<>();
        for (int start = 0; start < compact.length(); start += 4) {
            StringBuilder group = new StringBuilder();
            for (char c : compact.substring(start, start + 4).toCharArray()) {
                group.append(group.isEmpty() ? "" : " ").append(WORDS.get(c));
            }
            groups.add(group.toString());
        }
        return List.copyOf(groups);
    }
}
