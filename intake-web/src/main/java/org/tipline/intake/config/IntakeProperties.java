package org.tipline.intake.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicKey the tip line's public key in its text form ({@code epoch:kemId:base64}); or
 * @param publicKeyFile a file holding that text, as the local launcher writes it
 * @param seedsDirectory an operator's seeds folder; the bundled seeds are used when empty
 * @param quickExitUrl where the quick-exit control leads: a neutral page on another site
 */
@ConfigurationProperties("tipline.intake")
public record IntakeProperties(String publicKey, Path publicKeyFile, Path seedsDirectory, String quickExitUrl) {}
