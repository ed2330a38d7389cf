package org.tipline.jdbc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tipline.model.audit.AuditChain;
import org.tipline.model.audit.Checkpoint;
import org.tipline.model.audit.MerkleTree;
import org.tipline.testsupport.TestDatabase;

/**
 * Each checkpoint starts from the frontier stored with the one before, reading only the entries sealed since, and
 * builds on it only when it hashes to that checkpoint's signed root.
 */
class IncrementalCheckpointTest {

    private static final HexFormat HEX = HexFormat.of();

    private final TestDatabase database = TestDatabase.migrated();
    private final String[] keys = AuditVerifier.newKeyPair();
    private Connection owner;

    @BeforeEach
    void eightEntriesAndACheckpoint() throws SQLException {
        owner = database.connectAsOwner();
        owner.createStatement()
                .execute("DELETE FROM audit_checkpoint; DELETE FROM audit_seal; DELETE FROM audit_entry");
        AuditTamperingTest.append(owner, 8);
        checkpoint();
    }

    @Test
    void theNextCheckpointHasTheRootOfTheWholeChainAndEveryCheckpointVerifies() throws SQLException {
        AuditTamperingTest.append(owner, 5);
        Checkpoint next = checkpoint();

        assertThat(next.treeSize()).isEqualTo(13);
        assertThat(HEX.formatHex(next.rootHash())).isEqualTo(HEX.formatHex(rootOfTheStoredChain()));
        assertThat(AuditVerifier.verify(owner, AuditVerifier.publicKey(keys[1])).problem())
                .isEmpty();
    }

    @Test
    void entriesBeforeTheNewestCheckpointAreNotReadAgain() throws SQLException {
        byte[] rootOfEight = checkpointRow("root", 8);
        owner.createStatement().execute("UPDATE audit_entry SET detail = 'rewritten' WHERE sequence = 2");
        AuditTamperingTest.append(owner, 1);
        Checkpoint next = checkpoint();

        // Built on the signed frontier of eight: the rewritten entry does not enter the new root, and the verifier,
        // which reads everything, names it.
        var frontierOfEight = MerkleTree.Frontier.restore(8, checkpointRow("frontier", 8));
        assertThat(frontierOfEight.root()).isEqualTo(rootOfEight);
        frontierOfEight.add(
                AuditChain.leafHash(AuditVerifier.sealedChain(owner).get(8).entry()));
        assertThat(next.rootHash()).isEqualTo(frontierOfEight.root());
        assertThat(next.rootHash()).isNotEqualTo(rootOfTheStoredChain());
        assertThat(AuditVerifier.verify(owner, AuditVerifier.publicKey(keys[1])).problem())
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("entry 2:"));
    }

    @Test
    void aFrontierThatDoesNotHashToTheSignedRootIsNotBuiltOn() throws SQLException {
        owner.createStatement().execute("UPDATE audit_checkpoint SET frontier = '\\x" + "00".repeat(32) + "'");
        AuditTamperingTest.append(owner, 3);
        Checkpoint next = checkpoint();

        assertThat(HEX.formatHex(next.rootHash())).isEqualTo(HEX.formatHex(rootOfTheStoredChain()));
        assertThat(AuditVerifier.verify(owner, AuditVerifier.publicKey(keys[1])).problem())
                .isEmpty();
    }

    private Checkpoint checkpoint() throws SQLException {
        return AuditVerifier.checkpoint(owner, AuditVerifier.privateKey(keys[0]), Instant.now())
                .orElseThrow();
    }

    private byte[] rootOfTheStoredChain() throws SQLException {
        List<byte[]> leaves = AuditVerifier.sealedChain(owner).stream()
                .map(stored -> AuditChain.leafHash(stored.entry()))
                .toList();
        return MerkleTree.root(leaves);
    }

    private byte[] checkpointRow(String column, long treeSize) throws SQLException {
        try (var rows = owner.createStatement()
                .executeQuery("SELECT " + column + " FROM audit_checkpoint WHERE tree_size = " + treeSize)) {
            assertThat(rows.next()).isTrue();
            return rows.getBytes(1);
        }
    }
}
