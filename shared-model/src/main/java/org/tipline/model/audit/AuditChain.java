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
        return linkLeaf(previousLink, leafHash(entry));
    }

    private static byte[] linkLeaf(byte[] previousLink, byte[] leafHash) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(previousLink);
        return sha.digest(leafHash);
    }

    /** A sealed entry: its place in the chain, the entry, and the link hash stored in its seal. */
    public record Stored(long position, AuditEntry entry, byte[] link) {}

    /** Why verification stopped at an entry, named by its sequence number. */
    public record Failure(long sequence, String reason) {}

    /**
     * Walks the sealed chain from the genesis link. Positions must run 1, 2, 3... without gaps, sequence numbers must
     * increase (the sealer links in sequence order; numbers of rolled-back actions are skipped), and each stored link
     * must equal the recomputed one. Returns the first entry that breaks a rule.
     */
    public static Optional<Failure> verify(List<Stored> chain) {
        var walk = new Walk();
        for (Stored stored : chain) {
            Optional<Failure> failure = walk.next(stored);
            if (failure.isPresent()) {
                return failure;
            }
        }
        return Optional.empty();
    }

    /** {@link #verify} one entry at a time, for a chain read as a stream: memory stays flat however long it is. */
    public static final class Walk {

        private byte[] previous = GENESIS;
        private byte[] leafHash;
        private long expectedPosition = 1;
        private long lastSequence;

        /** The rule this entry breaks, if any; a walk that found one should stop. */
        public Optional<Failure> next(Stored stored) {
            long sequence = stored.entry().sequence();
            if (stored.position() != expectedPosition) {
                return Optional.of(new Failure(sequence, "expected seal " + expectedPosition + " here"));
            }
            if (sequence <= lastSequence) {
                return Optional.of(new Failure(sequence, "sealed after entry " + lastSequence));
            }
            leafHash = AuditChain.leafHash(stored.entry());
            byte[] recomputed = linkLeaf(previous, leafHash);
            if (!MessageDigest.isEqual(recomputed, stored.link())) {
                return Optional.of(new Failure(sequence, "hash does not match its content and predecessor"));
            }
            previous = recomputed;
            lastSequence = sequence;
            expectedPosition++;
            return Optional.empty();
        }

        /** How many entries {@link #next} accepted. */
        public long walked() {
            return expectedPosition - 1;
        }

        /** The leaf hash of the last entry {@link #next} accepted, for the checkpoints' Merkle tree. */
        public byte[] leafHash() {
            return leafHash;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
