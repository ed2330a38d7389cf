package org.tipline.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The launcher's own PostgreSQL, in the data directory. Every connection needs a password (scram-sha-256), also from
 * this machine: with {@code trust} any local account could sign in as the superuser and run commands as the
 * launcher's user ({@code COPY ... TO PROGRAM}). A data directory made by an older launcher, which trusted local
 * connections, gets passwords and the strict rules on its next start; its data stays.
 */
final class EmbeddedDatabase implements Closeable {

    static final String SUPERUSER = "postgres";
    static final String INTAKE_ROLE = "tipline_intake";
    static final String TRIAGE_ROLE = "tipline_triage";

    static final String HBA = """
            # Written by the Tipline launcher on every start: every connection needs its password.
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final DatabasePasswords passwords;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DatabasePasswords passwords) {
        this.postgres = postgres;
        this.passwords = passwords;
    }

    /** Starts the cluster in {@code dataDirectory/postgres}, its passwords read from (or first made in) the file. */
    static EmbeddedDatabase start(Path dataDirectory, Path passwordsFile, int port) throws IOException, SQLException {
        boolean passwordsLost = !Files.exists(passwordsFile);
        DatabasePasswords passwords = DatabasePasswords.loadOrCreate(passwordsFile);
        Path cluster = dataDirectory.resolve("postgres");
        boolean fresh = !Files.exists(cluster.resolve("postgresql.conf"));
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                // Not zonky's default under the shared temp directory, where another account could plant binaries
                // for the launcher to run.
                .setOverrideWorkingDirectory(
                        dataDirectory.resolve("postgres-binaries").toFile())
                .setPort(port)
                // zonky starts PostgreSQL with -F for speed in tests; later -c options win, and a receipt promises
                // the tip is on disk, so durability is switched back on.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky checks the server is up by signing in as the superuser.
                .setConnectConfig("password", passwords.owner());
        Path initdbPassword = dataDirectory.resolve("initdb-password");
        if (fresh) {
            writeOwnerOnly(initdbPassword, passwords.owner());
            // zonky runs initdb with -A trust; these options come later on its command line and win, so the new
            // cluster never trusts anyone, not even for a moment.
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", initdbPassword.toString());
        } else {
            if (trustsAnyone(cluster.resolve("pg_hba.conf")) || passwordsLost) {
                // Set while the server is down, so nobody can sign in through the old rules meanwhile. A lost
                // passwords file is replaced the same way: whoever can delete it owns the data directory anyway.
                SingleUserPostgres.setPassword(dataDirectory, cluster, SUPERUSER, passwords.owner());
            }
            Files.writeString(cluster.resolve("pg_hba.conf"), HBA);
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } finally {
            Files.deleteIfExists(initdbPassword);
        }
        var database = new EmbeddedDatabase(postgres, passwords);
        database.prepare();
        return database;
    }

    /** The tipline database and the application roles with their passwords, before the staff app migrates. */
    private void prepare() throws SQLException {
        try (Connection admin = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", SUPERUSER, passwords.owner())) {
            try (var exists =
                    admin.createStatement().executeQuery("SELECT 1 FROM pg_database WHERE datname = 'tipline'")) {
                if (!exists.next()) {
                    admin.createStatement().execute("CREATE DATABASE tipline");
                }
            }
            ensureRole(admin, INTAKE_ROLE, passwords.intake());
            ensureRole(admin, TRIAGE_ROLE, passwords.triage());
        }
    }

    /** The migration creates missing roles without a password; creating them first is what lets them sign in. */
    private static void ensureRole(Connection admin, String role, String password) throws SQLException {
        admin.createStatement()
                .execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                        + "') THEN CREATE ROLE " + role + " LOGIN; END IF; END $$");
        // Hashed here: the password itself never reaches the server or its log.
        admin.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
    }

    private static boolean trustsAnyone(Path hba) throws IOException {
        return Files.readAllLines(hba).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .anyMatch(line -> List.of(line.split("\\s+")).contains("trust"));
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content + "\n");
    }

    DatabasePasswords passwords() {
        return passwords;
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
