package org.tipline.jdbc.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.tipline.model.audit.AuditChain;
import org.tipline.model.audit.AuditEntry;
import org.tipline.model.audit.Checkpoint;
import org.tipline.model.audit.MerkleTree;
import org.tipline.model.crypto.Bytes;

/**
 * Checks the audit trail as stored: the hash chain entry by entry, then every signed checkpoint against the chain.
 * Used by the supervisors' page and by the command-line verifier; reads only, so any role that can SELECT the two
 * tables can run it.
 */
public final class AuditVerifier {

    private static final java.util.regex.Pattern EXPORTED = java.util.regex.Pattern.compile("checkpoint-\\d+\\.txt");

    /** Rows fetched per round trip while walking the chain. */
    private static final int FETCH_SIZE = 1000;

    private AuditVerifier() {}

    /**
     * What was checked, and the first problem found, naming the entry or checkpoint. {@code entries} counts the sealed
     * entries found intact and in order, all of them or those before the first broken one; {@code unsealed} counts
     * entries committed but not linked yet (ADR 23), which is not tampering.
     */
    public record Result(
            long entries, Unsealed unsealed, int checkpoints, boolean checkpointsChecked, Optional<String> problem) {
        public boolean intact() {
            return problem.isEmpty();
        }
    }

    /** Entries committed with their action that the sealer has not linked yet, and when the oldest was written. */
    public record Unsealed(long count, Optional<Instant> oldest) {
        public static final Unsealed NONE = new Unsealed(0, Optional.empty());
    }

    /** Every sealed entry of the chain, oldest first; entries not sealed yet are not in it. For short chains. */
    public static List<AuditChain.Stored> sealedChain(Connection connection) throws SQLException {
        List<AuditChain.Stored> chain = new ArrayList<>();
        walkSealedChain(connection, 0, stored -> chain.add(stored));
        return chain;
    }

    /**
     * Hands each sealed entry after position {@code after}, oldest first, to {@code visitor} until it answers false.
     * Rows are fetched a batch at a time, so memory stays flat however long the chain: a million entries held at once
     * exhaust a console's heap.
     */
    private static void walkSealedChain(Connection connection, long after, Predicate<AuditChain.Stored> visitor)
            throws SQLException {
        // PostgreSQL's driver fetches in batches only inside a transaction; one begun here ends here.
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (var statement = connection.prepareStatement(
                "SELECT s.position, e.sequence, e.occurred_at, e.actor, e.action, e.tip_id, e.detail, s.link"
                        + " FROM audit_seal s JOIN audit_entry e ON e.sequence = s.sequence WHERE s.position > ?"
                        + " ORDER BY s.position")) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, after);
            try (var rows = statement.executeQuery()) {
                boolean more = true;
                while (more && rows.next()) {
                    more = visitor.test(new AuditChain.Stored(
                            rows.getLong(1),
                            new AuditEntry(
                                    rows.getLong(2),
                                    rows.getTimestamp(3).toInstant(),
                                    rows.getString(4),
                                    rows.getString(5),
                                    rows.getObject(6, java.util.UUID.class),
                                    rows.getString(7)),
                            rows.getBytes(8)));
                }
            }
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** Entries with no seal: normally the last second's, more when sealing is stalled. */
    public static Unsealed unsealed(Connection connection) throws SQLException {
        try (var rows = connection
                .createStatement()
                .executeQuery("SELECT count(*), min(occurred_at) FROM audit_entry e"
                        + " WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.sequence = e.sequence)")) {
            rows.next();
            var oldest = rows.getTimestamp(2);
            return new Unsealed(rows.getLong(1), Optional.ofNullable(oldest).map(java.sql.Timestamp::toInstant));
        }
    }

    /** Verifies the chain, and the checkpoints too when their public key is given. */
    public static Result verify(Connection connection, Ed25519PublicKeyParameters checkpointKey) throws SQLException {
        return verify(connection, checkpointKey, List.of());
    }

    /**
     * Verifies the chain against the stored checkpoints and against {@code exported} ones kept outside the database:
     * whoever owns the database can delete stored checkpoints together with the tail they cover, but not the copies.
     */
    public static Result verify(
            Connection connection, Ed25519PublicKeyParameters checkpointKey, List<Checkpoint> exported)
            throws SQLException {
        Unsealed unsealed = unsealed(connection);
        List<Checkpoint> checkpoints = new ArrayList<>(checkpoints(connection));
        checkpoints.addAll(exported);
        // One pass: each link is checked, and the Merkle root is taken at every size a checkpoint covers.
        Set<Long> coveredSizes = new HashSet<>();
        checkpoints.forEach(c -> coveredSizes.add(c.treeSize()));
        Map<Long, byte[]> rootsAt = new HashMap<>();
        var walk = new AuditChain.Walk();
        var tree = new MerkleTree.Frontier();
        List<AuditChain.Failure> broken = new ArrayList<>(1);
        walkSealedChain(connection, 0, stored -> {
            walk.next(stored).ifPresent(broken::add);
            if (broken.isEmpty() && checkpointKey != null) {
                tree.add(walk.leafHash());
                if (coveredSizes.contains(tree.size())) {
                    rootsAt.put(tree.size(), tree.root());
                }
            }
            return broken.isEmpty();
        });
        if (!broken.isEmpty()) {
            return new Result(
                    walk.walked(),
                    unsealed,
                    checkpoints.size(),
                    false,
                    Optional.of("entry " + broken.get(0).sequence() + ": "
                            + broken.get(0).reason()));
        }
        long entries = walk.walked();
        if (checkpointKey == null) {
            return new Result(entries, unsealed, checkpoints.size(), false, Optional.empty());
        }
        for (Checkpoint checkpoint : checkpoints) {
            Optional<String> problem =
                    checkpoint.problemWith(entries, rootsAt.get(checkpoint.treeSize()), checkpointKey);
            if (problem.isPresent()) {
                return new Result(entries, unsealed, checkpoints.size(), true, problem);
            }
        }
        return new Result(entries, unsealed, checkpoints.size(), true, Optional.empty());
    }

