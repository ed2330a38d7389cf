package org.tipline.model.guidance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        SeedChecks.check(source, guidance);
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
}
