package org.tipline.triage.tips;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.VehicleSeen;

/**
 * Free-text matching over one decrypted tip, held only while it is scored. Case and accents are folded, so "camioneta
 * gris" finds "Camioneta GRIS" and "Jose" finds "José". The callback number is left out: it is the caller's, not
 * something they saw.
 */
@RequiredArgsConstructor
final class SearchText {

    /** Words shorter than this match too much to rank anything ("a", "de"). */
    static final int MIN_WORD_LENGTH = 2;

    private final List<String> words;
    private final String phrase;

    static SearchText of(String query) {
        String folded = fold(query);
        List<String> words = Arrays.stream(folded.split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= MIN_WORD_LENGTH)
                .distinct()
                .toList();
        return new SearchText(words, String.join(" ", words));
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** How well a tip matches: the fields any word was found in, and a score that ranks whole phrases first. */
    record Match(Set<String> fields, int score) {
        boolean found() {
            return !fields.isEmpty();
        }
    }

    Match in(TipAnswers answers) {
        Set<String> fields = new LinkedHashSet<>();
        Set<String> wordsFound = new LinkedHashSet<>();
        boolean phraseFound = false;
        for (Map.Entry<String, String> field : fields(answers).entrySet()) {
            String text = " " + String.join(" ", fold(field.getValue()).split("[^\\p{L}\\p{N}]+")) + " ";
            for (String word : words) {
                if (text.contains(" " + word)) {
                    wordsFound.add(word);
                    fields.add(field.getKey());
                }
            }
            phraseFound |= words.size() > 1 && text.contains(" " + phrase + " ");
        }
        int score = wordsFound.size() * 10 + (wordsFound.size() == words.size() ? 5 : 0) + (phraseFound ? 20 : 0);
        return new Match(fields, wordsFound.isEmpty() ? 0 : score);
    }

    /** The searched answers by the names the results page words them with ({@code search.field.*}). */
    private static Map<String, String> fields(TipAnswers answers) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("location", String.join(" ", answers.location(), answers.city(), answers.zip()));
        fields.put("business", answers.businessName());
        fields.put(
                "people",
                Stream.concat(
                                Stream.of(answers.people()),
                                answers.persons().stream().flatMap(SearchText::personWords))
                        .collect(Collectors.joining(" ")));
        fields.put(
                "vehicles",
                Stream.concat(
                                Stream.of(answers.vehicles()),
                                answers.vehicleDetails().stream().flatMap(SearchText::vehicleWords))
                        .collect(Collectors.joining(" ")));
        fields.put("details", String.join(" ", answers.details(), answers.seenWhen(), answers.howKnown()));
        fields.put("online", answers.onlineDetails());
        return fields;
    }

    private static Stream<String> personWords(PersonSeen person) {
        return person.typed().stream();
    }

    private static Stream<String> vehicleWords(VehicleSeen vehicle) {
        return Stream.of(vehicle.make(), vehicle.model(), vehicle.color(), vehicle.plate(), vehicle.features());
    }

    static String fold(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
    }
}
