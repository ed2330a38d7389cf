package org.tipline.triage.tips;

import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places or releases a legal hold on a tip, for retention: inside the supervisor's transaction, which checks the role
 * and audits the change.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class LegalHolds {

    private final TipRepository tips;

    /** Whether there was such a tip to hold or release; {@code reason} is kept while the hold lasts. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean hold(UUID tipId, boolean held, String reason) {
        var tip = tips.findById(tipId);
        tip.ifPresent(t -> t.hold(held, reason));
        tips.flush();
        return tip.isPresent();
    }
}
