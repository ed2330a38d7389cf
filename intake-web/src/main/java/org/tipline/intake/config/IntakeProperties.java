package org.tipline.intake.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicKey the tip line's public key in its text form ({@code epoch:kemId:base64}); or
 * @param publicKeyFile a file holding that text, as the local launcher writes it
 * @param seedsDirectory an operator's seeds folder; the bundled seeds are used when empty
 * @param quickExitUrl where the quick-exit control leads: a neutral page on another site
 * @param proofOfWork the anti-abuse settings for sending a tip
 */
@ConfigurationProperties("tipline.intake")
public record IntakeProperties(
        String publicKey, Path publicKeyFile, Path seedsDirectory, String quickExitUrl, ProofOfWork proofOfWork) {

    /**
     * @param enabled off only for benchmarks that measure filing itself
     * @param difficulty leading zero bits the browser must find (4: about a second on a phone)
     * @param secret base64 key for the challenges' MAC, the same on every intake replica; random per start if empty
     * @param slowLanePerMinute tips accepted per minute, across the instance, from senders without JavaScript
     * @param slowLaneWait the server-side wait each of those pays
     */
    public record ProofOfWork(
            boolean enabled, int difficulty, String secret, int slowLanePerMinute, java.time.Duration slowLaneWait) {}
}
