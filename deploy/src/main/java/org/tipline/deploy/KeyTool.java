package org.tipline.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.tipline.jdbc.provisioning.Provisioning;
import org.tipline.model.crypto.CryptoException;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.RecoveryShares;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.crypto.TipLinePublicKey;

/**
 * Key custody for operators: {@code java -jar tipline-local.jar keys <command>}. Commands that need the tip-line
 * private key unlock it the way sign-in does, with a staff member's username and password (read from
 * {@code TIPLINE_STAFF_USER} and {@code TIPLINE_STAFF_PASSWORD}, or asked for). The database comes from the same
 * settings as the launcher.
 */
final class KeyTool {

    static final String USAGE = """
            usage: java -jar tipline-local.jar keys <command>
              grant --to USERNAME                        grant every key you hold to another staff member
              split --threshold K --shares N --out DIR   write N recovery shares of the current key, any K recover it
              recover --grant-to USERNAME SHARE_FILE...  rebuild the key from K shares and grant it to USERNAME
              rotate                                     create the next epoch, grant it, re-wrap every tip to it
              rewrap --from EPOCH                        re-wrap tips still on EPOCH to the newest epoch
              retire --epoch EPOCH                       retire EPOCH once no tip depends on it
            """;

    private final Map<String, String> env;
    private final BufferedReader input;
    private final PrintStream out;

    KeyTool(Map<String, String> env, BufferedReader input, PrintStream out) {
        this.env = env;
        this.input = input;
        this.out = out;
    }

    /** Returns the process exit code. */
    int run(List<String> args) {
        if (args.isEmpty()) {
            out.print(USAGE);
            return 2;
        }
        Map<String, String> options = new TreeMap<>();
        List<String> files = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            if (args.get(i).startsWith("--") && i + 1 < args.size()) {
                options.put(args.get(i).substring(2), args.get(++i));
            } else {
                files.add(args.get(i));
            }
        }
        var settings = LauncherSettings.from(env);
        try (Connection owner =
                DriverManager.getConnection(settings.databaseUrl(), settings.ownerUser(), settings.ownerPassword())) {
            switch (args.get(0)) {
                case "grant" -> grant(owner, required(options, "to"));
                case "split" ->
                    split(owner, number(options, "threshold"), number(options, "shares"), path(options, "out"));
                case "recover" -> recover(owner, required(options, "grant-to"), files);
                case "rotate" -> rotate(owner, settings);
                case "rewrap" -> rewrap(owner, number(options, "from"));
                case "retire" -> {
                    KeyRotation.retire(owner, number(options, "epoch"));
                    out.println("Epoch " + options.get("epoch") + " is retired and its grants are deleted.");
                }
                default -> {
                    out.print(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | CryptoException e) {
            out.println("keys " + args.get(0) + ": " + e.getMessage());
            return 1;
        } catch (SQLException | IOException e) {
            out.println("keys " + args.get(0) + " failed: " + e.getMessage());
            return 1;
        }
    }

    /** Access for a new staff member comes only from someone who already holds the key. */
    private void grant(Connection owner, String username) throws SQLException, IOException {
        Map<Integer, TipLineKeyPair> keys = unlock(owner);
        UUID staffId = staffId(owner, username);
        try (var held = owner.prepareStatement("SELECT epoch FROM key_grant WHERE staff_id = ?")) {
            held.setObject(1, staffId);
            try (var rs = held.executeQuery()) {
                while (rs.next()) {
                    // They may hold an epoch this granter does not; only the granter's own keys are offered.
                    TipLineKeyPair alreadyHeld = keys.remove(rs.getInt(1));
                    if (alreadyHeld != null) {
                        alreadyHeld.wipe();
                    }
                }
            }
        }
        for (TipLineKeyPair key : keys.values()) {
            Provisioning.grant(owner, staffId, key);
            key.wipe();
        }
        out.println("Granted " + keys.size() + " key epoch(s) to " + username + ".");
    }

    private void split(Connection owner, int threshold, int shares, Path directory) throws SQLException, IOException {
        TipLineKeyPair key = newest(unlock(owner));
        try {
            Files.createDirectories(directory);
            for (RecoveryShares.Share share : RecoveryShares.split(key, threshold, shares)) {
                Path file = directory.resolve("tipline-epoch-" + key.epoch() + "-share-" + share.index() + ".txt");
                Files.deleteIfExists(file);
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, share.encode() + "\n", StandardCharsets.UTF_8);
            }
            out.println("Wrote " + shares + " shares of epoch " + key.epoch() + " to " + directory + "; any "
                    + threshold + " recover it. Give each to a different supervisor and delete them here.");
        } finally {
            key.wipe();
        }
    }

    private void recover(Connection owner, String grantTo, List<String> files) throws SQLException, IOException {
        List<RecoveryShares.Share> shares = new ArrayList<>();
        for (String file : files) {
            shares.add(RecoveryShares.Share.decode(Files.readString(Path.of(file), StandardCharsets.UTF_8)));
        }
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("give the share files to recover from");
        }
        TipLinePublicKey publicKey = publicKey(owner, shares.get(0).epoch());
        TipLineKeyPair key = RecoveryShares.recover(shares, publicKey);
        try {
            UUID staffId = staffId(owner, grantTo);
            try (var revoke = owner.prepareStatement("DELETE FROM key_grant WHERE staff_id = ? AND epoch = ?")) {
                revoke.setObject(1, staffId);
                revoke.setInt(2, key.epoch());
                revoke.executeUpdate();
            }
            Provisioning.grant(owner, staffId, key);
            out.println("Recovered epoch " + key.epoch() + " and granted it to " + grantTo + ".");
        } finally {
            key.wipe();
        }
    }

