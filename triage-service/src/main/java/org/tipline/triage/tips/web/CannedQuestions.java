package org.tipline.triage.tips.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.tipline.model.guidance.CannedQuestion;
import org.tipline.model.guidance.Guidance;

/**
 * The seeds' canned questions as "Ask the tipster" offers them: in the language the tipster wrote in when the tip
 * says (web tips since schema version 5), else one group per language of the deployment, the console's language first,
 * for the coordinator to pick. A choice is sent as "id:language" and resolved here, so only the seeds' own texts can
 * be sent.
 */
@Component
@RequiredArgsConstructor
class CannedQuestions {

    private final Guidance guidance;

    record Choice(String value, String text) {}

    record Group(String language, List<Choice> choices) {}

    List<Group> groups(Locale console, String tipsterLanguage) {
        List<String> languages = new ArrayList<>(guidance.deployment().languages());
        if (languages.contains(tipsterLanguage)) {
            languages = List.of(tipsterLanguage);
        }
        String first = TipPageModel.language(console);
        if (languages.size() > 1 && languages.remove(first)) {
            languages.add(0, first);
        }
        return languages.stream()
                .map(language -> new Group(
                        language,
                        guidance.cannedQuestions().stream()
                                .map(q -> new Choice(
                                        q.id() + ":" + language, q.text().in(language)))
                                .toList()))
                .toList();
    }

    /** The text of the chosen question in the chosen language, if the seeds have it. */
    Optional<String> text(String chosen) {
        int colon = chosen.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String id = chosen.substring(0, colon);
        String language = chosen.substring(colon + 1);
        if (!guidance.supportsLanguage(language)) {
            return Optional.empty();
        }
        return guidance.cannedQuestions().stream()
                .filter(q -> q.id().equals(id))
                .findFirst()
                .map(CannedQuestion::text)
                .map(text -> text.in(language));
    }
}
