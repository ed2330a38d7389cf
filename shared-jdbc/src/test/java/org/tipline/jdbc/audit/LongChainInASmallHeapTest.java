package org.tipline.jdbc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.tipline.model.audit.AuditChain;
import org.tipline.model.audit.AuditEntry;
import org.tipline.testsupport.TestDatabase;

/**
 * A console verifies and checkpoints the whole audit chain, which only grows. Held in memory at once, 1,000,000
 * entries exhausted a 512 MB console (the console benchmark, 2026-12-05). Here a JVM with a 48 MB heap signs a
 * checkpoint over 300,000 entries and verifies them: about 150 MB as objects, so it passes only if the chain streams.
 */
class LongChainInASmallHeapTest {

    private static final int ENTRIES = 300_000;

    private final TestDatabase database = TestDatabase.migrated();

    @Test
    void aLongChainIsCheckpointedAndVerifiedInASmallHeap() throws Exception {
        try (Connection owner = database.connectAsOwner()) {
            owner.createStatement()
                    .execute("DELETE FROM audit_checkpoint; DELETE FROM audit_seal; DELETE FROM audit_entry");
            store(owner);
        }
        String[] keys = AuditVerifier.newKeyPair();
        var command = List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(),
                "-Xmx48m",
                "-cp",
                System.getProperty("java.class.path"),
                SmallHeapVerifier.class.getName(),
                database.jdbcUrl(),
                database.ownerUser(),
                database.ownerPassword(),
                keys[0]);
        Process verifier = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verifier.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(output).doesNotContain("OutOfMemoryError");
        assertThat(verifier.exitValue()).as(output).isZero();
        assertThat(output).contains("checkpoint of " + ENTRIES).contains("intact " + ENTRIES);
    }

    /** Entries with correct links and their seals, written with COPY as a year of a busy tip line would leave them. */
    private static void store(Connection owner) throws Exception {
        var entries = new StringBuilder();
        var seals = new StringBuilder();
        var hex = HexFormat.of();
        byte[] link = AuditChain.GENESIS;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (long sequence = 1; sequence <= ENTRIES; sequence++) {
            var entry = new AuditEntry(sequence, at, "coordinator", "TIP_OPENED", UUID.randomUUID(), "");
            link = AuditChain.link(link, entry);
            entries.append(sequence).append('\t').append(at).append("\tcoordinator\tTIP_OPENED\t");
            entries.append(entry.tipId()).append("\t\n");
            seals.append(sequence).append('\t').append(sequence).append("\t\\\\x");
            seals.append(hex.formatHex(link)).append('\n');
        }
        var copy = owner.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn(
                "COPY audit_entry (sequence, occurred_at, actor, action, tip_id, detail) FROM STDIN",
                new StringReader(entries.toString()));
        copy.copyIn("COPY audit_seal (position, sequence, link) FROM STDIN", new StringReader(seals.toString()));
    }
}
