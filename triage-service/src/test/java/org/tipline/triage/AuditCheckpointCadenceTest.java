package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.jdbc.audit.AuditVerifier;
import org.tipline.model.audit.Checkpoint;
import org.tipline.triage.audit.AuditTrail;

/**
 * Checkpoints follow the configured cadence without anyone asking: an entry appended is covered by a signed, exported
 * checkpoint within about one interval, which bounds what the database's owner could cut without it being noticed.
 */
@TriageIntegrationTest
class AuditCheckpointCadenceTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();
    static Path exports;
    static String publicKey;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path keys = Files.createTempDirectory("tipline-cadence");
        String[] pair = AuditVerifier.newKeyPair();
        publicKey = pair[1];
        Files.writeString(keys.resolve("checkpoint.key"), pair[0]);
        exports = keys.resolve("exports");
        registry.add(
                "tipline.triage.audit.checkpoint-key-file",
                () -> keys.resolve("checkpoint.key").toString());
        registry.add("tipline.triage.audit.checkpoint-export-dir", exports::toString);
        registry.add("tipline.triage.audit.checkpoint-interval", () -> "PT1S");
        registry.add("tipline.triage.audit.seal-every", () -> "PT0.2S");
    }

    @Autowired
    AuditTrail audit;

    @Test
    void eachAppendedEntryIsCoveredByAnExportedCheckpointWithinTheInterval() throws Exception {
        var key = AuditVerifier.publicKey(publicKey);
        for (int round = 0; round < 3; round++) {
            long sequence = audit.append("cadence-test", "CADENCE_PROBE", null, "round=" + round)
                    .sequence();
            long appendedAt = System.nanoTime();
            await().pollInterval(Duration.ofMillis(50))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> newestExported() >= sequence);
            assertThat(Duration.ofNanos(System.nanoTime() - appendedAt))
                    .as("sealed within 0.2 s, covered within the 1 s interval plus the signing time")
                    .isLessThan(Duration.ofSeconds(3));
        }
        List<Checkpoint> exported = AuditVerifier.exported(exports);
        assertThat(exported).allSatisfy(c -> assertThat(c.signatureValid(key)).isTrue());
        try (var owner = SETUP.database.connectAsOwner()) {
            assertThat(AuditVerifier.verify(owner, key, exported).intact()).isTrue();
            assertThat(AuditVerifier.sealedChain(owner)).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    private static long newestExported() throws IOException {
        return Files.isDirectory(exports)
                ? AuditVerifier.exported(exports).stream()
                        .mapToLong(Checkpoint::treeSize)
                        .max()
                        .orElse(0)
                : 0;
    }
}
