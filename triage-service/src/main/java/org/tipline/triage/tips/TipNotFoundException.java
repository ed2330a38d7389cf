package org.tipline.triage.tips;

import java.util.UUID;

/** There is no tip (or no file of the tip) with that id: the console answers 404. */
public class TipNotFoundException extends RuntimeException {
    public TipNotFoundException(UUID id) {
        super("no tip " + id);
    }
}
