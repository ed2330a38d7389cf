package org.tipline.model.guidance;

import static org.tipline.model.guidance.GuidanceLoader.INDICATORS;
import static org.tipline.model.guidance.GuidanceLoader.QUESTIONNAIRE;
import static org.tipline.model.guidance.GuidanceLoader.URGENCY;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The questionnaire and the urgency rules that read its answers: questions, options, conditions and tiers. */
final class QuestionnaireChecks extends SeedCheck {

    QuestionnaireChecks(GuidanceLoader.Source source, Guidance guidance, List<String> problems) {
        super(source, guidance, problems);
    }

    void checkQuestionnaire() {
        Questionnaire q = guidance.questionnaire();
        if (require(QUESTIONNAIRE, "notices", q.notices())) {
            text(QUESTIONNAIRE, "notices.emergency", q.notices().emergency());
            text(QUESTIONNAIRE, "notices.doNotConfront", q.notices().doNotConfront());
            text(QUESTIONNAIRE, "notices.anonymity", q.notices().anonymity());
            text(QUESTIONNAIRE, "notices.whatHelps", q.notices().whatHelps());
        }
        if (!list(QUESTIONNAIRE, "sections", q.sections())) {
            return;
        }
        Set<String> sectionIds = new HashSet<>();
        Set<String> questionIds = new HashSet<>();
        for (int s = 0; s < q.sections().size(); s++) {
            var section = q.sections().get(s);
            String at = "sections[" + s + "]";
            id(QUESTIONNAIRE, at + ".id", section.id(), sectionIds);
            text(QUESTIONNAIRE, at + ".title", section.title());
            if (!list(QUESTIONNAIRE, at + ".questions", section.questions())) {
                continue;
            }
            for (int n = 0; n < section.questions().size(); n++) {
                var question = section.questions().get(n);
                String qat = at + ".questions[" + n + "]";
                id(QUESTIONNAIRE, qat + ".id", question.id(), questionIds);
                require(QUESTIONNAIRE, qat + ".type", question.type());
                text(QUESTIONNAIRE, qat + ".label", question.label());
                if (question.hint() != null) {
                    text(QUESTIONNAIRE, qat + ".hint", question.hint());
                }
                boolean free = question.type() == Questionnaire.QuestionType.TEXT
                        || question.type() == Questionnaire.QuestionType.TEXTAREA;
                if (free && (question.maxLength() == null || question.maxLength() < 1)) {
                    problem(QUESTIONNAIRE, qat + ".maxLength", "free-text questions need a positive maxLength");
                }
                checkOptions(qat, question);
            }
        }
    }

    private void checkOptions(String at, Questionnaire.Question question) {
        boolean choice = question.type() == Questionnaire.QuestionType.CHOICE;
        if (!choice) {
            if (!question.options().isEmpty()) {
                problem(QUESTIONNAIRE, at + ".options", "only CHOICE questions have options");
            }
            return;
        }
        if (question.options().size() < 2) {
            problem(QUESTIONNAIRE, at + ".options", "a CHOICE question needs at least two options");
        }
        Set<String> ids = new HashSet<>();
        for (int o = 0; o < question.options().size(); o++) {
            var option = question.options().get(o);
            id(QUESTIONNAIRE, at + ".options[" + o + "].id", option.id(), ids);
            text(QUESTIONNAIRE, at + ".options[" + o + "].label", option.label());
        }
    }

    private void checkAnswerCondition(String at, UrgencyPolicy.Condition condition) {
        var question = guidance.questionnaire().question(condition.answer());
        if (question.isEmpty() || question.get().type() != Questionnaire.QuestionType.CHOICE) {
            problem(
                    URGENCY,
                    at + ".answer",
                    "'" + condition.answer() + "' is not a CHOICE question in " + QUESTIONNAIRE);
            return;
        }
        if (condition.anyOf() == null || condition.anyOf().isEmpty()) {
            problem(URGENCY, at + ".anyOf", "list the options that match");
            return;
        }
        Set<String> options = new HashSet<>();
        question.get().options().forEach(option -> options.add(option.id()));
        for (int i = 0; i < condition.anyOf().size(); i++) {
            if (!options.contains(condition.anyOf().get(i))) {
                problem(
                        URGENCY,
                        at + ".anyOf[" + i + "]",
                        "'" + condition.anyOf().get(i) + "' is not an option of " + condition.answer());
            }
        }
    }

    void checkUrgency() {
        UrgencyPolicy u = guidance.urgency();
        if (!list(URGENCY, "tiers", u.tiers())) {
            return;
        }
        Set<String> tierIds = new HashSet<>();
        Set<Integer> ranks = new HashSet<>();
        for (int i = 0; i < u.tiers().size(); i++) {
            var tier = u.tiers().get(i);
            String at = "tiers[" + i + "]";
            id(URGENCY, at + ".id", tier.id(), tierIds);
            if (tier.rank() == null || tier.rank() < 0 || !ranks.add(tier.rank())) {
                problem(URGENCY, at + ".rank", "must be a unique number, 0 or more");
            }
            if (tier.firstLookMinutes() == null || tier.firstLookMinutes() < 1) {
                problem(URGENCY, at + ".firstLookMinutes", "must be a positive number of minutes");
            }
            text(URGENCY, at + ".label", tier.label());
        }
        tierReference(URGENCY, "defaultTier", u.defaultTier(), tierIds);
        if (u.rules() == null) {
            return;
        }
        for (int r = 0; r < u.rules().size(); r++) {
            var rule = u.rules().get(r);
            String at = "rules[" + r + "]";
            tierReference(URGENCY, at + ".tier", rule.tier(), tierIds);
            if (!list(URGENCY, at + ".whenAny", rule.whenAny())) {
                continue;
            }
            for (int c = 0; c < rule.whenAny().size(); c++) {
                var condition = rule.whenAny().get(c);
                String cat = at + ".whenAny[" + c + "]";
                int set = (condition.indicator() == null ? 0 : 1)
                        + (condition.happeningNow() == null ? 0 : 1)
                        + (condition.answer() == null ? 0 : 1);
                if (set != 1) {
                    problem(URGENCY, cat, "set exactly one of indicator, happeningNow, answer");
                } else if (condition.answer() != null) {
                    checkAnswerCondition(cat, condition);
                } else if (condition.indicator() != null
                        && guidance.indicator(condition.indicator()).isEmpty()) {
                    problem(
                            URGENCY,
                            cat + ".indicator",
                            "'" + condition.indicator() + "' is not an id in " + INDICATORS);
                }
            }
        }
    }
}
