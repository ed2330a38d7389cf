package org.tipline.triage.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param seedsDirectory an operator's seeds folder; the bundled seeds are used when empty */
@ConfigurationProperties("tipline.triage")
public record TriageProperties(Path seedsDirectory) {}
