package org.tipline.jdbc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tipline.model.audit.AuditChain;
import org.tipline.model.audit.AuditEntry;
import org.tipline.testsupport.TestDatabase;

/** Tampering with the audit rows directly in PostgreSQL, as an owner could: every kind is detected. */
class AuditTamperingTest {

    private final TestDatabase database = TestDatabase.migrated();
    private final String[] keys = AuditVerifier.newKeyPair();

    @BeforeEach
    void aChainWithACheckpoint() throws SQLException {
        try (Connection owner = database.connectAsOwner()) {
            owner.createStatement()
                    .execute("DELETE FROM audit_checkpoint; DELETE FROM audit_seal; DELETE FROM audit_entry");
            append(owner, 8);
            assertThat(AuditVerifier.checkpoint(owner, AuditVerifier.privateKey(keys[0]), Instant.now()))
                    .isPresent();
            append(owner, 2);
            assertThat(verify(owner).intact()).isTrue();
            assertThat(verify(owner).entries()).isEqualTo(10);
        }
    }

    @Test
    void anEditedEntryIsFound() throws SQLException {
        assertThat(problemAfter("UPDATE audit_entry SET detail = 'nothing to see' WHERE sequence = 4"))
                .startsWith("entry 4:");
    }

    @Test
    void aBrokenChainCountsTheEntriesIntactBeforeTheBreakWithOrWithoutTheKey() throws SQLException {
        try (Connection owner = database.connectAsOwner()) {
            owner.createStatement().executeUpdate("UPDATE audit_entry SET actor = 'mallory' WHERE sequence = 4");
            assertThat(verify(owner).entries()).isEqualTo(3);
            assertThat(AuditVerifier.verify(owner, null).entries()).isEqualTo(3);
        }
    }

    @Test
    void aDeletedEntryIsFound() throws SQLException {
        assertThat(problemAfter("DELETE FROM audit_entry WHERE sequence = 5")).startsWith("entry 6:");
    }

    @Test
    void anInsertedEntryIsFound() throws SQLException {
        assertThat(problemAfter("UPDATE audit_entry SET sequence = sequence + 100 WHERE sequence > 6; "
                        + "UPDATE audit_seal SET position = position + 100 WHERE position > 6; "
                        + "INSERT INTO audit_entry (sequence, occurred_at, actor, action, detail) "
                        + "VALUES (7, now(), 'casey', 'TIP_OPENED', ''); "
                        + "INSERT INTO audit_seal VALUES (7, 7, '\\x00'); "
                        + "UPDATE audit_entry SET sequence = sequence - 99 WHERE sequence > 100; "
                        + "UPDATE audit_seal SET position = position - 99 WHERE position > 100"))
                .startsWith("entry 7:");
    }

    @Test
    void reorderedEntriesAreFound() throws SQLException {
        assertThat(problemAfter("UPDATE audit_entry SET sequence = 1000 WHERE sequence = 2; "
                        + "UPDATE audit_entry SET sequence = 2 WHERE sequence = 3; "
                        + "UPDATE audit_entry SET sequence = 3 WHERE sequence = 1000"))
                .as("the seals follow the renumbered rows, so the second seal now holds an entry numbered 3")
                .startsWith("entry 3:");
    }

    @Test
    void aDeletedSealIsFound() throws SQLException {
        assertThat(problemAfter("DELETE FROM audit_seal WHERE position = 5")).startsWith("entry 6:");
    }

    @Test
    void anEntryNotSealedYetIsReportedApartFromTampering() throws SQLException {
        try (Connection owner = database.connectAsOwner()) {
            owner.createStatement()
                    .executeUpdate("INSERT INTO audit_entry (sequence, occurred_at, actor, action) "
                            + "VALUES (11, now(), 'casey', 'TIP_OPENED')");
            var result = verify(owner);
            assertThat(result.intact()).isTrue();
            assertThat(result.entries()).isEqualTo(10);
            assertThat(result.unsealed().count()).isEqualTo(1);
            assertThat(result.unsealed().oldest()).isPresent();
        }
    }

    @Test
    void aTruncatedTailIsFoundByTheCheckpoint() throws SQLException {
        assertThat(problemAfter("DELETE FROM audit_entry WHERE sequence > 6")).contains("removed from the end");
    }

    @Test
    void aRewrittenChainWithFreshLinksIsStillFoundByTheCheckpoint() throws SQLException {
        try (Connection owner = database.connectAsOwner()) {
            // A careful forger edits entry 3 and recomputes every link after it, so the chain alone looks intact.
            owner.createStatement().executeUpdate("UPDATE audit_entry SET actor = 'someone-else' WHERE sequence = 3");
            var chain = AuditVerifier.sealedChain(owner);
            byte[] previous = AuditChain.GENESIS;
            for (var stored : chain) {
                byte[] link = AuditChain.link(previous, stored.entry());
                try (var update = owner.prepareStatement("UPDATE audit_seal SET link = ? WHERE position = ?")) {
                    update.setBytes(1, link);
                    update.setLong(2, stored.position());
                    update.executeUpdate();
                }
                previous = link;
            }
            var result = verify(owner);
            assertThat(result.problem()).hasValueSatisfying(p -> assertThat(p).contains("no longer match"));
        }
    }

    @Test
    void aForgedCheckpointSignatureIsFound() throws SQLException {
        assertThat(problemAfter(
                        "UPDATE audit_checkpoint SET signature = set_byte(signature, 0, get_byte(signature, 0) # 1)"))
                .contains("bad signature");
    }

    private String problemAfter(String tampering) throws SQLException {
        try (Connection owner = database.connectAsOwner()) {
            owner.createStatement().execute(tampering);
            return verify(owner).problem().orElse("nothing found");
        }
    }

    private AuditVerifier.Result verify(Connection connection) throws SQLException {
        return AuditVerifier.verify(connection, AuditVerifier.publicKey(keys[1]));
    }

    static void append(Connection owner, int count) throws SQLException {
        var chain = AuditVerifier.sealedChain(owner);
        byte[] previous = chain.isEmpty()
                ? AuditChain.GENESIS
                : chain.get(chain.size() - 1).link();
        long sequence = chain.size();
        for (int i = 0; i < count; i++) {
            var entry = new AuditEntry(
                    ++sequence,
                    Instant.now().truncatedTo(ChronoUnit.MICROS),
                    "casey",
                    "TIP_OPENED",
                    UUID.randomUUID(),
                    "n=" + sequence);
            byte[] link = AuditChain.link(previous, entry);
            try (var insert = owner.prepareStatement("INSERT INTO audit_entry (sequence, occurred_at, actor, action, "
                            + "tip_id, detail) VALUES (?, ?, ?, ?, ?, ?)");
                    var seal = owner.prepareStatement(
                            "INSERT INTO audit_seal (position, sequence, link) VALUES (?, ?, ?)")) {
                insert.setLong(1, entry.sequence());
                insert.setTimestamp(2, java.sql.Timestamp.from(entry.occurredAt()));
                insert.setString(3, entry.actor());
                insert.setString(4, entry.action());
                insert.setObject(5, entry.tipId());
                insert.setString(6, entry.detail());
                insert.executeUpdate();
                seal.setLong(1, entry.sequence());
                seal.setLong(2, entry.sequence());
                seal.setBytes(3, link);
                seal.executeUpdate();
            }
            previous = link;
        }
    }
}
