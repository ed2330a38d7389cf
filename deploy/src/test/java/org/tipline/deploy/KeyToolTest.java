package org.tipline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipline.jdbc.provisioning.Provisioning;
import org.tipline.model.crypto.Argon2idParameters;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.testsupport.TestDatabase;

/** The operator's key commands, run as an operator would, against real PostgreSQL. */
class KeyToolTest {

    private static final Argon2idParameters FAST = new Argon2idParameters(19 * 1024, 2, 1);

    @TempDir
    Path directory;

    private final TestDatabase database = TestDatabase.migrated();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private TipLineKeyPair original;

    @BeforeEach
    void provision() throws Exception {
        try (var owner = database.connectAsOwner()) {
            original = Provisioning.createEpoch(owner, 1, HpkeSuite.XWING);
            UUID casey = Provisioning.createStaff(
                    owner, "casey", "Casey", "casey passphrase".toCharArray(), Set.of("COORDINATOR"), FAST);
            Provisioning.createStaff(
                    owner, "newbie", "New", "newbie passphrase".toCharArray(), Set.of("COORDINATOR"), FAST);
            Provisioning.grant(owner, casey, original);
        }
    }

    @Test
    void splitThenRecoverFromThreeSharesGrantsTheKeyToAnotherStaffMember() throws Exception {
        Path shares = directory.resolve("shares");
        assertThat(keys(
                        Map.of(),
                        "casey passphrase",
                        "split",
                        "--threshold",
                        "3",
                        "--shares",
                        "5",
                        "--out",
                        shares.toString()))
                .isZero();
        List<Path> files = shareFiles(shares);
        assertThat(files).hasSize(5);
        assertThat(Files.getPosixFilePermissions(files.get(0)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        assertThat(keys(
                        Map.of(),
                        null,
                        "recover",
                        "--grant-to",
                        "newbie",
                        files.get(0).toString(),
                        files.get(2).toString(),
                        files.get(4).toString()))
                .isZero();

        try (var owner = database.connectAsOwner()) {
            var granted = Provisioning.unlockGrants(owner, "newbie", "newbie passphrase".toCharArray());
            assertThat(granted.get(1).keys()).isEqualTo(original.keys());
        }
    }

    @Test
    void twoSharesRecoverNothingAndSaySo() throws Exception {
        Path shares = directory.resolve("shares");
        keys(Map.of(), "casey passphrase", "split", "--threshold", "3", "--shares", "5", "--out", shares.toString());
        List<Path> files = shareFiles(shares);

        assertThat(keys(
                        Map.of(),
                        null,
                        "recover",
                        "--grant-to",
                        "newbie",
                        files.get(0).toString(),
                        files.get(1).toString()))
                .isEqualTo(1);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("need 3");
    }

    @Test
    void rotateMovesTipsToTheNextEpochAndTheOldOneCanThenBeRetired() throws Exception {
        assertThat(keys(Map.of(), "casey passphrase", "rotate")).isZero();
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("Epoch 2 created")
                .contains("TIPLINE_INTAKE_PUBLIC_KEY=2:");

        assertThat(keys(Map.of(), null, "retire", "--epoch", "1")).isZero();
        try (var owner = database.connectAsOwner()) {
            assertThat(Provisioning.unlockGrants(owner, "casey", "casey passphrase".toCharArray()))
                    .containsOnlyKeys(2);
        }
    }

    @Test
    void aKeyHolderGrantsAccessToANewStaffMember() throws Exception {
        assertThat(keys(Map.of(), "casey passphrase", "grant", "--to", "newbie"))
                .isZero();
        assertThat(keys(Map.of(), "casey passphrase", "grant", "--to", "newbie"))
                .isZero();

        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("Granted 1 key epoch(s) to newbie.")
                .contains("Granted 0 key epoch(s) to newbie.");
        try (var owner = database.connectAsOwner()) {
            var granted = Provisioning.unlockGrants(owner, "newbie", "newbie passphrase".toCharArray());
            assertThat(granted.get(1).keys()).isEqualTo(original.keys());
        }
    }

    @Test
    void grantingToSomeoneWhoHoldsAnEpochTheGranterDoesNotStillGrantTheRest() throws Exception {
        try (var owner = database.connectAsOwner()) {
            TipLineKeyPair onlyNewbieHolds = Provisioning.createEpoch(owner, 2, HpkeSuite.XWING);
            var newbie = Provisioning.unlockGrants(owner, "newbie", "newbie passphrase".toCharArray());
            assertThat(newbie).isEmpty();
            try (var id = owner.prepareStatement("SELECT id FROM staff WHERE username = 'newbie'")) {
                var rs = id.executeQuery();
                rs.next();
                Provisioning.grant(owner, rs.getObject(1, UUID.class), onlyNewbieHolds);
            }
        }

        assertThat(keys(Map.of(), "casey passphrase", "grant", "--to", "newbie"))
                .isZero();

        try (var owner = database.connectAsOwner()) {
            assertThat(Provisioning.unlockGrants(owner, "newbie", "newbie passphrase".toCharArray()))
                    .containsOnlyKeys(1, 2);
        }
    }

    @Test
    void aWrongPasswordUnlocksNothing() {
        assertThat(keys(
                        Map.of(),
                        "not the passphrase",
                        "split",
                        "--threshold",
                        "2",
                        "--shares",
                        "3",
                        "--out",
                        directory.toString()))
                .isEqualTo(1);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("password does not open");
    }

    private static List<Path> shareFiles(Path directory) throws java.io.IOException {
        try (var listing = Files.list(directory)) {
            return listing.sorted().toList();
        }
    }

    private int keys(Map<String, String> extraEnv, String password, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("TIPLINE_DB_URL", database.jdbcUrl());
        env.put("TIPLINE_DB_OWNER_USER", database.ownerUser());
        env.put("TIPLINE_DB_OWNER_PASSWORD", database.ownerPassword());
        env.put("TIPLINE_DATA_DIR", directory.toString());
        env.put("TIPLINE_STAFF_USER", "casey");
        if (password != null) {
            env.put("TIPLINE_STAFF_PASSWORD", password);
        }
        var tool = new KeyTool(
                env, new BufferedReader(new StringReader("")), new PrintStream(output, true, StandardCharsets.UTF_8));
        return tool.run(List.of(args));
    }
}
