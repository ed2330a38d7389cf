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
     * @param difficulty leading zero bits the browser must find when sending is quiet (ADR 17: a few seconds on a
     *     mid-range phone)
     * @param secret base64 key, the same on every intake replica, for the submission tokens, receipts and passes;
     *     random per start if empty (then a page from before a restart must be sent again)
     * @param busyPerMinute passes issued per minute on an instance above which difficulty and wait rise
     * @param slowLaneWait how long after the review page opens a pass is valid without work (JavaScript off)
     * @param slowLaneMaxWait the most that wait can rise to under load, so a genuine sender gets through within a minute
     */
    public record ProofOfWork(
            boolean enabled,
            int difficulty,
            String secret,
            int busyPerMinute,
            java.time.Duration slowLaneWait,
            java.time.Duration slowLaneMaxWait) {}
}
