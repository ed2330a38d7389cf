package org.tipline.jdbc.provisioning;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.tipline.model.crypto.Argon2idParameters;
import org.tipline.model.crypto.HpkeKeyPair;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.KeyGrant;
import org.tipline.model.crypto.StaffKeyMaterial;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.crypto.Totp;
import org.tipline.model.crypto.WrongPasswordException;

/**
 * Bootstraps key custody in the database with plain JDBC: a tip-line key epoch, staff members with password-locked
 * personal keys, and grants of the tip-line key to them. Used by the local launcher on first start and by tests;
 * the private tip-line key only ever reaches the database sealed to a staff member.
 */
public final class Provisioning {

    private Provisioning() {}

    /** Creates the epoch's key pair and stores its public half. The caller grants the private half, then wipes it. */
    public static TipLineKeyPair createEpoch(Connection connection, int epoch, HpkeSuite suite) throws SQLException {
        TipLineKeyPair key = TipLineKeyPair.generate(epoch, suite);
        try (var insert =
                connection.prepareStatement("INSERT INTO tip_line_key (epoch, kem_id, public_key) VALUES (?, ?, ?)")) {
            insert.setInt(1, epoch);
            insert.setInt(2, suite.kemId());
            insert.setBytes(3, key.keys().publicKey());
            insert.executeUpdate();
        }
        return key;
    }

    public static UUID createStaff(
            Connection connection,
            String username,
            String displayName,
            char[] password,
            Set<String> roles,
            Argon2idParameters parameters)
            throws SQLException {
        UUID id = UUID.randomUUID();
        StaffKeyMaterial keys = StaffKeyMaterial.create(username, password, parameters);
        try (var insert = connection.prepareStatement("INSERT INTO staff (id, username, display_name, kem_id, "
                + "public_key, locked_private_key) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, username);
            insert.setString(3, displayName);
            insert.setInt(4, keys.suite().kemId());
            insert.setBytes(5, keys.publicKey());
            insert.setBytes(6, keys.lockedPrivateKey());
            insert.executeUpdate();
        }
        try (var insert = connection.prepareStatement("INSERT INTO staff_role (staff_id, role) VALUES (?, ?)")) {
            for (String role : roles) {
                insert.setObject(1, id);
                insert.setString(2, role);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return id;
    }

    /**
     * Unlocks a staff member's personal key with their password and opens every tip-line key granted to them, as
     * sign-in does. For operator tools that need a tip-line private key (rotation, recovery shares).
     */
    public static Map<Integer, TipLineKeyPair> unlockGrants(Connection connection, String username, char[] password)
            throws SQLException {
        StaffKeyMaterial material;
        UUID staffId;
        try (var select = connection.prepareStatement(
                "SELECT id, kem_id, public_key, locked_private_key FROM staff WHERE username = ? AND enabled")) {
            select.setString(1, username);
            try (var rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new WrongPasswordException();
                }
                staffId = rs.getObject(1, UUID.class);
                material = new StaffKeyMaterial(HpkeSuite.ofKemId(rs.getInt(2)), rs.getBytes(3), rs.getBytes(4));
            }
        }
        HpkeKeyPair personal = material.unlock(username, password);
        Map<Integer, TipLineKeyPair> keys = new TreeMap<>();
        try (var select = connection.prepareStatement("SELECT epoch, sealed_key FROM key_grant WHERE staff_id = ?")) {
            select.setObject(1, staffId);
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    keys.put(rs.getInt(1), KeyGrant.open(personal, rs.getInt(1), rs.getBytes(2)));
                }
            }
        } finally {
            personal.wipe();
        }
        return keys;
    }

    /** Seals the tip-line private key to the staff member's personal public key. */
    public static void grant(Connection connection, UUID staffId, TipLineKeyPair key) throws SQLException {
        HpkeSuite suite;
        byte[] publicKey;
        try (var select = connection.prepareStatement("SELECT kem_id, public_key FROM staff WHERE id = ?")) {
            select.setObject(1, staffId);
            try (var rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no staff member " + staffId);
                }
                suite = HpkeSuite.ofKemId(rs.getInt(1));
                publicKey = rs.getBytes(2);
            }
        }
        try (var insert =
                connection.prepareStatement("INSERT INTO key_grant (staff_id, epoch, sealed_key) VALUES (?, ?, ?)")) {
            insert.setObject(1, staffId);
            insert.setInt(2, key.epoch());
            insert.setBytes(3, KeyGrant.grant(key, suite, publicKey));
            insert.executeUpdate();
        }
    }

    /**
     * Enrols a TOTP second factor: the secret is sealed to the staff member's personal public key, so it can be read
     * only after their password unlocks that key. Used by the demo launcher and tests; staff enrol themselves.
     */
    public static void enrolTotp(Connection connection, UUID staffId, byte[] secret) throws SQLException {
        try (var update = connection.prepareStatement("""
                UPDATE staff SET totp_sealed = ?, totp_last_step = 0 WHERE id = ?""");
                var select =
                        connection.prepareStatement("SELECT username, kem_id, public_key FROM staff WHERE id = ?")) {
            select.setObject(1, staffId);
            try (var rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no staff member " + staffId);
                }
                update.setBytes(1, Totp.seal(HpkeSuite.ofKemId(rs.getInt(2)), rs.getBytes(3), rs.getString(1), secret));
            }
            update.setObject(2, staffId);
            update.executeUpdate();
        }
    }

    /** Marks the current password as chosen by its holder, so the first sign-in does not ask for a new one. */
    public static void passwordChosen(Connection connection, UUID staffId) throws SQLException {
        try (var update = connection.prepareStatement("UPDATE staff SET must_change_password = false WHERE id = ?")) {
            update.setObject(1, staffId);
            update.executeUpdate();
        }
    }

    /**
     * A one-time password for a new or reset account: 20 characters from a 32-letter alphabet without look-alikes,
     * 100 bits. The holder must replace it at first sign-in.
     */
    public static String temporaryPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        byte[] random = org.tipline.model.crypto.Bytes.random(20);
        var password = new StringBuilder();
        for (byte b : random) {
            password.append(alphabet.charAt(Byte.toUnsignedInt(b) % alphabet.length()));
        }
        return password.toString();
    }
}
