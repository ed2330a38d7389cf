package org.tipline.triage.staff;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.StaffKeyMaterial;

/**
 * A staff account as read by {@link StaffRepository}: a snapshot, not a managed entity. Staff rows are written only
 * by the narrow SQL statements of this package (ADR 25), so nothing here can go stale against them within a request.
 */
public final class StaffMember {

    private final UUID id;
    private final String username;
    private final String displayName;
    private final boolean enabled;
    private final int kemId;
    private final byte[] publicKey;
    private final byte[] lockedPrivateKey;
    private final boolean mustChangePassword;
    private final byte[] totpSealed;
    private final Set<StaffRole> roles;

    @SuppressWarnings("java:S107") // one argument per column of the row
    StaffMember(
            UUID id,
            String username,
            String displayName,
            boolean enabled,
            int kemId,
            byte[] publicKey,
            byte[] lockedPrivateKey,
            boolean mustChangePassword,
            byte[] totpSealed,
            Set<StaffRole> roles) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.enabled = enabled;
        this.kemId = kemId;
        this.publicKey = publicKey;
        this.lockedPrivateKey = lockedPrivateKey;
        this.mustChangePassword = mustChangePassword;
        this.totpSealed = totpSealed;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public boolean enabled() {
        return enabled;
    }

    public Set<StaffRole> roles() {
        return Set.copyOf(roles);
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public boolean hasSecondFactor() {
        return totpSealed != null;
    }

    byte[] totpSealed() {
        return totpSealed == null ? null : totpSealed.clone();
    }

    public StaffKeyMaterial keyMaterial() {
        return new StaffKeyMaterial(HpkeSuite.ofKemId(kemId), publicKey, lockedPrivateKey);
    }
}
