package org.tipline.model.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A signed statement that the audit tree had {@code treeSize} entries with Merkle root {@code rootHash} at
 * {@code issuedAt}. Signed with Ed25519 under a key kept apart from tip keys, and exported for anchoring outside the
 * database, it makes deleting or rewriting the chain's tail detectable.
 */
public record Checkpoint(long treeSize, byte[] rootHash, Instant issuedAt, byte[] signature) {

    private static final String HEADER = "tipline-audit-checkpoint/v1";

    public static Checkpoint sign(List<byte[]> leafHashes, Instant issuedAt, Ed25519PrivateKeyParameters key) {
        var tree = new MerkleTree.Frontier();
        leafHashes.forEach(tree::add);
        return sign(tree, issuedAt, key);
    }

    /** Signs the tree as it has grown so far. */
    public static Checkpoint sign(MerkleTree.Frontier tree, Instant issuedAt, Ed25519PrivateKeyParameters key) {
        byte[] root = tree.root();
        var signer = new Ed25519Signer();
        signer.init(true, key);
        byte[] body = body(tree.size(), root, issuedAt);
        signer.update(body, 0, body.length);
        return new Checkpoint(tree.size(), root, issuedAt, signer.generateSignature());
    }

    public boolean signatureValid(Ed25519PublicKeyParameters key) {
        var verifier = new Ed25519Signer();
        verifier.init(false, key);
        byte[] body = body(treeSize, rootHash, issuedAt);
        verifier.update(body, 0, body.length);
        return verifier.verifySignature(signature);
    }

    /**
     * Checks this checkpoint against the chain as it is now: the signature, that the chain still has at least
     * {@code treeSize} entries, and that its first {@code treeSize} leaves still produce the signed root.
     */
    public Optional<String> problemWith(List<byte[]> currentLeafHashes, Ed25519PublicKeyParameters key) {
        return problemWith(
                currentLeafHashes.size(),
                currentLeafHashes.size() < treeSize
                        ? null
                        : MerkleTree.root(currentLeafHashes.subList(0, (int) treeSize)),
                key);
    }

    /**
     * As {@link #problemWith(List, Ed25519PublicKeyParameters)}, for a chain of {@code chainSize} entries whose first
     * {@code treeSize} have the Merkle root {@code recomputed} (null when the chain is shorter).
     */
    public Optional<String> problemWith(long chainSize, byte[] recomputed, Ed25519PublicKeyParameters key) {
        if (!signatureValid(key)) {
            return Optional.of("checkpoint of " + treeSize + " entries has a bad signature");
        }
        if (chainSize < treeSize) {
            return Optional.of("chain has " + chainSize + " entries but a checkpoint covers " + treeSize
                    + ": entries were removed from the end");
        }
        if (!MessageDigest.isEqual(recomputed, rootHash)) {
            return Optional.of("the first " + treeSize + " entries no longer match the checkpoint's root");
        }
        return Optional.empty();
    }

    /** The text that is signed and exported: one field per line, so it can be read and re-verified by hand. */
    public String exportText() {
        return new String(body(treeSize, rootHash, issuedAt), StandardCharsets.UTF_8)
                + Base64.getEncoder().encodeToString(signature) + "\n";
    }

    /** Reads {@link #exportText()} back, for checking the chain against checkpoints kept outside the database. */
    public static Checkpoint parse(String exported) {
        String[] lines = exported.strip().split("\n");
        if (lines.length != 5 || !lines[0].strip().equals(HEADER)) {
            throw new IllegalArgumentException("not an exported audit checkpoint");
        }
        try {
            return new Checkpoint(
                    Long.parseLong(lines[1].strip()),
                    Base64.getDecoder().decode(lines[2].strip()),
                    Instant.parse(lines[3].strip()),
                    Base64.getDecoder().decode(lines[4].strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an exported audit checkpoint", e);
        }
    }

    private static byte[] body(long treeSize, byte[] rootHash, Instant issuedAt) {
        return (HEADER + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n" + issuedAt + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
