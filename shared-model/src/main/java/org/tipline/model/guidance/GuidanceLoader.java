package org.tipline.model.guidance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and validates the seeds. Any problem stops start-up with a message naming the file, the place (line and
 * column for syntax and type errors, the path for missing or inconsistent values) and the field.
 */
public final class GuidanceLoader {

    static final String DEPLOYMENT = "deployment.yaml";
    static final String INDICATORS = "indicators.yaml";
    static final String QUESTIONNAIRE = "questionnaire.yaml";
    static final String URGENCY = "urgency.yaml";
    static final String REFERRALS = "referrals.yaml";
    static final String LAWS = "laws.yaml";
    static final String CANNED_QUESTIONS = "canned-questions.yaml";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*|[A-Z][A-Z0-9_]*");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9-]{1,19}");

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Where seed files come from: the classpath (the {@code seeds} module) or an operator's directory. */
    public interface Source {
        InputStream open(String file) throws IOException;

        String describe(String file);
    }

    private record DeploymentFile(Deployment deployment) {}

    private record IndicatorsFile(List<Indicator> indicators) {}

    private record ReferralsFile(List<Destination> destinations, List<SupportResource> support) {}

    private record LawsFile(List<Law> laws) {}

    private record CannedQuestionsFile(List<CannedQuestion> cannedQuestions) {}

    private GuidanceLoader() {}

    public static Guidance fromClasspath() {
        return load(new Source() {
            @Override
            public InputStream open(String file) {
                return GuidanceLoader.class.getClassLoader().getResourceAsStream("seeds/" + file);
            }

            @Override
            public String describe(String file) {
                return "seeds/" + file;
            }
        });
    }

    public static Guidance fromDirectory(Path directory) {
        return load(new Source() {
            @Override
            public InputStream open(String file) throws IOException {
                Path path = directory.resolve(file);
                return Files.exists(path) ? Files.newInputStream(path) : null;
            }

            @Override
            public String describe(String file) {
                return directory.resolve(file).toString();
            }
        });
    }

    public static Guidance load(Source source) {
        List<String> syntax = new ArrayList<>();
        var deployment = read(source, DEPLOYMENT, DeploymentFile.class, syntax);
        var indicators = read(source, INDICATORS, IndicatorsFile.class, syntax);
        var questionnaire = read(source, QUESTIONNAIRE, Questionnaire.class, syntax);
        var urgency = read(source, URGENCY, UrgencyPolicy.class, syntax);
        var referrals = read(source, REFERRALS, ReferralsFile.class, syntax);
        var laws = read(source, LAWS, LawsFile.class, syntax);
        var canned = read(source, CANNED_QUESTIONS, CannedQuestionsFile.class, syntax);
        if (!syntax.isEmpty()) {
            throw new SeedValidationException(syntax);
        }
        var guidance = new Guidance(
                deployment.deployment(),
                indicators.indicators(),
                questionnaire,
                urgency,
                referrals.destinations(),
                referrals.support(),
                laws.laws(),
                canned.cannedQuestions());
        new Checker(source, guidance).check();
        return guidance;
    }

    private static <T> T read(Source source, String file, Class<T> type, List<String> problems) {
        try (InputStream in = source.open(file)) {
            if (in == null) {
                problems.add(source.describe(file) + ": file is missing");
                return null;
            }
            T value = YAML.readValue(in, type);
            if (value == null) {
                problems.add(source.describe(file) + ": file is empty");
            }
            return value;
        } catch (JacksonException e) {
            var location = e.getLocation();
            String place = location == null
                    ? ""
                    : " line " + location.getLineNr() + ", column " + location.getColumnNr() + ":";
            problems.add(source.describe(file) + ":" + place + " " + pathOf(e) + firstLine(e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.describe(file), e);
        }
    }

    /** Renders Jackson's reference chain in the same {@code rules[1].tier} form the semantic checks use. */
    private static String pathOf(JacksonException e) {
        var path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "" : path + ": ";
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** Semantic checks: required values, every language present, unique ids and references that resolve. */
    private static final class Checker {
        private final Source source;
        private final Guidance guidance;
        private final List<String> problems = new ArrayList<>();
        private List<String> languages = List.of();

        Checker(Source source, Guidance guidance) {
            this.source = source;
            this.guidance = guidance;
        }

        void check() {
            checkDeployment();
            checkIndicators();
            checkQuestionnaire();
            checkUrgency();
            checkReferrals();
            checkLaws();
            checkCannedQuestions();
            if (!problems.isEmpty()) {
                throw new SeedValidationException(problems);
            }
        }

        private void checkDeployment() {
            Deployment d = guidance.deployment();
            if (require(DEPLOYMENT, "deployment", d)) {
                require(DEPLOYMENT, "deployment.city", d.city());
                require(DEPLOYMENT, "deployment.state", d.state());
                require(DEPLOYMENT, "deployment.emergencyNumber", d.emergencyNumber());
                if (d.languages() == null || d.languages().isEmpty()) {
                    problem(DEPLOYMENT, "deployment.languages", "must list at least one language");
                } else {
                    languages = d.languages();
                    if (!languages.contains(d.defaultLanguage())) {
                        problem(DEPLOYMENT, "deployment.defaultLanguage", "must be one of " + languages);
                    }
                }
                text(DEPLOYMENT, "deployment.name", d.name());
                if (d.timeZone() != null && !ZoneId.getAvailableZoneIds().contains(d.timeZone())) {
                    problem(DEPLOYMENT, "deployment.timeZone", "'" + d.timeZone() + "' is not a time zone id");
                }
            }
        }

        private void checkIndicators() {
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

        private void checkQuestionnaire() {
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

        private void checkUrgency() {
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

        private void checkReferrals() {
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
                                    REFERRALS,
                                    at + ".tiers[" + t + "]",
                                    d.tiers().get(t),
                                    tierIds);
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

        private void checkLaws() {
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

        private void checkCannedQuestions() {
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

        private void id(String file, String at, String id, Set<String> seen) {
            if (!require(file, at, id)) {
                return;
            }
            if (!ID.matcher(id).matches()) {
                problem(file, at, "'" + id + "' must be lower-case-with-dashes or UPPER_CASE");
            } else if (!seen.add(id)) {
                problem(file, at, "'" + id + "' is used twice");
            }
        }

        private void tierReference(String file, String at, String tier, Set<String> tierIds) {
            if (require(file, at, tier) && !tierIds.contains(tier)) {
                problem(file, at, "'" + tier + "' is not a tier in " + URGENCY);
            }
        }

        private void phone(String at, String number) {
            if (number != null && !PHONE.matcher(number).matches()) {
                problem(REFERRALS, at, "'" + number + "' is not a phone number (digits, dashes, optional +)");
            }
        }

        private void text(String file, String at, LocalizedText text) {
            if (!require(file, at, text)) {
                return;
            }
            for (String language : languages) {
                String value = text.values().get(language);
                if (value == null || value.isBlank()) {
                    problem(file, at + "." + language, "missing text in language '" + language + "'");
                }
            }
        }

        private boolean list(String file, String at, List<?> values) {
            if (values == null || values.isEmpty()) {
                problem(file, at, "must list at least one entry");
                return false;
            }
            return true;
        }

        private boolean require(String file, String at, Object value) {
            if (value == null || (value instanceof String s && s.isBlank())) {
                problem(file, at, "is required");
                return false;
            }
            return true;
        }

        private void problem(String file, String at, String message) {
            problems.add(source.describe(file) + ": " + at + ": " + message);
        }
    }
}
