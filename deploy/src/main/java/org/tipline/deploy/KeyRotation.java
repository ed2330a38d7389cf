package org.tipline.deploy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tipline.jdbc.provisioning.Provisioning;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.TipLineKeyPair;

/**
 * Moves the tip line to a new key epoch without re-encrypting any content: only each tip's small wrapped data key is
 * opened with the old private key and sealed again to the new public key. Three steps, each safe to repeat:
 * {@link #begin} creates and grants the new key; {@link #rewrap} moves wrapped keys in batches (run it again after
 * intake is switched to the new public key, to catch tips filed meanwhile); {@link #retire} removes the old key's
 * grants once no tip depends on it.
 */
final class KeyRotation {

    private KeyRotation() {}

    /** Creates the next epoch and grants it to every staff member who holds the current one. Commits. */
    static TipLineKeyPair begin(Connection connection, TipLineKeyPair current, HpkeSuite suite) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            int nextEpoch;
            try (var rs = connection.createStatement().executeQuery("SELECT max(epoch) FROM tip_line_key")) {
                rs.next();
                nextEpoch = rs.getInt(1) + 1;
            }
            TipLineKeyPair next = Provisioning.createEpoch(connection, nextEpoch, suite);
            List<UUID> holders = new ArrayList<>();
            try (var select = connection.prepareStatement("SELECT staff_id FROM key_grant WHERE epoch = ?")) {
                select.setInt(1, current.epoch());
                try (var rs = select.executeQuery()) {
                    while (rs.next()) {
                        holders.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            for (UUID staff : holders) {
                Provisioning.grant(connection, staff, next);
            }
            connection.commit();
            return next;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Re-wraps up to {@code batchSize} data keys per transaction from {@code from} to {@code to}, until none are left:
     * tips' data keys and the keys of tipsters' messages and files. Rows are claimed with SKIP LOCKED, so several rewrap runs
     * can share the work. Returns how many moved.
     */
    static int rewrap(Connection connection, TipLineKeyPair from, TipLineKeyPair to, int batchSize)
            throws SQLException {
        int moved = 0;
        for (WrappedKeys table : WrappedKeys.values()) {
            moved += rewrap(connection, table, from, to, batchSize);
        }
        return moved;
    }

    private static int rewrap(
            Connection connection, WrappedKeys table, TipLineKeyPair from, TipLineKeyPair to, int batchSize)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        int moved = 0;
        try (var claim = connection.prepareStatement(table.claim);
                var update = connection.prepareStatement(table.update)) {
            while (true) {
                claim.setInt(1, from.epoch());
                claim.setInt(2, batchSize);
                int inBatch = 0;
                try (var rs = claim.executeQuery()) {
                    while (rs.next()) {
                        // The wrapped key's AAD is the id of the row that owns it: a tip's or a message's.
                        UUID owner = rs.getObject(1, UUID.class);
                        byte[] dataKey = from.unwrapDataKey(owner, rs.getBytes(2));
                        update.setInt(1, to.epoch());
                        update.setBytes(2, to.publicKey().wrapDataKey(owner, dataKey));
                        update.setObject(3, owner);
                        update.addBatch();
                        java.util.Arrays.fill(dataKey, (byte) 0);
                        inBatch++;
                    }
                }
                if (inBatch == 0) {
                    connection.commit();
                    return moved;
                }
                update.executeBatch();
                connection.commit();
                moved += inBatch;
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Marks the epoch retired and deletes its grants; refuses while any tip is still wrapped to it. */
    static void retire(Connection connection, int epoch) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (var count = connection.prepareStatement("SELECT (SELECT count(*) FROM tip_data_key WHERE epoch = ?)"
                    + " + (SELECT count(*) FROM tip_message WHERE epoch = ?)"
                    + " + (SELECT count(*) FROM tip_attachment WHERE epoch = ?)")) {
                count.setInt(1, epoch);
                count.setInt(2, epoch);
                count.setInt(3, epoch);
                try (var rs = count.executeQuery()) {
                    rs.next();
                    long remaining = rs.getLong(1);
                    if (remaining > 0) {
                        throw new IllegalStateException(remaining + " tips, messages or files still depend on epoch "
                                + epoch + "; switch intake to the new public key and run rewrap again first");
                    }
                }
            }
            try (var retire =
                            connection.prepareStatement("UPDATE tip_line_key SET retired_at = now() WHERE epoch = ?");
                    var revoke = connection.prepareStatement("DELETE FROM key_grant WHERE epoch = ?")) {
                retire.setInt(1, epoch);
                retire.executeUpdate();
                revoke.setInt(1, epoch);
                revoke.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Where data keys wrapped to a tip-line epoch are stored. */
    private enum WrappedKeys {
        TIP_DATA_KEYS("tip_data_key", "tip_id", "wrapped"),
        TIPSTER_MESSAGE_KEYS("tip_message", "id", "wrapped_key"),
        ATTACHMENT_KEYS("tip_attachment", "id", "wrapped_key");

        final String claim;
        final String update;

        WrappedKeys(String table, String id, String wrapped) {
            this.claim = "SELECT " + id + ", " + wrapped + " FROM " + table + " WHERE epoch = ? LIMIT ? "
                    + "FOR UPDATE SKIP LOCKED";
            this.update = "UPDATE " + table + " SET epoch = ?, " + wrapped + " = ? WHERE " + id + " = ?";
        }
    }
}
