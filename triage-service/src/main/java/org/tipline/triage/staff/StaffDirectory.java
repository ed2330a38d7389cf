package org.tipline.triage.staff;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.jdbc.provisioning.Provisioning;
import org.tipline.model.crypto.Argon2idParameters;
import org.tipline.model.crypto.StaffKeyMaterial;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.security.IsAdmin;

/** The staff accounts as an administrator sees them: who has which role and whether sign-in is set up. */
@Service
@IsAdmin
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class StaffDirectory {

    private final StaffRepository staff;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final UnlockBudget budget;

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

    /** A new account and the one-time password to hand to its holder in person. */
    public record Created(UUID id, String username, String temporaryPassword) {}

    /** Why an administrative change was refused: a message key and its arguments, worded by the page. */
    public static class RefusedException extends RuntimeException {
        private final transient Object[] arguments;

        public RefusedException(String key, Object... arguments) {
            super(key);
            this.arguments = arguments.clone();
        }

        public Object[] arguments() {
            return arguments.clone();
        }
    }

    /**
     * Creates an account with a one-time password and no second factor: at first sign-in its holder chooses a
     * password and enrols. It holds no tip-line key until a key holder grants one.
     */
    @Transactional
    public Created create(String username, String displayName, Set<StaffRole> roles, StaffPrincipal admin) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        String shown = displayName == null ? "" : displayName.strip();
        if (!name.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new RefusedException("staff.error.username");
        }
        if (shown.isEmpty() || shown.length() > 100) {
            throw new RefusedException("staff.error.displayName");
        }
        if (roles.isEmpty()) {
            throw new RefusedException("staff.error.roles");
        }
        if (staff.findByUsername(name).isPresent()) {
            throw new RefusedException("staff.error.taken", name);
        }
        UUID id = UUID.randomUUID();
        String password = Provisioning.temporaryPassword();
        StaffKeyMaterial keys = budget.run(
                UnlockBudget.Lane.TRUSTED,
                () -> StaffKeyMaterial.create(name, password.toCharArray(), Argon2idParameters.STAFF_PASSWORD));
        jdbc.sql("INSERT INTO staff (id, username, display_name, kem_id, public_key, locked_private_key) "
                        + "VALUES (:id, :name, :shown, :kem, :pk, :locked)")
                .param("id", id)
                .param("name", name)
                .param("shown", shown)
                .param("kem", (int) keys.suite().kemId())
                .param("pk", keys.publicKey())
                .param("locked", keys.lockedPrivateKey())
                .update();
        insertRoles(id, roles);
        audit.append(admin.username(), "STAFF_CREATED", null, "staff=" + id + " roles=" + sorted(roles));
        return new Created(id, name, password);
    }

    @Transactional
    public void setEnabled(UUID id, boolean enabled, StaffPrincipal admin) {
        if (!enabled && id.equals(admin.id())) {
            throw new RefusedException("staff.error.self");
        }
        if (!enabled && isLastEnabledAdmin(id)) {
            throw new RefusedException("staff.error.lastAdmin");
        }
        require(jdbc.sql("UPDATE staff SET enabled = :enabled WHERE id = :id")
                .param("enabled", enabled)
                .param("id", id)
                .update());
        audit.append(admin.username(), enabled ? "STAFF_ENABLED" : "STAFF_DISABLED", null, "staff=" + id);
    }

    @Transactional
    public void setRoles(UUID id, Set<StaffRole> roles, StaffPrincipal admin) {
        if (roles.isEmpty()) {
            throw new RefusedException("staff.error.roles");
        }
        if (!roles.contains(StaffRole.ADMIN) && isLastEnabledAdmin(id)) {
            throw new RefusedException("staff.error.lastAdmin");
        }
        require(staff.findById(id).isPresent() ? 1 : 0);
        jdbc.sql("DELETE FROM staff_role WHERE staff_id = :id").param("id", id).update();
        insertRoles(id, roles);
        audit.append(admin.username(), "STAFF_ROLES_CHANGED", null, "staff=" + id + " roles=" + sorted(roles));
    }

    /**
     * Replaces a lost or compromised sign-in: a new personal key under a new one-time password, no second factor,
     * no passkeys, and no key grants, because the old grants were sealed to the old key. A key holder grants again.
     */
    @Transactional
    public Created resetCredentials(UUID id, StaffPrincipal admin) {
        StaffMember member = staff.findById(id).orElseThrow(() -> new RefusedException("staff.error.noSuch"));
        String password = Provisioning.temporaryPassword();
        StaffKeyMaterial keys = budget.run(
                UnlockBudget.Lane.TRUSTED,
                () -> StaffKeyMaterial.create(
                        member.username(), password.toCharArray(), Argon2idParameters.STAFF_PASSWORD));
        jdbc.sql("""
                        UPDATE staff SET kem_id = :kem, public_key = :pk, locked_private_key = :locked,
                            must_change_password = true, totp_sealed = NULL, totp_last_step = 0,
                            failed_sign_ins = 0, last_failed_sign_in = NULL
                        WHERE id = :id
                        """)
                .param("kem", (int) keys.suite().kemId())
                .param("pk", keys.publicKey())
                .param("locked", keys.lockedPrivateKey())
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM key_grant WHERE staff_id = :id").param("id", id).update();
        forgetPasskeysAndDevices(id);
        audit.append(admin.username(), "STAFF_CREDENTIALS_RESET", null, "staff=" + id);
        return new Created(id, member.username(), password);
    }

    /**
     * Clears a lost second factor (TOTP and passkeys) and asks for a new password too: at the next sign-in the
     * person's current password, then a new one, then a new enrolment. The personal key and its grants are kept.
     */
    @Transactional
    public void resetSecondFactor(UUID id, StaffPrincipal admin) {
        require(jdbc.sql("UPDATE staff SET totp_sealed = NULL, totp_last_step = 0, must_change_password = true "
                        + "WHERE id = :id")
                .param("id", id)
                .update());
        forgetPasskeysAndDevices(id);
        audit.append(admin.username(), "STAFF_SECOND_FACTOR_RESET", null, "staff=" + id);
    }

    private boolean isLastEnabledAdmin(UUID id) {
        return jdbc.sql("""
                        SELECT bool_and(s.id = :id) FROM staff s JOIN staff_role r ON r.staff_id = s.id
                        WHERE r.role = 'ADMIN' AND s.enabled
                        """)
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .map(Boolean.TRUE::equals)
                .orElse(false);
    }

    /** Both resets drop the passkeys and trusted devices: the devices trusted before may be the lost or stolen ones. */
    private void forgetPasskeysAndDevices(UUID id) {
        jdbc.sql("DELETE FROM passkey_user WHERE staff_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM staff_device WHERE staff_id = :id")
                .param("id", id)
                .update();
    }

    private void insertRoles(UUID id, Set<StaffRole> roles) {
        for (StaffRole role : roles) {
            jdbc.sql("INSERT INTO staff_role (staff_id, role) VALUES (:id, :role)")
                    .param("id", id)
                    .param("role", role.name())
                    .update();
        }
    }

    private static String sorted(Set<StaffRole> roles) {
        return roles.stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(","));
    }

    private static void require(int updated) {
        if (updated != 1) {
            throw new RefusedException("staff.error.noSuch");
        }
    }

    private int failedSignIns(UUID id) {
        return jdbc.sql("SELECT failed_sign_ins FROM staff WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }
}
