package org.tipline.triage.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.guidance.GuidanceLoader;

@Configuration(proxyBeanMethods = false)
class GuidanceConfiguration {

    /** Loaded and validated at start-up: malformed seeds stop the app with a message naming file, place and field. */
    @Bean
    Guidance guidance(TriageProperties properties) {
        return properties.seedsDirectory() == null
                ? GuidanceLoader.fromClasspath()
                : GuidanceLoader.fromDirectory(properties.seedsDirectory());
    }
}
