package org.tipline.triage.staff;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipline.model.crypto.Argon2idParameters;
import org.tipline.model.crypto.HpkeKeyPair;
import org.tipline.model.crypto.KeyGrant;
import org.tipline.model.crypto.StaffKeyMaterial;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.crypto.Totp;
import org.tipline.model.crypto.WrongPasswordException;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.security.Factors;

/**
 * The duties between a correct password and a signed-in session, in order: the TOTP code (when one is enrolled), a
 * new password (first sign-in, or after a reset), TOTP enrolment (when none is). Only when all are done are the
 * tip-line keys opened and the roles granted.
 */
@Service
public class SignInSteps {

    public enum Step {
        CODE,
        NEW_PASSWORD,
        ENROL,
        DONE
    }

    public enum CodeResult {
        ACCEPTED,
        WRONG,
        ALREADY_USED,
        TOO_MANY_WRONG
    }

    private final StaffRepository staff;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final SignInThrottle throttle;
    private final UnlockBudget budget;
    private final TransactionTemplate transaction;
    private final MessageSource messages;
    private final Clock clock;

    SignInSteps(
            StaffRepository staff,
            JdbcClient jdbc,
            AuditTrail audit,
            SignInThrottle throttle,
            UnlockBudget budget,
            TransactionTemplate transaction,
            MessageSource messages,
            Clock clock) {
        this.staff = staff;
        this.jdbc = jdbc;
        this.audit = audit;
        this.throttle = throttle;
        this.budget = budget;
        this.transaction = transaction;
        this.messages = messages;
        this.clock = clock;
    }

    public Step next(PendingSignIn pending) {
        StaffMember member = member(pending);
        if (member.hasSecondFactor() && !pending.secondFactorChecked()) {
            return Step.CODE;
        }
        if (member.mustChangePassword()) {
            return Step.NEW_PASSWORD;
        }
        return member.hasSecondFactor() ? Step.DONE : Step.ENROL;
    }

