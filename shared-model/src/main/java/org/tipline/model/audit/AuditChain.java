package org.tipline.model.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain over audit entries. Leaves are hashed as in RFC 9162 ({@code SHA-256(0x00 || entry)}), so the same
 * leaf hashes can feed Merkle checkpoints; each link is {@code SHA-256(0x01 || previous link || leaf hash)}.
 */
public final class AuditChain {

    public static final byte[] GENESIS = new byte[32];

    private AuditChain() {}

    public static byte[] leafHash(AuditEntry entry) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        return sha.digest(entry.canonicalBytes());
    }

    public static byte[] link(byte[] previousLink, AuditEntry entry) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(previousLink);
        return sha.digest(leafHash(entry));
    }

    /** A stored entry together with the link hash that was stored beside it. */
    public record Stored(AuditEntry entry, byte[] link) {}

    /** Why verification stopped at an entry. */
    public record Failure(long sequence, String reason) {}

    /**
     * Walks the chain from the genesis link. Sequence numbers must start at 1 and have no gaps; each stored link must
     * equal the recomputed one. Returns the first entry that breaks either rule.
     */
    public static Optional<Failure> verify(List<Stored> chain) {
        byte[] previous = GENESIS;
        long expectedSequence = 1;
        for (Stored stored : chain) {
            long sequence = stored.entry().sequence();
            if (sequence != expectedSequence) {
                return Optional.of(new Failure(sequence, "expected entry " + expectedSequence + " here"));
            }
            byte[] recomputed = link(previous, stored.entry());
            if (!MessageDigest.isEqual(recomputed, stored.link())) {
                return Optional.of(new Failure(sequence, "hash does not match its content and predecessor"));
            }
            previous = recomputed;
            expectedSequence++;
        }
        return Optional.empty();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