    /**
     * Signs a checkpoint over the whole sealed chain as it is now and stores it with its frontier; empty when there is
     * nothing new. Starts from the newest checkpoint's frontier when it can be trusted, so only entries sealed since
     * are read.
     */
    public static Optional<Checkpoint> checkpoint(Connection connection, Ed25519PrivateKeyParameters key, Instant now)
            throws SQLException {
        long covered = 0;
        var tree = new MerkleTree.Frontier();
        try (var rows = connection
                .createStatement()
                .executeQuery("SELECT tree_size, root, issued_at, signature, frontier FROM audit_checkpoint"
                        + " ORDER BY tree_size DESC LIMIT 1")) {
            if (rows.next()) {
                var newest = new Checkpoint(
                        rows.getLong(1), rows.getBytes(2), rows.getTimestamp(3).toInstant(), rows.getBytes(4));
                covered = newest.treeSize();
                tree = trustedFrontier(newest, rows.getBytes(5), key).orElse(tree);
            }
        }
        var grown = tree;
        walkSealedChain(connection, grown.size(), stored -> {
            grown.add(AuditChain.leafHash(stored.entry()));
            return true;
        });
        if (grown.size() <= covered) {
            return Optional.empty();
        }
        Checkpoint signed = Checkpoint.sign(grown, now.truncatedTo(java.time.temporal.ChronoUnit.MICROS), key);
        try (var insert = connection.prepareStatement("INSERT INTO audit_checkpoint"
                + " (tree_size, root, issued_at, signature, frontier) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, signed.treeSize());
            insert.setBytes(2, signed.rootHash());
            insert.setTimestamp(3, java.sql.Timestamp.from(signed.issuedAt()));
            insert.setBytes(4, signed.signature());
            insert.setBytes(5, grown.encoded());
            insert.executeUpdate();
        }
        return Optional.of(signed);
    }

    /**
     * The frontier stored beside the newest checkpoint, if it is the one that checkpoint signed: a frontier that does
     * not hash to the signed root, or a checkpoint this key did not sign, is not built on (the chain is read again).
     */
    private static Optional<MerkleTree.Frontier> trustedFrontier(
            Checkpoint newest, byte[] encoded, Ed25519PrivateKeyParameters key) {
        if (encoded == null
                || encoded.length != Long.bitCount(newest.treeSize()) * 32
                || !newest.signatureValid(key.generatePublicKey())) {
            return Optional.empty();
        }
        var frontier = MerkleTree.Frontier.restore(newest.treeSize(), encoded);
        return java.security.MessageDigest.isEqual(frontier.root(), newest.rootHash())
                ? Optional.of(frontier)
                : Optional.empty();
    }

    public static List<Checkpoint> checkpoints(Connection connection) throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (var rows = connection
                .createStatement()
                .executeQuery(
                        "SELECT tree_size, root, issued_at, signature FROM audit_checkpoint ORDER BY tree_size")) {
            while (rows.next()) {
                checkpoints.add(new Checkpoint(
                        rows.getLong(1), rows.getBytes(2), rows.getTimestamp(3).toInstant(), rows.getBytes(4)));
            }
        }
        return checkpoints;
    }

    /** The checkpoints exported as {@code checkpoint-<size>.txt} files in {@code directory}, smallest first. */
    public static List<Checkpoint> exported(Path directory) throws IOException {
        List<Checkpoint> found = new ArrayList<>();
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(
                            f -> EXPORTED.matcher(f.getFileName().toString()).matches())
                    .toList()) {
                found.add(Checkpoint.parse(Files.readString(file)));
            }
        }
        found.sort(java.util.Comparator.comparingLong(Checkpoint::treeSize));
        return found;
    }

    /** The name an exported checkpoint file has: its tree size makes each name unique and says what it covers. */
    public static String exportFileName(Checkpoint checkpoint) {
        return "checkpoint-" + checkpoint.treeSize() + ".txt";
    }

    /** A new checkpoint key pair as two base64 lines: private, then public. */
    public static String[] newKeyPair() {
        var key = new Ed25519PrivateKeyParameters(Bytes.secureRandom());
        return new String[] {
            Base64.getEncoder().encodeToString(key.getEncoded()),
            Base64.getEncoder().encodeToString(key.generatePublicKey().getEncoded())
        };
    }

    public static Ed25519PrivateKeyParameters privateKey(String base64) {
        return new Ed25519PrivateKeyParameters(Base64.getDecoder().decode(base64.strip()));
    }

    public static Ed25519PublicKeyParameters publicKey(String base64) {
        return new Ed25519PublicKeyParameters(Base64.getDecoder().decode(base64.strip()));
    }
}
