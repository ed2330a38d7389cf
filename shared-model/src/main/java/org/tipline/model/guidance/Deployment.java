package org.tipline.model.guidance;

import java.util.List;

public record Deployment(
        String city,
        String state,
        String country,
        List<String> languages,
        String defaultLanguage,
        String emergencyNumber,
        LocalizedText name) {}
