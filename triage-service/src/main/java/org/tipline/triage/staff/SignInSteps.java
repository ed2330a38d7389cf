package org.tipline.triage.staff;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipline.model.crypto.HpkeKeyPair;
import org.tipline.model.crypto.KeyGrant;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.crypto.Totp;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.security.Factors;

/**
 * The duties between a correct password and a signed-in session, in order: the TOTP code (when one is enrolled), a
 * new password (first sign-in, or after a reset; {@link NewPasswords}), TOTP enrolment (when none is). Only when all are done are the
 * tip-line keys opened and the roles granted.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
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
    private final TransactionTemplate transaction;
    private final Clock clock;

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
            if (!transaction.execute(tx -> claimStep(member, step.getAsLong()))) {
                return pending.wrongCode() ? CodeResult.TOO_MANY_WRONG : CodeResult.ALREADY_USED;
            }
            pending.secondFactorPassed();
            return CodeResult.ACCEPTED;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Claims the code's step; a step already claimed is a replay, recorded in the same transaction. */
    private boolean claimStep(StaffMember member, long step) {
        int claimed = jdbc.sql("UPDATE staff SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step")
                .param("step", step)
                .param("id", member.id())
                .update();
        if (claimed == 0) {
            audit.append(member.username(), "SECOND_FACTOR_REUSED", null, "");
        }
        return claimed == 1;
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

    StaffMember member(PendingSignIn pending) {
        return staff.findById(pending.staffId())
                .filter(StaffMember::enabled)
                .orElseThrow(() -> new IllegalStateException("account no longer enabled"));
    }
}