    /**
     * Checks a TOTP code. A code is accepted once: the step it belongs to must be later than the last step accepted,
     * which a conditional UPDATE settles even when two requests race with the same code.
     */
    public CodeResult checkCode(PendingSignIn pending, String typed) {
        StaffMember member = member(pending);
        byte[] secret = Totp.open(pending.personal(), member.username(), member.totpSealed());
        try {
            OptionalLong step = Totp.matchingStep(secret, typed, clock.instant());
            if (step.isEmpty()) {
                transaction.executeWithoutResult(tx -> {
                    throttle.failed(pending.lane());
                    audit.append(member.username(), "SECOND_FACTOR_FAILED", null, "");
                });
                return pending.wrongCode() ? CodeResult.TOO_MANY_WRONG : CodeResult.WRONG;
            }
            int claimed = jdbc.sql("UPDATE staff SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step")
                    .param("step", step.getAsLong())
                    .param("id", member.id())
                    .update();
            if (claimed == 0) {
                audit.append(member.username(), "SECOND_FACTOR_REUSED", null, "");
                return pending.wrongCode() ? CodeResult.TOO_MANY_WRONG : CodeResult.ALREADY_USED;
            }
            pending.secondFactorPassed();
            return CodeResult.ACCEPTED;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Sets the first new password: the personal key is locked under it. Returns what is wrong, if anything. */
    public List<String> chooseFirstPassword(PendingSignIn pending, String password, String confirmation) {
        StaffMember member = member(pending);
        List<String> problems = new ArrayList<>(checkNewPassword(member, password, confirmation));
        if (problems.isEmpty()
                && pending.temporaryPassword()
                        .filter(typed -> PasswordPolicy.near(password, typed))
                        .isPresent()) {
            problems.add(messages.getMessage(
                    "password.near-one-time", null, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
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
            throttle.failed(SignInThrottle.Lane.anonymous(java.util.Optional.of(member.id()), member.username()));
            return List.of("Your current password is not right.");
        }
    }

    /** A fresh TOTP secret for enrolment, kept in the pending sign-in until a code proves the app has it. */
    public byte[] enrolmentSecret(PendingSignIn pending) {
        return pending.enrolmentSecret().orElseGet(() -> {
            byte[] secret = Totp.newSecret();
            pending.enrolmentSecret(secret);
            return secret;
        });
    }

    /** Finishes enrolment when the code matches the new secret; only an account with no second factor may enrol. */
    public boolean finishEnrolment(PendingSignIn pending, String typed) {
        StaffMember member = member(pending);
        if (member.hasSecondFactor() || pending.enrolmentSecret().isEmpty()) {
            return false;
        }
        byte[] secret = pending.enrolmentSecret().get();
        OptionalLong step = Totp.matchingStep(secret, typed, clock.instant());
        if (step.isEmpty()) {
            throttle.failed(pending.lane());
            return false;
        }
        byte[] sealed =
                Totp.seal(member.keyMaterial().suite(), member.keyMaterial().publicKey(), member.username(), secret);
        int enrolled = transaction.execute(tx -> enrol(member, sealed, step.getAsLong()));
        if (enrolled == 1) {
            pending.enrolmentSecret(null);
            pending.secondFactorPassed();
        }
        return enrolled == 1;
    }

    private int enrol(StaffMember member, byte[] sealed, long step) {
        int enrolled = jdbc.sql("UPDATE staff SET totp_sealed = :sealed, totp_last_step = :step "
                        + "WHERE id = :id AND totp_sealed IS NULL")
                .param("sealed", sealed)
                .param("step", step)
                .param("id", member.id())
                .update();
        if (enrolled == 1) {
            audit.append(member.username(), "SECOND_FACTOR_ENROLLED", null, "totp");
        }
        return enrolled;
    }

    /**
     * Every duty is done: opens the tip-line keys granted to this person into the session, forgets the personal key,
     * and returns the full authentication with roles.
     */
    public Authentication complete(PendingSignIn pending, HttpSession session) {
        StaffMember member = member(pending);
        if (next(pending) != Step.DONE) {
            throw new IllegalStateException("sign-in duties are not done");
        }
        session.setAttribute(UnlockedKeys.SESSION_ATTRIBUTE, new UnlockedKeys(openGrants(member, pending.personal())));
        session.removeAttribute(PendingSignIn.SESSION_ATTRIBUTE);
        transaction.executeWithoutResult(tx -> {
            throttle.succeeded(pending.lane());
            audit.append(member.username(), "SIGN_IN", null, pending.lane().trusted() ? "device=trusted" : "");
        });
        List<GrantedAuthority> authorities = new ArrayList<>();
        member.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        authorities.add(new SimpleGrantedAuthority(Factors.PASSWORD));
        authorities.add(new SimpleGrantedAuthority(Factors.SECOND));
        return UsernamePasswordAuthenticationToken.authenticated(
                new StaffPrincipal(member.id(), member.username(), member.displayName()), null, authorities);
    }

    private List<String> checkNewPassword(StaffMember member, String password, String confirmation) {
        List<String> problems = new ArrayList<>(PasswordPolicy.problems(member.username(), password));
        if (problems.isEmpty() && !password.equals(confirmation)) {
            problems.add("The two new passwords are not the same.");
        }
        return problems;
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

    private Map<Integer, TipLineKeyPair> openGrants(StaffMember member, HpkeKeyPair personal) {
        Map<Integer, TipLineKeyPair> keys = new HashMap<>();
        jdbc.sql("SELECT epoch, sealed_key FROM key_grant WHERE staff_id = :id")
                .param("id", member.id())
                .query((rs, row) -> {
                    int epoch = rs.getInt("epoch");
                    keys.put(epoch, KeyGrant.open(personal, epoch, rs.getBytes("sealed_key")));
                    return epoch;
                })
                .list();
        return keys;
    }

    private StaffMember member(PendingSignIn pending) {
        return staff.findById(pending.staffId())
                .filter(StaffMember::enabled)
                .orElseThrow(() -> new IllegalStateException("account no longer enabled"));
    }
}
