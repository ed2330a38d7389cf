package org.tipline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestDatabaseTest {

    @Test
    void aMigratedDatabaseIsRealPostgresWithTheApplicationRoles() throws Exception {
        TestDatabase database = TestDatabase.migrated();

        try (var owner = database.connectAsOwner();
                var rs = owner.createStatement()
                        .executeQuery(
                                "SELECT current_setting('server_version_num')::int, "
                                        + "(SELECT count(*) FROM pg_roles WHERE rolname IN ('tipline_intake', 'tipline_triage'))")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(150000);
            assertThat(rs.getInt(2)).isEqualTo(2);
        }
        try (var intake = database.connectAs(TestDatabase.INTAKE_ROLE);
                var rs = intake.createStatement().executeQuery("SELECT current_user")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("tipline_intake");
        }
    }
}
