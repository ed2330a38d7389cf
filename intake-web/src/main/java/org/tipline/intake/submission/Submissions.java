package org.tipline.intake.submission;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tipline.model.crypto.TipLinePublicKey;
import org.tipline.model.guidance.UrgencyPolicy;
import org.tipline.model.tip.SealedTip;
import org.tipline.model.tip.TipAnswers;

/**
 * Files a tip: assess urgency, seal the answers to the tip line's public key, and write everything in one SQL
 * statement, so a tip is either wholly stored or not at all, and is committed before the receipt is shown.
 */
@Service
public class Submissions {

    private final JdbcClient jdbc;
    private final TipLinePublicKey tipLineKey;
    private final UrgencyPolicy urgency;

    Submissions(JdbcClient jdbc, TipLinePublicKey tipLineKey, UrgencyPolicy urgency) {
        this.jdbc = jdbc;
        this.tipLineKey = tipLineKey;
        this.urgency = urgency;
    }

    public FiledTip file(TipAnswers answers) {
        SealedTip tip = SealedTip.seal(answers, urgency, tipLineKey);
        jdbc.sql(SealedTip.INSERT).params(tip.insertParameters()).update();
        return new FiledTip(tip.id(), tip.receipt(), tip.assessment());
    }

    /** What the tipster is shown once the tip is committed. The tip id is never shown to them. */
    public record FiledTip(UUID tipId, String receipt, UrgencyPolicy.Assessment assessment) {}
}
