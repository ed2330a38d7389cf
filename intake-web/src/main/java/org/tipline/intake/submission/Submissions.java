package org.tipline.intake.submission;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tipline.model.crypto.Receipt;
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

    /** Exported to Prometheus as {@code tipline_tips_received_total}. */
    public static final String TIPS_RECEIVED = "tipline.tips.received";

    private final JdbcClient jdbc;
    private final TipLinePublicKey tipLineKey;
    private final UrgencyPolicy urgency;
    private final MeterRegistry metrics;

    Submissions(JdbcClient jdbc, TipLinePublicKey tipLineKey, UrgencyPolicy urgency, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.tipLineKey = tipLineKey;
        this.urgency = urgency;
        this.metrics = metrics;
    }

    /**
     * Files the tip under the receipt derived from the form's submission token. If that receipt is already stored,
     * this is a repeat of a submission that committed (a double click, a retry after a lost response): the whole
     * statement fails on the unique lookup id, nothing new is written, and the tipster gets the same receipt.
     */
    public FiledTip file(TipAnswers answers, String submissionToken) {
        String receipt = Receipt.isSubmissionToken(submissionToken)
                ? Receipt.fromSubmissionToken(submissionToken)
                : Receipt.generate();
        SealedTip tip = SealedTip.seal(answers, urgency, tipLineKey, receipt);
        try {
            jdbc.sql(SealedTip.INSERT).params(tip.insertParameters()).update();
            // A count per tier, per instance: nothing about the tip or the tipster beyond how urgent it was.
            metrics.counter(TIPS_RECEIVED, "tier", tip.assessment().tier().id()).increment();
            return new FiledTip(receipt, tip.assessment(), false);
        } catch (DuplicateKeyException alreadyFiled) {
            return new FiledTip(receipt, tip.assessment(), true);
        }
    }

    /** What the tipster is shown once the tip is committed. */
    public record FiledTip(String receipt, UrgencyPolicy.Assessment assessment, boolean alreadyReceived) {}
}
