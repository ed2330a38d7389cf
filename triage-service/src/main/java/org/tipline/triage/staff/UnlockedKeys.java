package org.tipline.triage.staff;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.util.Map;
import java.util.Optional;
import org.tipline.model.crypto.TipLineKeyPair;

/**
 * The tip-line private keys a staff member unlocked at sign-in, one per epoch. They live in this session attribute
 * only: not serializable, so never written to disk with the session, and wiped when the session ends (sign-out,
 * expiry or invalidation).
 */
public final class UnlockedKeys implements HttpSessionBindingListener {

    static final String SESSION_ATTRIBUTE = UnlockedKeys.class.getName();

    private final Map<Integer, TipLineKeyPair> byEpoch;

    UnlockedKeys(Map<Integer, TipLineKeyPair> byEpoch) {
        this.byEpoch = Map.copyOf(byEpoch);
    }

    /** The session's keys; none when the session holds none, so every decryption is refused. */
    public static UnlockedKeys of(HttpSession session) {
        Object keys = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        return keys instanceof UnlockedKeys unlocked ? unlocked : new UnlockedKeys(Map.of());
    }

    public Optional<TipLineKeyPair> forEpoch(int epoch) {
        return Optional.ofNullable(byEpoch.get(epoch));
    }

    @Override
    public void valueUnbound(HttpSessionBindingEvent event) {
        byEpoch.values().forEach(TipLineKeyPair::wipe);
    }
}
