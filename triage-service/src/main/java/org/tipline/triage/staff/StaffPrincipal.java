package org.tipline.triage.staff;

import java.io.Serializable;
import java.util.UUID;

/** Who is signed in. Holds no key material: keys are in {@link UnlockedKeys}. */
public record StaffPrincipal(UUID id, String username, String displayName) implements Serializable {

    @Override
    public String toString() {
        return username;
    }
}
