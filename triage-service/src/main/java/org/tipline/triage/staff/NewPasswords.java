package org.tipline.triage.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipline.model.crypto.Argon2idParameters;
import org.tipline.model.crypto.StaffKeyMaterial;
import org.tipline.model.crypto.WrongPasswordException;
import org.tipline.triage.audit.AuditTrail;

/**
 * Choosing a password: the first one after an account is created or reset (never the one-time password, nor close to
 * it), and a signed-in staff member's own change. Either way the personal key is locked again under the new one,
 * within the {@link UnlockBudget}, and the change commits together with its audit entry.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class NewPasswords {

    private final SignInSteps steps;
    private final StaffRepository staff;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final SignInThrottle throttle;
    private final UnlockBudget budget;
    private final TransactionTemplate transaction;
    private final MessageSource messages;

    /** Sets the first new password: the personal key is locked under it. Returns what is wrong, if anything. */
    public List<String> chooseFirstPassword(PendingSignIn pending, String password, String confirmation) {
        StaffMember member = steps.member(pending);
        List<String> problems = new ArrayList<>(checkNewPassword(member, password, confirmation));
        if (problems.isEmpty()
                && pending.temporaryPassword()
                        .filter(typed -> PasswordPolicy.near(password, typed))
                        .isPresent()) {
            problems.add(words("password.near-one-time"));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        StaffKeyMaterial relocked = budget.run(
                UnlockBudget.Lane.TRUSTED,
                () -> StaffKeyMaterial.lockUnder(
                        pending.personal(),
                        member.username(),
                        password.toCharArray(),
                        Argon2idParameters.STAFF_PASSWORD));
        storeNewLock(member, relocked);
        return List.of();
    }

    /** A signed-in staff member's own password change; the current password must open the personal key. */
    public List<String> changePassword(UUID staffId, String current, String password, String confirmation) {
        StaffMember member = staff.findById(staffId).orElseThrow();
        List<String> problems = new ArrayList<>(checkNewPassword(member, password, confirmation));
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            StaffKeyMaterial relocked = budget.run(
                    UnlockBudget.Lane.TRUSTED,
                    () -> member.keyMaterial()
                            .relock(
                                    member.username(),
                                    current.toCharArray(),
                                    password.toCharArray(),
                                    Argon2idParameters.STAFF_PASSWORD));
            storeNewLock(member, relocked);
            return List.of();
        } catch (WrongPasswordException e) {
            throttle.failed(SignInThrottle.Lane.anonymous(Optional.of(member.id()), member.username()));
            return List.of(words("password.error.current"));
        }
    }

    private List<String> checkNewPassword(StaffMember member, String password, String confirmation) {
        List<String> problems = new ArrayList<>(PasswordPolicy.problems(member.username(), password));
        if (problems.isEmpty() && !password.equals(confirmation)) {
            problems.add("password.error.different");
        }
        return problems.stream().map(this::words).toList();
    }

    /** A problem in the signed-in reader's language; every one may quote the policy's lengths. */
    private String words(String key) {
        return messages.getMessage(
                key,
                new Object[] {PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH},
                LocaleContextHolder.getLocale());
    }

    private void storeNewLock(StaffMember member, StaffKeyMaterial relocked) {
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("UPDATE staff SET locked_private_key = :locked, must_change_password = false WHERE id = :id")
                    .param("locked", relocked.lockedPrivateKey())
                    .param("id", member.id())
                    .update();
            audit.append(member.username(), "PASSWORD_CHANGED", null, "");
        });
    }
}
