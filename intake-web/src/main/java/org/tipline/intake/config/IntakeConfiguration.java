package org.tipline.intake.config;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tipline.intake.abuse.ProofOfWork;
import org.tipline.intake.abuse.SendLoad;
import org.tipline.intake.submission.SubmissionTokens;
import org.tipline.model.crypto.Bytes;
import org.tipline.model.crypto.TipLinePublicKey;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.guidance.GuidanceLoader;
import org.tipline.model.guidance.UrgencyPolicy;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    /** Used when no secret is configured: the same for every bean of this instance, new at each start. */
    private static final byte[] RANDOM_SECRET = Bytes.random(32);

    /** Loaded and validated at start-up: malformed seeds stop the app with a message naming file, place and field. */
    @Bean
    Guidance guidance(IntakeProperties properties) {
        return properties.seedsDirectory() == null
                ? GuidanceLoader.fromClasspath()
                : GuidanceLoader.fromDirectory(properties.seedsDirectory());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    UrgencyPolicy urgencyPolicy(Guidance guidance) {
        return guidance.urgency();
    }

    /**
     * The public key is pinned in configuration rather than read from the database, so whoever can write to the
     * database still cannot redirect new tips to a key of their own.
     */
    @Bean
    TipLinePublicKey tipLinePublicKey(IntakeProperties properties) throws IOException {
        if (properties.publicKey() != null && !properties.publicKey().isBlank()) {
            return TipLinePublicKey.decode(properties.publicKey());
        }
        if (properties.publicKeyFile() != null) {
            return TipLinePublicKey.decode(Files.readString(properties.publicKeyFile()));
        }
        throw new IllegalStateException(
                "No tip-line public key: set tipline.intake.public-key (TIPLINE_INTAKE_PUBLIC_KEY) "
                        + "or tipline.intake.public-key-file (TIPLINE_INTAKE_PUBLIC_KEY_FILE)");
    }

    /** Intake's own secret: it keys submission tokens, receipts and passes, each under a key derived for it. */
    private static byte[] secret(IntakeProperties properties) {
        String secret = properties.proofOfWork().secret();
        return secret == null || secret.isBlank()
                ? RANDOM_SECRET
                : Base64.getDecoder().decode(secret.strip());
    }

    @Bean
    SubmissionTokens submissionTokens(IntakeProperties properties, Clock clock) {
        return new SubmissionTokens(secret(properties), clock);
    }

    @Bean
    ProofOfWork proofOfWork(IntakeProperties properties, Clock clock) {
        var settings = properties.proofOfWork();
        if (settings.slowLaneMaxWait().compareTo(java.time.Duration.ofSeconds(50)) > 0) {
            throw new IllegalStateException("tipline.intake.proof-of-work.slow-lane-max-wait must be at most 50s, "
                    + "so a sender without JavaScript gets through within a minute");
        }
        return new ProofOfWork(
                secret(properties),
                clock,
                new SendLoad(
                        clock,
                        settings.difficulty(),
                        settings.busyPerMinute(),
                        settings.slowLaneWait(),
                        settings.slowLaneMaxWait()));
    }
}
