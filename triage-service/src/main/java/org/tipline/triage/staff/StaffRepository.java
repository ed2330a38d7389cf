package org.tipline.triage.staff;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads staff accounts with their roles; the staff aggregate is SQL-only (ADR 25), so this is plain JdbcClient. */
@Repository
@RequiredArgsConstructor
class StaffRepository {

    private static final String SELECT = """
            SELECT s.id, s.username, s.display_name, s.enabled, s.kem_id, s.public_key, s.locked_private_key,
                   s.must_change_password, s.totp_sealed,
                   array(SELECT r.role FROM staff_role r WHERE r.staff_id = s.id) AS roles
            FROM staff s
            """;

    private final JdbcClient jdbc;

    Optional<StaffMember> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE s.username = :username")
                .param("username", username)
                .query((rs, n) -> member(rs))
                .optional();
    }

    Optional<StaffMember> findById(UUID id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id")
                .param("id", id)
                .query((rs, n) -> member(rs))
                .optional();
    }

    List<StaffMember> findAllByOrderByUsername() {
        return jdbc.sql(SELECT + " ORDER BY s.username")
                .query((rs, n) -> member(rs))
                .list();
    }

    private static StaffMember member(ResultSet rs) throws SQLException {
        return new StaffMember(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getBoolean("enabled"),
                rs.getInt("kem_id"),
                rs.getBytes("public_key"),
                rs.getBytes("locked_private_key"),
                rs.getBoolean("must_change_password"),
                rs.getBytes("totp_sealed"),
                roles(rs.getArray("roles")));
    }

    private static Set<StaffRole> roles(Array array) throws SQLException {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (Object role : (Object[]) array.getArray()) {
            roles.add(StaffRole.valueOf((String) role));
        }
        return roles;
    }
}
