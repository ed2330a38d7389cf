package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.TipLineKeyPair;

/** An operator's broken seeds stop the app at start-up with a message that says where to look. */
class MalformedSeedsTest {

    @TempDir
    Path seeds;

    @Test
    void theAppRefusesToStartAndNamesTheFileThePlaceAndTheField() throws IOException {
        for (String file : List.of(
                "deployment.yaml",
                "indicators.yaml",
                "questionnaire.yaml",
                "urgency.yaml",
                "referrals.yaml",
                "laws.yaml",
                "canned-questions.yaml")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("seeds/" + file)) {
                Files.copy(in, seeds.resolve(file));
            }
        }
        Path referrals = seeds.resolve("referrals.yaml");
        Files.writeString(
                referrals, Files.readString(referrals).replace("phone: \"+1-888-999-5545\"", "phone: call-us"));

        String publicKey =
                TipLineKeyPair.generate(1, HpkeSuite.X25519).publicKey().encode();

        assertThatThrownBy(() -> new SpringApplicationBuilder(IntakeApplication.class)
                        .run(
                                "--tipline.intake.seeds-directory=" + seeds,
                                "--tipline.intake.public-key=" + publicKey,
                                "--server.port=0"))
                .rootCause()
                .hasMessageContaining(referrals + ": support[0].phone: 'call-us' is not a phone number");
    }
}
