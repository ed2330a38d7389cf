package org.tipline.triage.tips;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tipline.model.linking.BlindIndex.Kind;
import org.tipline.model.linking.Normalizers;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.VehicleSeen;

/**
 * The normalized values in a tip that other tips may share: plates, phone numbers, the address, web addresses and the
 * business's name. Phone numbers and web addresses are found anywhere in the typed text; a plate with no state typed
 * is read as the deployment's state, where most plates seen will be from.
 */
final class LinkTerms {

    private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\d\\s().-]{7,16}\\d");
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"']+");

    private LinkTerms() {}

    static Map<Kind, Set<String>> of(TipAnswers answers, String defaultState) {
        Map<Kind, Set<String>> terms = new EnumMap<>(Kind.class);
        for (VehicleSeen vehicle : answers.vehicleDetails()) {
            String state = vehicle.plateState().isEmpty() ? defaultState : vehicle.plateState();
            add(terms, Kind.PLATE, Normalizers.plate(state, vehicle.plate()));
        }
        String text = String.join(
                "\n",
                answers.location(),
                answers.businessName(),
                answers.vehicles(),
                answers.people(),
                answers.details(),
                answers.onlineDetails());
        Matcher phones = PHONE.matcher(text);
        while (phones.find()) {
            add(terms, Kind.PHONE, Normalizers.phone(phones.group()));
        }
        Matcher urls = WEB_ADDRESS.matcher(text);
        while (urls.find()) {
            add(terms, Kind.URL, Normalizers.url(urls.group().replaceAll("[.,;:!?)]+$", "")));
        }
        add(terms, Kind.ADDRESS, Normalizers.address(answers.location()));
        add(terms, Kind.BUSINESS_NAME, Normalizers.businessName(answers.businessName()));
        return terms;
    }

    /** One "KIND\tvalue" line per value: normalized values never hold tabs or line breaks. */
    static String serialize(Map<Kind, Set<String>> terms) {
        StringBuilder out = new StringBuilder();
        terms.forEach((kind, values) -> values.forEach(
                value -> out.append(kind.name()).append('\t').append(value).append('\n')));
        return out.toString();
    }

    static Map<Kind, Set<String>> parse(String serialized) {
        Map<Kind, Set<String>> terms = new EnumMap<>(Kind.class);
        serialized.lines().filter(line -> !line.isEmpty()).forEach(line -> {
            int tab = line.indexOf('\t');
            add(terms, Kind.valueOf(line.substring(0, tab)), Optional.of(line.substring(tab + 1)));
        });
        return terms;
    }

    private static void add(Map<Kind, Set<String>> terms, Kind kind, Optional<String> value) {
        value.ifPresent(v -> terms.computeIfAbsent(kind, k -> new TreeSet<>()).add(v));
    }
}
