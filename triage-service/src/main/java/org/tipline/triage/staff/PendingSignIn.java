package org.tipline.triage.staff;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.tipline.model.crypto.HpkeKeyPair;

/**
 * A sign-in between the password and the end of its duties (second factor, a first new password, enrolment). It
 * holds the personal key the password unlocked, because the TOTP secret is sealed to it and the tip-line keys are
 * opened with it only once every duty is done. Not serializable; wiped when removed or when the session ends.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public final class PendingSignIn implements HttpSessionBindingListener {

    static final String SESSION_ATTRIBUTE = PendingSignIn.class.getName();
    /** Wrong codes allowed in one pending sign-in before it is thrown away and the password is asked again. */
    static final int MAX_WRONG_CODES = 5;

    private final UUID staffId;
    private final String username;
    private final HpkeKeyPair personal;
    private final SignInThrottle.Lane lane;
    /** The one-time password typed at the password step, while a new one must be chosen; wiped with the rest. */
    private final char[] temporaryPassword;

    private boolean secondFactorChecked;
    private int wrongCodes;
    private byte[] enrolmentSecret;

    public static Optional<PendingSignIn> of(HttpSession session) {
        Object pending = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        return pending instanceof PendingSignIn signIn ? Optional.of(signIn) : Optional.empty();
    }

    UUID staffId() {
        return staffId;
    }

    String username() {
        return username;
    }

    HpkeKeyPair personal() {
        return personal;
    }

    SignInThrottle.Lane lane() {
        return lane;
    }

    Optional<char[]> temporaryPassword() {
        return Optional.ofNullable(temporaryPassword);
    }

    boolean secondFactorChecked() {
        return secondFactorChecked;
    }

    void secondFactorPassed() {
        secondFactorChecked = true;
    }

    /** Counts a wrong code; true once too many were tried. */
    boolean wrongCode() {
        return ++wrongCodes >= MAX_WRONG_CODES;
    }

    Optional<byte[]> enrolmentSecret() {
        return Optional.ofNullable(enrolmentSecret);
    }

    void enrolmentSecret(byte[] secret) {
        if (enrolmentSecret != null) {
            java.util.Arrays.fill(enrolmentSecret, (byte) 0);
        }
        enrolmentSecret = secret;
    }

    @Override
    public void valueUnbound(HttpSessionBindingEvent event) {
        personal.wipe();
        enrolmentSecret(null);
        if (temporaryPassword != null) {
            java.util.Arrays.fill(temporaryPassword, '\0');
        }
    }
}
