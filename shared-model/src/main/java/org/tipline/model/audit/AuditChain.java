package org.tipline.model.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    /** Reads the sealed chain in order; columns as {@link Stored#fromRow} expects. Unsealed entries are not in it. */
    public static final String SELECT_ALL = "SELECT s.position, e.sequence, e.occurred_at, e.actor, e.action, e.tip_id,"
            + " e.detail, s.link FROM audit_seal s JOIN audit_entry e ON e.sequence = s.sequence ORDER BY s.position";

    /** A sealed entry: its place in the chain, the entry, and the link hash stored in its seal. */
    public record Stored(long position, AuditEntry entry, byte[] link) {

        public static Stored fromRow(ResultSet row) throws SQLException {
            return new Stored(
                    row.getLong("position"),
                    new AuditEntry(
                            row.getLong("sequence"),
                            row.getTimestamp("occurred_at").toInstant(),
                            row.getString("actor"),
                            row.getString("action"),
                            row.getObject("tip_id", UUID.class),
                            row.getString("detail")),
                    row.getBytes("link"));
        }

        /** Every sealed entry of the chain, oldest first. */
        public static List<Stored> readAll(Connection connection) throws SQLException {
            List<Stored> chain = new ArrayList<>();
            try (var rows = connection.createStatement().executeQuery(SELECT_ALL)) {
                while (rows.next()) {
                    chain.add(fromRow(rows));
                }
            }
            return chain;
        }
    }

    /** Why verification stopped at an entry, named by its sequence number. */
    public record Failure(long sequence, String reason) {}

    /**
     * Walks the sealed chain from the genesis link. Positions must run 1, 2, 3... without gaps, sequence numbers must
     * increase (the sealer links in sequence order; numbers of rolled-back actions are skipped), and each stored link
     * must equal the recomputed one. Returns the first entry that breaks a rule.
     */
    public static Optional<Failure> verify(List<Stored> chain) {
        byte[] previous = GENESIS;
        long expectedPosition = 1;
        long lastSequence = 0;
        for (Stored stored : chain) {
            long sequence = stored.entry().sequence();
            if (stored.position() != expectedPosition) {
                return Optional.of(new Failure(sequence, "expected seal " + expectedPosition + " here"));
            }
            if (sequence <= lastSequence) {
                return Optional.of(new Failure(sequence, "sealed after entry " + lastSequence));
            }
            byte[] recomputed = link(previous, stored.entry());
            if (!MessageDigest.isEqual(recomputed, stored.link())) {
                return Optional.of(new Failure(sequence, "hash does not match its content and predecessor"));
            }
            previous = recomputed;
            lastSequence = sequence;
            expectedPosition++;
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
