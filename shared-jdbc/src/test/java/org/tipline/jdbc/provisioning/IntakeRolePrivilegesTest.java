package org.tipline.jdbc.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.guidance.GuidanceLoader;
import org.tipline.model.tip.SealedTip;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.TestDatabase;

/**
 * What the public tier may write, signed in as {@code tipline_intake} on real PostgreSQL: a tip exactly as intake
 * files it, and nothing that staff decide (status, received time, legal hold, labels...).
 */
class IntakeRolePrivilegesTest {

    private final TestDatabase database = TestDatabase.migrated();

    @Test
    void intakeFilesATipAsTheFormDoes() throws Exception {
        TipLineKeyPair key = createEpoch();
        SealedTip tip = seal(key);
        try (Connection intake = database.connectAs(TestDatabase.INTAKE_ROLE)) {
            TestDatabase.update(intake, SealedTip.INSERT, tip.insertParameters());
        }
        try (Connection owner = database.connectAsOwner();
                var rs = owner.createStatement()
                        .executeQuery("SELECT status, legal_hold, cardinality(labels), received_at > now() - "
                                + "interval '1 minute' FROM tip WHERE id = '" + tip.id() + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("NEW");
            assertThat(rs.getBoolean(2)).isFalse();
            assertThat(rs.getInt(3)).isZero();
            assertThat(rs.getBoolean(4)).isTrue();
        }
    }

    @Test
    void intakeCannotDecideWhatStaffDecide() throws Exception {
        createEpoch();
        List<String> staffColumns = List.of(
                "status",
                "received_at",
                "legal_hold",
                "labels",
                "assignee",
                "close_reason",
                "closed_at",
                "first_looked_at",
                "version");
        List<String> values = List.of(
                "'CLOSED'", "'2001-01-01T00:00:00Z'", "true", "'{decoy}'", "NULL", "NULL", "now()", "now()", "7");
        try (Connection intake = database.connectAs(TestDatabase.INTAKE_ROLE)) {
            for (int i = 0; i < staffColumns.size(); i++) {
                String sql = "INSERT INTO tip (id, urgency_tier, urgency_rank, child_protection_required, "
                        + "schema_version, receipt_lookup, " + staffColumns.get(i) + ") VALUES ('" + UUID.randomUUID()
                        + "', 'ROUTINE', 3, false, 1, '\\x" + String.format("%02x", i) + "'::bytea, "
                        + values.get(i) + ")";
                assertThatThrownBy(() -> intake.createStatement().executeUpdate(sql))
                        .as(staffColumns.get(i))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
        }
        try (Connection owner = database.connectAsOwner();
                var rs = owner.createStatement().executeQuery("SELECT count(*) FROM tip")) {
            rs.next();
            assertThat(rs.getInt(1)).as("nothing half-written").isZero();
        }
    }

    private TipLineKeyPair createEpoch() throws SQLException {
        try (Connection owner = database.connectAsOwner()) {
            return Provisioning.createEpoch(owner, 1, HpkeSuite.X25519);
        }
    }

    private static SealedTip seal(TipLineKeyPair key) {
        return SealedTip.seal(
                TipAnswers.builder()
                        .location("somewhere")
                        .details("filed as intake")
                        .build(),
                GuidanceLoader.fromClasspath().urgency(),
                key.publicKey());
    }
}
