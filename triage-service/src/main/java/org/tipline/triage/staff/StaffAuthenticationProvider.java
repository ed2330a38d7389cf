package org.tipline.triage.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tipline.model.crypto.Argon2idParameters;
import org.tipline.model.crypto.CryptoException;
import org.tipline.model.crypto.HpkeKeyPair;
import org.tipline.model.crypto.StaffKeyMaterial;
import org.tipline.model.crypto.WrongPasswordException;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.audit.RefusedSignIns;
import org.tipline.triage.security.Factors;

/**
 * The password step of sign-in. The password is checked by opening the staff member's Argon2id-locked personal key
 * (ADR 4): there is no separate password hash. Success grants only {@link Factors#PASSWORD} and parks the unlocked
 * personal key in a {@link PendingSignIn}; {@link SignInSteps} does the rest. Unknown users cost the same Argon2id
 * work, so timing does not reveal which usernames exist; every Argon2id run stays within the {@link UnlockBudget}.
 *
 * <p>A browser with a device cookie for the account is throttled only by its own failures (ADR 18). Without one, a
 * throttled account can still be opened by the right password together with the right one-time code in the same
 * request: strangers can slow the password alone but cannot shut its owner out.
 */
@Component
@RequiredArgsConstructor
class StaffAuthenticationProvider implements AuthenticationProvider {

    private static final StaffKeyMaterial DECOY = StaffKeyMaterial.create(
            "decoy", UUID.randomUUID().toString().toCharArray(), Argon2idParameters.STAFF_PASSWORD);

    private final StaffRepository staff;
    private final AuditTrail audit;
    private final RefusedSignIns refused;
    private final SignInThrottle throttle;
    private final UnlockBudget budget;
    private final DeviceCookies devices;
    private final SignInSteps steps;
    private final TransactionTemplate transaction;

    @Override
    public Authentication authenticate(Authentication attempt) {
        HttpServletRequest request = currentRequest();
        String username = attempt.getName();
        char[] password = String.valueOf(attempt.getCredentials()).toCharArray();
        Optional<StaffMember> member = staff.findByUsername(username).filter(StaffMember::enabled);
        Optional<UUID> id = member.map(StaffMember::id);
        String actor = member.map(StaffMember::username).orElse("unknown");
        SignInThrottle.Lane lane = id.flatMap(staffId -> devices.trustedFor(request, staffId))
                .map(device -> new SignInThrottle.Lane(id, username, Optional.of(device)))
                .orElseGet(() -> SignInThrottle.Lane.anonymous(id, username));
        String code =
                Optional.ofNullable(request.getParameter("code")).orElse("").strip();
        Optional<Duration> wait = throttle.waitFor(lane);
        // A throttled name is still checked when a code comes with it, and then opens only if both are right (ADR 18).
        if (wait.isPresent() && code.isEmpty()) {
            refused.count(actor, "SIGN_IN_THROTTLED");
            throw new SignInThrottle.ThrottledException(wait.get());
        }
        HpkeKeyPair personal;
        try {
            personal = budget.run(
                    lane.budget(),
                    () -> member.map(found -> found.keyMaterial().unlock(found.username(), password))
                            .orElseGet(() -> unlockDecoy(password)));
        } catch (UnlockBudget.BusyException busy) {
            if (!lane.trusted()) {
                throttle.failed(lane);
            }
            refused.count(actor, "SIGN_IN_BUSY");
            throw busy;
        } catch (WrongPasswordException e) {
            personal = null;
        }
        if (personal == null) {
            throttle.failed(lane);
            refused.count(actor, "SIGN_IN_FAILED");
            throw wait.<AuthenticationException>map(SignInThrottle.ThrottledException::new)
                    .orElseGet(() -> new BadCredentialsException("Bad credentials"));
        }
        StaffMember found = member.get();
        var pending = new PendingSignIn(
                found.id(), found.username(), personal, lane, found.mustChangePassword() ? password : null);
        if (wait.isPresent() && !provesCode(found, pending, code)) {
            // Same answer as a wrong password while throttled: a stranger learns nothing about either half.
            personal.wipe();
            throw new SignInThrottle.ThrottledException(wait.get());
        }
        request.getSession(true).setAttribute(PendingSignIn.SESSION_ATTRIBUTE, pending);
        // Its own short transaction: the Argon2id unlock above must not hold a connection.
        transaction.executeWithoutResult(tx ->
                audit.append(found.username(), "PASSWORD_ACCEPTED", null, lane.trusted() ? "device=trusted" : ""));
        return UsernamePasswordAuthenticationToken.authenticated(
                new StaffPrincipal(found.id(), found.username(), found.displayName()),
                null,
                List.of(new SimpleGrantedAuthority(Factors.PASSWORD)));
    }

    private boolean provesCode(StaffMember found, PendingSignIn pending, String code) {
        return found.hasSecondFactor() && steps.checkCode(pending, code) == SignInSteps.CodeResult.ACCEPTED;
    }

    private static HpkeKeyPair unlockDecoy(char[] password) {
        try {
            DECOY.unlock("decoy", password);
        } catch (CryptoException expected) {
            // The decoy never opens; the work done is the point.
        }
        return null;
    }

    private static HttpServletRequest currentRequest() {
        // Spring Security changes the session id after this (fixation protection); attributes carry over.
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
