package org.tipline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipline.jdbc.audit.AuditVerifier;
import org.tipline.model.audit.AuditChain;
import org.tipline.model.audit.AuditEntry;
import org.tipline.testsupport.TestDatabase;

/** The command-line verifier against real PostgreSQL: exit 0 when intact, 1 naming the damage, 2 on bad usage. */
class AuditToolTest {

    @TempDir
    Path directory;

    private final TestDatabase database = TestDatabase.migrated();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private Path publicKey;
    private Path exports;

    @BeforeEach
    void aCheckpointedChain() throws Exception {
        String[] keys = AuditVerifier.newKeyPair();
        publicKey = Files.writeString(directory.resolve("audit-checkpoint.pub"), keys[1]);
        exports = directory.resolve("exported-checkpoints");
        try (var owner = database.connectAsOwner()) {
            byte[] previous = AuditChain.GENESIS;
            for (long sequence = 1; sequence <= 5; sequence++) {
                var entry = new AuditEntry(
                        sequence, Instant.now().truncatedTo(ChronoUnit.MICROS), "sam", "AUDIT_VIEWED", null, "");
                previous = AuditChain.link(previous, entry);
                try (var insert = owner.prepareStatement("INSERT INTO audit_entry (sequence, occurred_at, actor, "
                                + "action, detail) VALUES (?, ?, ?, ?, ?)");
                        var seal = owner.prepareStatement("INSERT INTO audit_seal VALUES (?, ?, ?)")) {
                    insert.setLong(1, sequence);
                    insert.setTimestamp(2, java.sql.Timestamp.from(entry.occurredAt()));
                    insert.setString(3, entry.actor());
                    insert.setString(4, entry.action());
                    insert.setString(5, entry.detail());
                    insert.executeUpdate();
                    seal.setLong(1, sequence);
                    seal.setLong(2, sequence);
                    seal.setBytes(3, previous);
                    seal.executeUpdate();
                }
            }
            var checkpoint = AuditVerifier.checkpoint(owner, AuditVerifier.privateKey(keys[0]), Instant.now())
                    .orElseThrow();
            Files.createDirectories(exports);
            Files.writeString(exports.resolve(AuditVerifier.exportFileName(checkpoint)), checkpoint.exportText());
        }
    }

    @Test
    void aTailCutTogetherWithItsStoredCheckpointsIsFoundByTheExportedOnes() throws Exception {
        try (var owner = database.connectAsOwner()) {
            owner.createStatement()
                    .executeUpdate("DELETE FROM audit_checkpoint; DELETE FROM audit_entry WHERE sequence > 3");
        }
        assertThat(audit("verify", "--public-key", publicKey.toString()))
                .as("the database alone no longer shows it")
                .isZero();
        output.reset();
        assertThat(audit("verify", "--public-key", publicKey.toString(), "--checkpoints", exports.toString()))
                .isEqualTo(1);
        assertThat(printed())
                .contains("TAMPERED")
                .contains("covers 5")
                .contains("removed from the end")
                .contains("(3 entries intact and in order up to there)");
    }

    @Test
    void anExportedCheckpointUnderAnotherKeyIsRefused() throws Exception {
        var forged = org.tipline.model.audit.Checkpoint.parse(Files.readString(exports.resolve("checkpoint-5.txt")));
        String[] stranger = AuditVerifier.newKeyPair();
        Files.writeString(
                exports.resolve("checkpoint-5.txt"),
                org.tipline.model.audit.Checkpoint.sign(
                                leaves(), forged.issuedAt(), AuditVerifier.privateKey(stranger[0]))
                        .exportText());
        assertThat(audit("verify", "--public-key", publicKey.toString(), "--checkpoints", exports.toString()))
                .isEqualTo(1);
        assertThat(printed()).contains("bad signature");
    }

    private List<byte[]> leaves() throws Exception {
        try (var owner = database.connectAsOwner()) {
            return AuditVerifier.sealedChain(owner).stream()
                    .map(stored -> AuditChain.leafHash(stored.entry()))
                    .toList();
        }
    }

    @Test
    void anIntactTrailExitsZero() {
        assertThat(audit("verify", "--public-key", publicKey.toString())).isZero();
        assertThat(printed()).contains("intact: 5 entries, 1 signed checkpoints match");
    }

    @Test
    void entriesNotSealedYetAreReportedApartAndAreNotTampering() throws Exception {
        try (var owner = database.connectAsOwner()) {
            owner.createStatement()
                    .executeUpdate("INSERT INTO audit_entry (sequence, occurred_at, actor, action) "
                            + "VALUES (6, now(), 'sam', 'AUDIT_VIEWED'), (7, now(), 'sam', 'AUDIT_VIEWED')");
        }
        assertThat(audit("verify", "--public-key", publicKey.toString())).isZero();
        assertThat(printed())
                .contains("intact: 5 entries")
                .contains("unsealed: 2 newer entries not linked into the chain yet")
                .doesNotContain("TAMPERED");
    }

    @Test
    void aCutTailExitsOneAndSaysWhat() throws Exception {
        try (var owner = database.connectAsOwner()) {
            owner.createStatement().executeUpdate("DELETE FROM audit_entry WHERE sequence > 3");
        }
        assertThat(audit("verify", "--public-key", publicKey.toString())).isEqualTo(1);
        assertThat(printed()).contains("TAMPERED").contains("removed from the end");
    }

    @Test
    void anEditedEntryExitsOneEvenWithoutTheKey() throws Exception {
        try (var owner = database.connectAsOwner()) {
            owner.createStatement().executeUpdate("UPDATE audit_entry SET actor = 'x' WHERE sequence = 2");
        }
        assertThat(audit("verify")).isEqualTo(1);
        assertThat(printed()).contains("TAMPERED: entry 2:");
    }

    @Test
    void wrongUsageExitsTwo() {
        assertThat(audit("check")).isEqualTo(2);
        assertThat(audit("verify", "--checkpoints", exports.toString())).isEqualTo(2);
        assertThat(audit("verify", "--public-key")).isEqualTo(2);
        assertThat(printed()).contains("usage:");
    }

    private int audit(String... args) {
        Map<String, String> env = Map.of(
                "TIPLINE_DB_URL", database.jdbcUrl(),
                "TIPLINE_DB_OWNER_USER", database.ownerUser(),
                "TIPLINE_DB_OWNER_PASSWORD", database.ownerPassword(),
                "TIPLINE_DATA_DIR", directory.toString());
        return new AuditTool(env, new PrintStream(output, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