    private void rotate(Connection owner, LauncherSettings settings) throws SQLException, IOException {
        Map<Integer, TipLineKeyPair> keys = unlock(owner);
        TipLineKeyPair current = newest(keys);
        TipLineKeyPair next = KeyRotation.begin(owner, current, HpkeSuite.DEFAULT);
        int moved = KeyRotation.rewrap(owner, current, next, 500);
        String publicKey = next.publicKey().encode();
        if (Files.exists(settings.publicKeyFile())) {
            Files.writeString(settings.publicKeyFile(), publicKey + "\n", StandardCharsets.UTF_8);
        }
        out.println("Epoch " + next.epoch() + " created and granted; " + moved + " tips re-wrapped to it.");
        out.println("Configure every intake instance with TIPLINE_INTAKE_PUBLIC_KEY=" + publicKey);
        out.println("Then run: keys rewrap --from " + current.epoch() + " and keys retire --epoch " + current.epoch());
        keys.values().forEach(TipLineKeyPair::wipe);
        next.wipe();
    }

    private void rewrap(Connection owner, int fromEpoch) throws SQLException, IOException {
        Map<Integer, TipLineKeyPair> keys = unlock(owner);
        TipLineKeyPair from = keys.get(fromEpoch);
        if (from == null) {
            throw new IllegalArgumentException("this staff member holds no key for epoch " + fromEpoch);
        }
        TipLineKeyPair to = newest(keys);
        int moved = KeyRotation.rewrap(owner, from, to, 500);
        out.println(moved + " tips re-wrapped from epoch " + fromEpoch + " to epoch " + to.epoch() + ".");
        keys.values().forEach(TipLineKeyPair::wipe);
    }

    private Map<Integer, TipLineKeyPair> unlock(Connection owner) throws SQLException, IOException {
        String username =
                env.containsKey("TIPLINE_STAFF_USER") ? env.get("TIPLINE_STAFF_USER") : ask("Staff username: ");
        char[] password = env.containsKey("TIPLINE_STAFF_PASSWORD")
                ? env.get("TIPLINE_STAFF_PASSWORD").toCharArray()
                : askSecret("Password: ");
        Map<Integer, TipLineKeyPair> keys = Provisioning.unlockGrants(owner, username, password);
        java.util.Arrays.fill(password, '\0');
        if (keys.isEmpty()) {
            throw new IllegalStateException(username + " holds no tip-line key");
        }
        return keys;
    }

    private static TipLineKeyPair newest(Map<Integer, TipLineKeyPair> keys) {
        return keys.entrySet().stream()
                .max(Map.Entry.comparingByKey())
                .orElseThrow()
                .getValue();
    }

    private static TipLinePublicKey publicKey(Connection owner, int epoch) throws SQLException {
        try (var select = owner.prepareStatement("SELECT kem_id, public_key FROM tip_line_key WHERE epoch = ?")) {
            select.setInt(1, epoch);
            try (var rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no epoch " + epoch + " in this database");
                }
                return new TipLinePublicKey(epoch, HpkeSuite.ofKemId(rs.getInt(1)), rs.getBytes(2));
            }
        }
    }

    private static UUID staffId(Connection owner, String username) throws SQLException {
        try (var select = owner.prepareStatement("SELECT id FROM staff WHERE username = ?")) {
            select.setString(1, username);
            try (var rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no staff member " + username);
                }
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private String ask(String prompt) throws IOException {
        out.print(prompt);
        out.flush();
        String line = input.readLine();
        return line == null ? "" : line.strip();
    }

    private char[] askSecret(String prompt) throws IOException {
        var console = System.console();
        if (console != null) {
            char[] password = console.readPassword(prompt);
            return password == null ? new char[0] : password;
        }
        return ask(prompt).toCharArray();
    }

    private static int number(Map<String, String> options, String name) {
        try {
            return Integer.parseInt(required(options, name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number");
        }
    }

    private static Path path(Map<String, String> options, String name) {
        return Path.of(required(options, name));
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
        }
        return value;
    }
}
