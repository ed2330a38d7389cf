package org.tipline.intake.config;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tipline.intake.abuse.ProofOfWork;
import org.tipline.intake.abuse.SlowLane;
import org.tipline.model.crypto.Bytes;
import org.tipline.model.crypto.TipLinePublicKey;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.guidance.GuidanceLoader;
import org.tipline.model.guidance.UrgencyPolicy;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

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

    @Bean
    ProofOfWork proofOfWork(IntakeProperties properties, Clock clock) {
        String secret = properties.proofOfWork().secret();
        return new ProofOfWork(
                secret == null || secret.isBlank()
                        ? Bytes.random(32)
                        : Base64.getDecoder().decode(secret.strip()),
                properties.proofOfWork().difficulty(),
                clock);
    }

    @Bean
    SlowLane slowLane(IntakeProperties properties, Clock clock) {
        return new SlowLane(
                clock,
                properties.proofOfWork().slowLanePerMinute(),
                properties.proofOfWork().slowLaneWait());
    }
}
