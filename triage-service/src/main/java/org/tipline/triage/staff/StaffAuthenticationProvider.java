package org.tipline.triage.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import org.tipline.model.crypto.KeyGrant;
import org.tipline.model.crypto.StaffKeyMaterial;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.crypto.WrongPasswordException;
import org.tipline.triage.audit.AuditTrail;

/**
 * Signs staff in by opening their Argon2id-locked personal key with the password they typed: if it opens, the
 * password is right, and the tip-line keys granted to them are unlocked into the session. There is no separate
 * password hash. Unknown users cost the same Argon2id work, so timing does not reveal which usernames exist.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private static final StaffKeyMaterial DECOY = StaffKeyMaterial.create(
            "decoy", UUID.randomUUID().toString().toCharArray(), Argon2idParameters.STAFF_PASSWORD);

    private final StaffRepository staff;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    StaffAuthenticationProvider(StaffRepository staff, JdbcClient jdbc, AuditTrail audit) {
        this.staff = staff;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        char[] password = String.valueOf(attempt.getCredentials()).toCharArray();
        Optional<StaffMember> member = staff.findByUsername(username).filter(StaffMember::enabled);
        if (member.isEmpty()) {
            unlockDecoy(password);
            audit.append("unknown", "SIGN_IN_FAILED", null, "");
            throw new BadCredentialsException("Bad credentials");
        }
        StaffMember found = member.get();
        HpkeKeyPair personal;
        try {
            personal = found.keyMaterial().unlock(found.username(), password);
        } catch (WrongPasswordException e) {
            audit.append(found.username(), "SIGN_IN_FAILED", null, "");
            throw new BadCredentialsException("Bad credentials");
        }
        try {
            storeInSession(new UnlockedKeys(openGrants(found, personal)));
        } finally {
            personal.wipe();
        }
        audit.append(found.username(), "SIGN_IN", null, "");
        var authorities = found.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(
                new StaffPrincipal(found.id(), found.username(), found.displayName()), null, authorities);
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

    private static void unlockDecoy(char[] password) {
        try {
            DECOY.unlock("decoy", password);
        } catch (CryptoException expected) {
            // The decoy never opens; the work done is the point.
        }
    }

    private static void storeInSession(UnlockedKeys keys) {
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        // Spring Security changes the session id after this (fixation protection); attributes carry over.
        request.getSession(true).setAttribute(UnlockedKeys.SESSION_ATTRIBUTE, keys);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
