package org.tipline.intake.submission;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipline.intake.abuse.ProofOfWork;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.crypto.TipLinePublicKey;
import org.tipline.model.guidance.UrgencyPolicy;
import org.tipline.model.tip.SealedTip;
import org.tipline.model.tip.TipAnswers;

/**
 * Files a tip: assess urgency, seal the answers to the tip line's public key, and write everything in one
 * transaction, so a tip is either wholly stored or not at all, and is committed before the receipt is shown.
 */
@Service
public class Submissions {

    /** Exported to Prometheus as {@code tipline_tips_received_total}. */
    public static final String TIPS_RECEIVED = "tipline.tips.received";

    /**
     * How long after filing the same form sent again still shows the receipt: a double click or a retry after a lost
     * response comes within seconds; a resubmission much later may be someone else at the tipster's browser.
     */
    static final Duration RECEIPT_SHOWN_AGAIN_WITHIN = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TipLinePublicKey tipLineKey;
    private final UrgencyPolicy urgency;
    private final MeterRegistry metrics;

    Submissions(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            TipLinePublicKey tipLineKey,
            UrgencyPolicy urgency,
            MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.tipLineKey = tipLineKey;
        this.urgency = urgency;
        this.metrics = metrics;
    }

    /**
     * Files the tip under {@code receipt}, spending {@code pass} (null when the proof of work is off) in the same
     * transaction. The receipt stands for the submission token and the exact answers (ADR 17), and a pass is bound to
     * both, so either already being stored means this very tip was filed before (a double click, a retry after a lost
     * response): nothing new is written, and the tipster gets the same receipt, if the tip was filed within
     * {@link #RECEIPT_SHOWN_AGAIN_WITHIN}; after that the receipt is withheld.
     */
    public FiledTip file(TipAnswers answers, String receipt, ProofOfWork.Verdict pass) {
        SealedTip tip = SealedTip.seal(answers, urgency, tipLineKey, receipt);
        boolean alreadyReceived = Boolean.TRUE.equals(transactions.execute(status -> {
            if (pass != null && !spend(pass)) {
                return true;
            }
            try {
                jdbc.sql(SealedTip.INSERT).params(tip.insertParameters()).update();
                return false;
            } catch (DuplicateKeyException alreadyFiled) {
                status.setRollbackOnly();
                return true;
            }
        }));
        if (!alreadyReceived) {
            // A count per tier, per instance: nothing about the tip or the tipster beyond how urgent it was.
            metrics.counter(TIPS_RECEIVED, "tier", tip.assessment().tier().id()).increment();
            return new FiledTip(receipt, tip.assessment(), false);
        }
        return new FiledTip(filedRecently(receipt) ? receipt : null, tip.assessment(), true);
    }

    private boolean filedRecently(String receipt) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT tip_filed_within(?, make_interval(secs => ?))")
                .params(Receipt.lookupId(receipt), RECEIPT_SHOWN_AGAIN_WITHIN.toSeconds())
                .query(Boolean.class)
                .single());
    }

    private boolean spend(ProofOfWork.Verdict pass) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT spend_send_pass(?, ?)")
                .params(pass.id(), Timestamp.from(pass.expires()))
                .query(Boolean.class)
                .single());
    }

    /**
     * What the tipster is shown once the tip is committed. {@code receipt} is null when the tip was already received
     * longer ago than {@link #RECEIPT_SHOWN_AGAIN_WITHIN}.
     */
    public record FiledTip(String receipt, UrgencyPolicy.Assessment assessment, boolean alreadyReceived) {}
}
