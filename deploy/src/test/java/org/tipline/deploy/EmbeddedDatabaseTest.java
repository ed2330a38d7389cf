package org.tipline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipline.testsupport.Ports;
import org.tipline.testsupport.TestDatabase;

/**
 * The launcher's PostgreSQL as another account on the machine meets it: no role signs in without its password, the
 * passwords are readable by the data directory's owner only, and an older launcher's trusting cluster is closed on
 * its next start with its data kept.
 */
class EmbeddedDatabaseTest {

    private static final List<String> ROLES =
            List.of(EmbeddedDatabase.SUPERUSER, EmbeddedDatabase.INTAKE_ROLE, EmbeddedDatabase.TRIAGE_ROLE);

    @TempDir
    Path data;

    @Test
    void aNewClusterRefusesEveryRoleWithoutItsPassword() throws Exception {
        int port = Ports.free();
        Path file = data.resolve("database-passwords.properties");
        DatabasePasswords first;
        try (var database = EmbeddedDatabase.start(data, file, port)) {
            first = database.passwords();
            assertRefusedWithoutPassword(database.port());
            assertSignsIn(database.port(), first);
        }
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(data.resolve("initdb-password")).doesNotExist();
        assertThat(data.resolve("postgres-binaries"))
                .as("binaries unpacked where only we can write")
                .isDirectory();
        assertThat(Files.readString(data.resolve("postgres/pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*trust");

        Files.delete(file);
        try (var database = EmbeddedDatabase.start(data, file, port)) {
            assertThat(database.passwords()).as("a lost file is replaced").isNotEqualTo(first);
            assertSignsIn(database.port(), database.passwords());
            assertThatThrownBy(() -> DriverManager.getConnection(
                                    "jdbc:postgresql://127.0.0.1:" + port + "/tipline", "postgres", first.owner())
                            .close())
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void anOlderLaunchersTrustingClusterGetsPasswordsAndKeepsItsData() throws Exception {
        int port = Ports.free();
        try (var older = EmbeddedPostgres.builder()
                        .setDataDirectory(data.resolve("postgres"))
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .start();
                Connection admin = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE tipline");
            try (Connection tipline = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + older.getPort() + "/tipline", "postgres", "")) {
                tipline.createStatement().execute("CREATE TABLE kept (note text)");
                tipline.createStatement().execute("INSERT INTO kept VALUES ('filed before the upgrade')");
            }
        }
        assertThat(Files.readString(data.resolve("postgres/pg_hba.conf"))).containsPattern("(?m)^host.*trust");

        try (var database = EmbeddedDatabase.start(data, data.resolve("database-passwords.properties"), port)) {
            var passwords = database.passwords();
            assertRefusedWithoutPassword(database.port());
            assertSignsIn(database.port(), passwords);
            try (Connection owner = DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + port + "/tipline", "postgres", passwords.owner());
                    var rs = owner.createStatement().executeQuery("SELECT note FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("filed before the upgrade");
            }
        }
        assertThat(data.toFile().list()).noneMatch(name -> name.startsWith("single-user-postgres"));
    }

    @Test
    void theOperatorsToolsFindThePasswordsInTheDataDirectory() throws Exception {
        int port = Ports.free();
        try (var database = EmbeddedDatabase.start(data, data.resolve("database-passwords.properties"), port)) {
            var passwords = database.passwords();
            Flyway.configure()
                    .dataSource(
                            "jdbc:postgresql://localhost:" + database.port() + "/tipline",
                            "postgres",
                            passwords.owner())
                    .placeholders(TestDatabase.PLACEHOLDERS)
                    .load()
                    .migrate();
            var output = new ByteArrayOutputStream();
            int exit = new AuditTool(
                            Map.of("TIPLINE_DATA_DIR", data.toString(), "TIPLINE_DB_PORT", Integer.toString(port)),
                            new PrintStream(output, true, StandardCharsets.UTF_8))
                    .run(List.of("verify"));
            assertThat(output.toString(StandardCharsets.UTF_8)).contains("intact: 0 entries");
            assertThat(exit).isZero();
        }
    }

    private static void assertRefusedWithoutPassword(int port) {
        for (String role : ROLES) {
            for (String password : List.of("", "wrong")) {
                assertThatThrownBy(() -> DriverManager.getConnection(
                                        "jdbc:postgresql://127.0.0.1:" + port + "/tipline", role, password)
                                .close())
                        .as(role + " with password '" + password + "'")
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                                .as("refused for its password, not for anything else")
                                .isIn("28P01", "08004"));
            }
        }
    }

    private static void assertSignsIn(int port, DatabasePasswords passwords) throws SQLException {
        Map<String, String> byRole = Map.of(
                EmbeddedDatabase.SUPERUSER, passwords.owner(),
                EmbeddedDatabase.INTAKE_ROLE, passwords.intake(),
                EmbeddedDatabase.TRIAGE_ROLE, passwords.triage());
        for (var role : byRole.entrySet()) {
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/tipline", role.getKey(), role.getValue())) {
                assertThat(connection.isValid(2)).as(role.getKey()).isTrue();
            }
        }
    }
}
