package org.tipline.triage.staff;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.StaffKeyMaterial;

@Entity
@Table(name = "staff")
public class StaffMember {

    @Id
    private UUID id;

    private String username;

    private String displayName;

    private boolean enabled;

    private int kemId;

    private byte[] publicKey;

    private byte[] lockedPrivateKey;

    private boolean mustChangePassword;

    private byte[] totpSealed;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);

    protected StaffMember() {}

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
