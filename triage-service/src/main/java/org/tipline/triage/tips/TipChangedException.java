package org.tipline.triage.tips;

/** Someone changed the tip after the coordinator loaded it; {@link #current()} is what it is now. */
public class TipChangedException extends RuntimeException {
    private final transient Tip current;

    TipChangedException(Tip current) {
        super("tip " + current.id() + " changed");
        this.current = current;
    }

    public Tip current() {
        return current;
    }
}
