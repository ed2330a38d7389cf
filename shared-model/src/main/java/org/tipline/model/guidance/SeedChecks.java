package org.tipline.model.guidance;

import static org.tipline.model.guidance.GuidanceLoader.CANNED_QUESTIONS;
import static org.tipline.model.guidance.GuidanceLoader.DEPLOYMENT;
import static org.tipline.model.guidance.GuidanceLoader.INDICATORS;
import static org.tipline.model.guidance.GuidanceLoader.LAWS;
import static org.tipline.model.guidance.GuidanceLoader.REFERRALS;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Semantic checks over the seeds: required values, every language present, unique ids and references that resolve.
 * All problems are gathered before start-up stops, so an operator fixes them in one pass.
 */
final class SeedChecks extends SeedCheck {

    SeedChecks(GuidanceLoader.Source source, Guidance guidance, List<String> problems) {
        super(source, guidance, problems);
    }

    static void check(GuidanceLoader.Source source, Guidance guidance) {
        List<String> problems = new ArrayList<>();
        var files = new SeedChecks(source, guidance, problems);
        var questions = new QuestionnaireChecks(source, guidance, problems);
        files.checkDeployment();
        files.checkIndicators();
        questions.checkQuestionnaire();
        questions.checkUrgency();
        files.checkReferrals();
        files.checkLaws();
        files.checkCannedQuestions();
        if (!problems.isEmpty()) {
            throw new SeedValidationException(problems);
        }
    }

    void checkDeployment() {
        Deployment d = guidance.deployment();
        if (require(DEPLOYMENT, "deployment", d)) {
            require(DEPLOYMENT, "deployment.city", d.city());
            require(DEPLOYMENT, "deployment.state", d.state());
            require(DEPLOYMENT, "deployment.emergencyNumber", d.emergencyNumber());
            if (d.languages() == null || d.languages().isEmpty()) {
                problem(DEPLOYMENT, "deployment.languages", "must list at least one language");
            } else {
                if (!d.languages().contains(d.defaultLanguage())) {
                    problem(DEPLOYMENT, "deployment.defaultLanguage", "must be one of " + d.languages());
                }
            }
            text(DEPLOYMENT, "deployment.name", d.name());
            if (d.timeZone() != null && !ZoneId.getAvailableZoneIds().contains(d.timeZone())) {
                problem(DEPLOYMENT, "deployment.timeZone", "'" + d.timeZone() + "' is not a time zone id");
            }
        }
    }

    void checkIndicators() {
        if (!list(INDICATORS, "indicators", guidance.indicators())) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < guidance.indicators().size(); i++) {
            Indicator indicator = guidance.indicators().get(i);
            String at = "indicators[" + i + "]";
            id(INDICATORS, at + ".id", indicator.id(), ids);
            text(INDICATORS, at + ".label", indicator.label());
            text(INDICATORS, at + ".explanation", indicator.explanation());
        }
    }

    void checkReferrals() {
        Set<String> tierIds = new HashSet<>();
        if (guidance.urgency().tiers() != null) {
            guidance.urgency().tiers().forEach(t -> tierIds.add(t.id()));
        }
        if (list(REFERRALS, "destinations", guidance.destinations())) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < guidance.destinations().size(); i++) {
                var d = guidance.destinations().get(i);
                String at = "destinations[" + i + "]";
                id(REFERRALS, at + ".id", d.id(), ids);
                require(REFERRALS, at + ".kind", d.kind());
                text(REFERRALS, at + ".name", d.name());
                text(REFERRALS, at + ".appliesWhen", d.appliesWhen());
                phone(at + ".phone", d.phone());
                phone(at + ".text", d.text());
                if (d.hours() != null) {
                    text(REFERRALS, at + ".hours", d.hours());
                }
                if (list(REFERRALS, at + ".tiers", d.tiers())) {
                    for (int t = 0; t < d.tiers().size(); t++) {
                        tierReference(
                                REFERRALS, at + ".tiers[" + t + "]", d.tiers().get(t), tierIds);
                    }
                }
                require(REFERRALS, at + ".source", d.source());
            }
        }
        if (list(REFERRALS, "support", guidance.support())) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < guidance.support().size(); i++) {
                var s = guidance.support().get(i);
                String at = "support[" + i + "]";
                id(REFERRALS, at + ".id", s.id(), ids);
                text(REFERRALS, at + ".name", s.name());
                text(REFERRALS, at + ".offers", s.offers());
                phone(at + ".phone", s.phone());
                phone(at + ".text", s.text());
                if (s.hours() != null) {
                    text(REFERRALS, at + ".hours", s.hours());
                }
                require(REFERRALS, at + ".source", s.source());
            }
        }
    }

    void checkLaws() {
        if (!list(LAWS, "laws", guidance.laws())) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < guidance.laws().size(); i++) {
            var law = guidance.laws().get(i);
            String at = "laws[" + i + "]";
            id(LAWS, at + ".id", law.id(), ids);
            require(LAWS, at + ".citation", law.citation());
            text(LAWS, at + ".summary", law.summary());
        }
    }

    void checkCannedQuestions() {
        if (!list(CANNED_QUESTIONS, "cannedQuestions", guidance.cannedQuestions())) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < guidance.cannedQuestions().size(); i++) {
            var question = guidance.cannedQuestions().get(i);
            String at = "cannedQuestions[" + i + "]";
            id(CANNED_QUESTIONS, at + ".id", question.id(), ids);
            text(CANNED_QUESTIONS, at + ".text", question.text());
        }
    }
}
