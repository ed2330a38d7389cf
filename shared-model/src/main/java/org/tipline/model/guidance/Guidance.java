package org.tipline.model.guidance;

import java.util.List;
import java.util.Optional;

/** Everything a deployment's seeds define: the form, the warning signs, the urgency rules and where tips go. */
public record Guidance(
        Deployment deployment,
        List<Indicator> indicators,
        Questionnaire questionnaire,
        UrgencyPolicy urgency,
        List<Destination> destinations,
        List<SupportResource> support,
        List<Law> laws) {

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
