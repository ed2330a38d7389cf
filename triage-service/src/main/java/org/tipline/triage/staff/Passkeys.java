package org.tipline.triage.staff;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.triage.audit.AuditTrail;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys (WebAuthn) as the stronger second factor. Staff add them from a signed-in session, after TOTP is set up,
 * so nobody is ever left with only a device that can be lost; at sign-in a passkey can stand in for the code. The
 * ceremonies and their verification are Spring Security's WebAuthn relying party (webauthn4j); this class keeps each
 * ceremony's challenge in the session and decides what a successful one means.
 */
@Service
public class Passkeys {

    private static final String CREATION = Passkeys.class.getName() + ".creation";
    private static final String REQUEST = Passkeys.class.getName() + ".request";

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final JsonMapper json =
            JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final SignInThrottle throttle;

    Passkeys(
            PasskeyUsers users,
            PasskeyCredentials credentials,
            JdbcClient jdbc,
            AuditTrail audit,
            SignInThrottle throttle,
            @Value("${tipline.triage.webauthn.rp-id:localhost}") String rpId,
            @Value("${tipline.triage.webauthn.origins:http://localhost:8081}") Set<String> origins) {
        this.relyingParty = new Webauthn4JRelyingPartyOperations(
                users,
                credentials,
                PublicKeyCredentialRpEntity.builder()
                        .id(rpId)
                        .name("Tipline staff")
                        .build(),
                origins);
        this.jdbc = jdbc;
        this.audit = audit;
        this.throttle = throttle;
    }

    public record Passkey(String id, String label, java.time.Instant created, java.time.Instant lastUsed) {}

    public List<Passkey> of(UUID staffId) {
        return jdbc.sql("""
                        SELECT k.credential_id, k.label, k.created, k.last_used FROM passkey k
                        JOIN passkey_user u ON u.user_handle = k.user_handle WHERE u.staff_id = :id ORDER BY k.created
                        """)
                .param("id", staffId)
                .query((rs, n) -> new Passkey(
                        new Bytes(rs.getBytes(1)).toBase64UrlString(),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Creation options for a signed-in staff member, as the JSON the browser's WebAuthn API reads. */
    public String registrationOptions(Authentication signedIn, HttpSession session) {
        PublicKeyCredentialCreationOptions options = relyingParty.createPublicKeyCredentialCreationOptions(
                new ImmutablePublicKeyCredentialCreationOptionsRequest(signedIn));
        return offer(session, CREATION, options);
    }

    /** Verifies the browser's new credential against the options in the session and stores it. */
    @Transactional
    public void register(StaffPrincipal me, HttpSession session, String credentialJson) {
        Object options = takeOffer(session, CREATION);
        if (!(options instanceof PublicKeyCredentialCreationOptions creation)) {
            throw new IllegalStateException("no passkey registration in progress");
        }
        RelyingPartyPublicKey credential = json.readValue(credentialJson, RelyingPartyPublicKey.class);
        String label =
                credential.getLabel() == null ? "" : credential.getLabel().strip();
        if (label.isEmpty() || label.length() > 60) {
            throw new IllegalArgumentException("a passkey needs a name of 1 to 60 characters");
        }
        relyingParty.registerCredential(new ImmutableRelyingPartyRegistrationRequest(creation, credential));
        audit.append(me.username(), "PASSKEY_ADDED", null, "");
    }

    @Transactional
    public void remove(StaffPrincipal me, String credentialId) {
        int removed = jdbc.sql("""
                        DELETE FROM passkey k USING passkey_user u
                        WHERE k.user_handle = u.user_handle AND u.staff_id = :staff AND k.credential_id = :id
                        """)
                .param("staff", me.id())
                .param("id", Bytes.fromBase64(credentialId).getBytes())
                .update();
        if (removed == 1) {
            audit.append(me.username(), "PASSKEY_REMOVED", null, "");
        }
    }

    /** Whether the account signing in can use a passkey instead of a code. */
    public boolean hasPasskey(PendingSignIn pending) {
        return !of(pending.staffId()).isEmpty();
    }

    /** Request options for the account in a pending sign-in: only its own passkeys are allowed. */
    public String assertionOptions(PendingSignIn pending, HttpSession session) {
        Authentication who = UsernamePasswordAuthenticationToken.authenticated(pending.username(), null, List.of());
        PublicKeyCredentialRequestOptions options =
                relyingParty.createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(who));
        return offer(session, REQUEST, options);
    }

    /**
     * Checks a passkey assertion for a pending sign-in. It counts as the second factor only when the passkey belongs
     * to the account whose password was given; anything else is a failed attempt.
     */
    @Transactional
    public boolean verifyAssertion(PendingSignIn pending, HttpSession session, String credentialJson) {
        Object options = takeOffer(session, REQUEST);
        Optional<String> owner = Optional.empty();
        if (options instanceof PublicKeyCredentialRequestOptions request) {
            try {
                PublicKeyCredential<AuthenticatorAssertionResponse> credential =
                        json.readValue(credentialJson, new TypeReference<>() {});
                owner = Optional.ofNullable(relyingParty
                        .authenticate(new RelyingPartyAuthenticationRequest(request, credential))
                        .getName());
            } catch (RuntimeException rejected) {
                owner = Optional.empty();
            }
        }
        if (owner.filter(pending.username()::equals).isPresent()) {
            pending.secondFactorPassed();
            audit.append(pending.username(), "SECOND_FACTOR_PASSKEY", null, "");
            return true;
        }
        throttle.failed(pending.lane());
        audit.append(pending.username(), "SECOND_FACTOR_FAILED", null, "passkey");
        return false;
    }

    /** Keeps a ceremony's options (its challenge) in the session and returns them as the JSON the browser reads. */
    private String offer(HttpSession session, String ceremony, Object options) {
        session.setAttribute(ceremony, options);
        return json.writeValueAsString(options);
    }

    /** The options of the ceremony in progress, if any, removed from the session so a challenge is answered once. */
    private static Object takeOffer(HttpSession session, String ceremony) {
        Object options = session.getAttribute(ceremony);
        session.removeAttribute(ceremony);
        return options;
    }
}
