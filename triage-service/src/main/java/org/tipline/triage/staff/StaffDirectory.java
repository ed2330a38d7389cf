package org.tipline.triage.staff;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.security.IsAdmin;

/** The staff accounts as an administrator sees them: who has which role and whether sign-in is set up. */
@Service
@IsAdmin
public class StaffDirectory {

    private final StaffRepository staff;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    StaffDirectory(StaffRepository staff, JdbcClient jdbc, AuditTrail audit) {
        this.staff = staff;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Account(
            UUID id,
            String username,
            String displayName,
            Set<StaffRole> roles,
            boolean enabled,
            boolean secondFactor,
            boolean mustChangePassword,
            int failedSignIns) {}

    @Transactional
    public List<Account> accounts(StaffPrincipal admin) {
        audit.append(admin.username(), "STAFF_LIST_VIEWED", null, "");
        return staff.findAllByOrderByUsername().stream()
                .map(member -> new Account(
                        member.id(),
                        member.username(),
                        member.displayName(),
                        member.roles(),
                        member.enabled(),
                        member.hasSecondFactor(),
                        member.mustChangePassword(),
                        failedSignIns(member.id())))
                .toList();
    }

    private int failedSignIns(UUID id) {
        return jdbc.sql("SELECT failed_sign_ins FROM staff WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }
}
