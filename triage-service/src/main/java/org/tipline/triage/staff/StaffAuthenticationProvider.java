package org.tipline.triage.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tipline.model.crypto.Argon2idParameters;
import org.tipline.model.crypto.CryptoException;
import org.tipline.model.crypto.HpkeKeyPair;
import org.tipline.model.crypto.StaffKeyMaterial;
import org.tipline.model.crypto.WrongPasswordException;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.security.Factors;

/**
 * The password step of sign-in. The password is checked by opening the staff member's Argon2id-locked personal key
 * (ADR 4): there is no separate password hash. Success grants only {@link Factors#PASSWORD} and parks the unlocked
 * personal key in a {@link PendingSignIn}; {@link SignInSteps} does the rest. Unknown users cost the same Argon2id
 * work, so timing does not reveal which usernames exist.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private static final StaffKeyMaterial DECOY = StaffKeyMaterial.create(
            "decoy", UUID.randomUUID().toString().toCharArray(), Argon2idParameters.STAFF_PASSWORD);

    private final StaffRepository staff;
    private final AuditTrail audit;
    private final SignInThrottle throttle;

    StaffAuthenticationProvider(StaffRepository staff, AuditTrail audit, SignInThrottle throttle) {
        this.staff = staff;
        this.audit = audit;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        char[] password = String.valueOf(attempt.getCredentials()).toCharArray();
        Optional<StaffMember> member = staff.findByUsername(username).filter(StaffMember::enabled);
        Optional<UUID> id = member.map(StaffMember::id);
        var wait = throttle.waitFor(id, username);
        if (wait.isPresent()) {
            audit.append(member.map(StaffMember::username).orElse("unknown"), "SIGN_IN_THROTTLED", null, "");
            throw new SignInThrottle.ThrottledException(wait.get());
        }
        if (member.isEmpty()) {
            throttle.unlocking(() -> unlockDecoy(password));
            throttle.failed(id, username);
            audit.append("unknown", "SIGN_IN_FAILED", null, "");
            throw new BadCredentialsException("Bad credentials");
        }
        StaffMember found = member.get();
        HpkeKeyPair personal;
        try {
            personal = throttle.unlocking(() -> found.keyMaterial().unlock(found.username(), password));
        } catch (WrongPasswordException e) {
            throttle.failed(id, username);
            audit.append(found.username(), "SIGN_IN_FAILED", null, "");
            throw new BadCredentialsException("Bad credentials");
        }
        currentRequest()
                .getSession(true)
                .setAttribute(
                        PendingSignIn.SESSION_ATTRIBUTE, new PendingSignIn(found.id(), found.username(), personal));
        audit.append(found.username(), "PASSWORD_ACCEPTED", null, "");
        return UsernamePasswordAuthenticationToken.authenticated(
                new StaffPrincipal(found.id(), found.username(), found.displayName()),
                null,
                List.of(new SimpleGrantedAuthority(Factors.PASSWORD)));
    }

    private static boolean unlockDecoy(char[] password) {
        try {
            DECOY.unlock("decoy", password);
        } catch (CryptoException expected) {
            // The decoy never opens; the work done is the point.
        }
        return false;
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
