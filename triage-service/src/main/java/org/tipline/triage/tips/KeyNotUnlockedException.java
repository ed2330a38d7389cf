package org.tipline.triage.tips;

import java.util.UUID;

/** The signed-in staff member holds no grant for the key epoch this tip was sealed under. */
public class KeyNotUnlockedException extends RuntimeException {
    KeyNotUnlockedException(UUID id) {
        super("no unlocked tip-line key for tip " + id);
    }
}
