package org.tipline.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private final Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
    private final List<byte[]> leaves = new ArrayList<>();

    CheckpointTest() {
        for (int i = 1; i <= 10; i++) {
            leaves.add(
                    AuditChain.leafHash(new AuditEntry(i, Instant.ofEpochSecond(i), "casey", "TIP_OPENED", null, "")));
        }
    }

    @Test
    void aCheckpointHoldsWhileTheChainOnlyGrows() {
        Checkpoint checkpoint = Checkpoint.sign(leaves.subList(0, 7), Instant.now(), key);

        assertThat(checkpoint.problemWith(leaves, key.generatePublicKey())).isEmpty();
        assertThat(checkpoint.exportText()).startsWith("tipline-audit-checkpoint/v1\n7\n");
    }

    @Test
    void truncatingTheChainBelowACheckpointIsDetected() {
        Checkpoint checkpoint = Checkpoint.sign(leaves, Instant.now(), key);

        assertThat(checkpoint.problemWith(leaves.subList(0, 8), key.generatePublicKey()))
                .get()
                .asString()
                .contains("entries were removed from the end");
    }

    @Test
    void rewritingACheckpointedEntryIsDetected() {
        Checkpoint checkpoint = Checkpoint.sign(leaves, Instant.now(), key);
        List<byte[]> rewritten = new ArrayList<>(leaves);
        rewritten.set(3, AuditChain.leafHash(new AuditEntry(4, Instant.ofEpochSecond(4), "mallory", "X", null, "")));

        assertThat(checkpoint.problemWith(rewritten, key.generatePublicKey())).isPresent();
    }

    @Test
    void aForgedOrForeignSignatureIsRejected() {
        Checkpoint checkpoint = Checkpoint.sign(leaves, Instant.now(), key);
        var forged = new Checkpoint(
                checkpoint.treeSize() - 1, checkpoint.rootHash(), checkpoint.issuedAt(), checkpoint.signature());
        var stranger = new Ed25519PrivateKeyParameters(new SecureRandom());

        assertThat(forged.signatureValid(key.generatePublicKey())).isFalse();
        assertThat(checkpoint.signatureValid(stranger.generatePublicKey())).isFalse();
        assertThat(checkpoint.signatureValid(key.generatePublicKey())).isTrue();
    }
}
