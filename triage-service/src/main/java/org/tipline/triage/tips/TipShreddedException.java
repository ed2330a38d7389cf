package org.tipline.triage.tips;

import java.util.UUID;

/** The tip's data key is gone (crypto-shredded), so its content can never be read again. */
public class TipShreddedException extends RuntimeException {
    TipShreddedException(UUID id) {
        super("tip " + id + " has no data key");
    }
}
