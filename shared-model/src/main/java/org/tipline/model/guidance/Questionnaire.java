package org.tipline.model.guidance;

import java.util.List;
import java.util.Optional;

public record Questionnaire(Notices notices, List<Section> sections) {

    public record Notices(
            LocalizedText emergency, LocalizedText doNotConfront, LocalizedText anonymity, LocalizedText whatHelps) {}

    public record Section(String id, LocalizedText title, List<Question> questions) {}

    public record Question(String id, QuestionType type, Integer maxLength, LocalizedText label, LocalizedText hint) {}

    public enum QuestionType {
        TEXT,
        TEXTAREA,
        INDICATORS,
        YES_NO
    }

    public Optional<Question> question(String id) {
        return sections.stream()
                .flatMap(section -> section.questions().stream())
                .filter(question -> question.id().equals(id))
                .findFirst();
    }
}
