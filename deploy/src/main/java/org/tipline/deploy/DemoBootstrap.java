package org.tipline.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tipline.jdbc.provisioning.Provisioning;
import org.tipline.model.crypto.Argon2idParameters;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.crypto.Totp;

/**
 * On first start: a tip-line key (epoch 1, X-Wing), three demo staff accounts with generated passwords and enrolled
 * TOTP secrets, and the key
 * granted to the coordinator. The public key goes to a file for intake; the accounts to a file only its owner reads.
 * The tip-line private key is never written anywhere except sealed to the coordinator.
 */
final class DemoBootstrap {

    /** A demo account is ready to use: its password counts as chosen and its TOTP secret is already enrolled. */
    record DemoAccount(String username, String displayName, String role, String password, byte[] totpSecret) {}

    private DemoBootstrap() {}

    static boolean needed(Connection owner) throws SQLException {
        try (var rs = owner.createStatement().executeQuery("SELECT count(*) FROM tip_line_key")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    static void run(Connection owner, LauncherSettings settings) throws SQLException, IOException {
        List<DemoAccount> accounts = List.of(
                new DemoAccount(
                        "coordinator",
                        "Demo Coordinator",
                        "COORDINATOR",
                        Provisioning.temporaryPassword(),
                        Totp.newSecret()),
                new DemoAccount(
                        "supervisor",
                        "Demo Supervisor",
                        "SUPERVISOR",
                        Provisioning.temporaryPassword(),
                        Totp.newSecret()),
                new DemoAccount("admin", "Demo Admin", "ADMIN", Provisioning.temporaryPassword(), Totp.newSecret()));
        owner.setAutoCommit(false);
        TipLineKeyPair key = Provisioning.createEpoch(owner, 1, HpkeSuite.XWING);
        try {
            for (DemoAccount account : accounts) {
                UUID id = Provisioning.createStaff(
                        owner,
                        account.username(),
                        account.displayName(),
                        account.password().toCharArray(),
                        Set.of(account.role()),
                        Argon2idParameters.STAFF_PASSWORD);
                Provisioning.enrolTotp(owner, id, account.totpSecret());
                Provisioning.passwordChosen(owner, id);
                if (account.role().equals("COORDINATOR")) {
                    Provisioning.grant(owner, id, key);
                }
            }
            owner.commit();
        } catch (SQLException e) {
            owner.rollback();
            throw e;
        } finally {
            key.wipe();
            owner.setAutoCommit(true);
        }
        Files.writeString(settings.publicKeyFile(), key.publicKey().encode() + "\n", StandardCharsets.UTF_8);
        writeOwnerOnly(settings.demoAccountsFile(), accountsText(accounts, settings));
    }

    /** Rewrites the public key file from the database, for a data directory whose file was removed. */
    static void restorePublicKeyFile(Connection owner, LauncherSettings settings) throws SQLException, IOException {
        try (var rs = owner.createStatement()
                .executeQuery("SELECT epoch, kem_id, public_key FROM tip_line_key WHERE retired_at IS NULL "
                        + "ORDER BY epoch DESC LIMIT 1")) {
            rs.next();
            var key = new org.tipline.model.crypto.TipLinePublicKey(
                    rs.getInt(1), HpkeSuite.ofKemId(rs.getInt(2)), rs.getBytes(3));
            Files.writeString(settings.publicKeyFile(), key.encode() + "\n", StandardCharsets.UTF_8);
        }
    }

    private static String accountsText(List<DemoAccount> accounts, LauncherSettings settings) {
        var text =
                new StringBuilder("# Tipline demo staff accounts. Local use only; delete this file to forget them.\n");
        text.append("# Add each totp key to an authenticator app (type it in as a time-based key), or run\n")
                .append("# java -jar tipline-local.jar totp <key> to print the current code.\n");
        text.append("# Staff console: http://localhost:")
                .append(settings.triagePort())
                .append("/\n");
        for (DemoAccount account : accounts) {
            text.append(account.role().toLowerCase(java.util.Locale.ROOT))
                    .append(": username=")
                    .append(account.username())
                    .append(" password=")
                    .append(account.password())
                    .append(" totp=")
                    .append(Totp.base32(account.totpSecret()))
                    .append('\n');
        }
        return text.toString();
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
