package org.tipline.model.guidance;

import java.util.List;
import java.util.Optional;

/**
 * Everything a deployment's seeds define: the form, the warning signs, the urgency rules, where tips go, and the
 * questions coordinators can send tipsters.
 */
public record Guidance(
        Deployment deployment,
        List<Indicator> indicators,
        Questionnaire questionnaire,
        UrgencyPolicy urgency,
        List<Destination> destinations,
        List<SupportResource> support,
        List<Law> laws,
        List<CannedQuestion> cannedQuestions) {

    public Optional<Indicator> indicator(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<Destination> destination(String id) {
        return destinations.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<Destination> firstOfKind(Destination.Kind kind) {
        return destinations.stream().filter(d -> d.kind() == kind).findFirst();
    }

    public boolean supportsLanguage(String language) {
        return deployment.languages().contains(language);
    }
}
