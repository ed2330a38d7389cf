package org.tipline.model.guidance;

import java.util.List;
import java.util.Optional;

public record Questionnaire(Notices notices, List<Section> sections) {

    public record Notices(
            LocalizedText emergency, LocalizedText doNotConfront, LocalizedText anonymity, LocalizedText whatHelps) {}

    public record Section(String id, LocalizedText title, List<Question> questions) {}

    public record Question(
            String id,
            QuestionType type,
            Integer maxLength,
            LocalizedText label,
            LocalizedText hint,
            List<Option> options) {

        public Question {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    /** One answer of a CHOICE question; its id is what a tip stores. */
    public record Option(String id, LocalizedText label) {}

    public enum QuestionType {
        TEXT,
        TEXTAREA,
        INDICATORS,
        YES_NO,
        CHOICE
    }

    public Optional<Question> question(String id) {
        return sections.stream()
                .flatMap(section -> section.questions().stream())
                .filter(question -> question.id().equals(id))
                .findFirst();
    }
}
