package org.tipline.triage.tips;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.tipline.model.guidance.Destination;
import org.tipline.model.guidance.Guidance;

/**
 * A tip about someone who may be under 18 cannot be closed until child protection has it: a referral to a
 * CHILD_PROTECTION destination that was handed over by a person or whose email was sent. A queued or failed email
 * does not count, since the destination does not have it yet.
 */
@RequiredArgsConstructor
public final class ChildProtectionPolicy {

    private final Guidance guidance;

    /** Whether a tip with these referrals may be closed. */
    public boolean allowsClosing(Tip tip, List<Referral> referrals) {
        return !tip.childProtectionRequired()
                || referrals.stream()
                        .filter(r -> r.deliveryStatus().delivered())
                        .flatMap(r -> guidance.destination(r.destinationId()).stream())
                        .anyMatch(d -> d.kind() == Destination.Kind.CHILD_PROTECTION);
    }

    /** Refuses to close a tip that child protection does not have yet. */
    void requireClosable(Tip tip, List<Referral> referrals) {
        if (!allowsClosing(tip, referrals)) {
            throw new ChildProtectionPendingException(childProtectionDestination(), false);
        }
    }

    /** The destination a coordinator should refer to, for the message that explains the refusal. */
    public Optional<Destination> childProtectionDestination() {
        return guidance.firstOfKind(Destination.Kind.CHILD_PROTECTION);
    }

    /**
     * Closing was refused. The console words it from {@link #destination()} (whom to refer to, and how to reach
     * them) and {@link #merging()} (a duplicate, where a referral of either tip would have done).
     */
    public static class ChildProtectionPendingException extends RuntimeException {
        private final transient Optional<Destination> destination;
        private final boolean merging;

        ChildProtectionPendingException(Optional<Destination> destination, boolean merging) {
            super("child protection does not have this tip yet");
            this.destination = destination;
            this.merging = merging;
        }

        public Optional<Destination> destination() {
            return destination;
        }

        public boolean merging() {
            return merging;
        }
    }
}
