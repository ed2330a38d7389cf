package org.tipline.triage.calls;

import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.crypto.TipLinePublicKey;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.guidance.UrgencyPolicy;
import org.tipline.model.tip.SealedTip;
import org.tipline.model.tip.TipAnswers;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.security.IsCoordinator;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;

/**
 * Files what a caller or visitor reports, sealed exactly as intake seals a web tip (shared {@link SealedTip}) and
 * stored with the same statement, plus its channel. The coordinator who entered it is recorded in the audit trail
 * only, in the same transaction: the answers hold nothing but what the caller said (ADR 22).
 */
@Service
public class CallTips {

    private final JdbcClient jdbc;
    private final UrgencyPolicy urgency;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    CallTips(JdbcClient jdbc, Guidance guidance, AuditTrail audit, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.urgency = guidance.urgency();
        this.audit = audit;
        this.transaction = transaction;
    }

    /** What the coordinator reads to the caller once the tip is committed. */
    public record Filed(UUID tipId, String receipt, UrgencyPolicy.Assessment assessment, boolean alreadyFiled) {}

    /** Thrown when this session holds no key of the current epoch, so it cannot tell a genuine public key. */
    public static class NoTipLineKeyException extends RuntimeException {
        NoTipLineKeyException() {
            super("this session holds no key of a current epoch");
        }
    }

    /**
     * Files the tip under the receipt derived from the form's submission token (ADR 8): a second submit of the same
     * form finds the receipt's lookup id already stored and files nothing, and the coordinator sees the same receipt.
     */
    @IsCoordinator
    public Filed file(
            TipAnswers answers, Channel channel, String submissionToken, StaffPrincipal me, UnlockedKeys keys) {
        String receipt = Receipt.fromSubmissionToken(submissionToken);
        Optional<UUID> existing = filedUnder(receipt);
        if (existing.isPresent()) {
            return new Filed(existing.get(), receipt, urgency.assess(answers), true);
        }
        SealedTip tip = SealedTip.seal(answers, urgency, currentPublicKey(keys), receipt);
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.sql(SealedTip.INSERT).params(tip.insertParameters()).update();
                jdbc.sql("UPDATE tip SET channel = :channel WHERE id = :id")
                        .param("channel", channel.id())
                        .param("id", tip.id())
                        .update();
                audit.append(me.username(), "TIP_ENTERED", tip.id(), "channel=" + channel.id());
            });
            return new Filed(tip.id(), receipt, tip.assessment(), false);
        } catch (DuplicateKeyException sameFormTwiceAtOnce) {
            return new Filed(filedUnder(receipt).orElseThrow(), receipt, tip.assessment(), true);
        }
    }

    private Optional<UUID> filedUnder(String receipt) {
        return jdbc.sql("SELECT id FROM tip WHERE receipt_lookup = :lookup")
                .param("lookup", Receipt.lookupId(receipt))
                .query(UUID.class)
                .optional();
    }

    /**
     * The public key of the newest current epoch, taken from the private key this session unlocked rather than from
     * the database row, so whoever can write the database cannot make the console seal to a key of their own (the
     * same reason intake pins its key in configuration, ADR 3).
     */
    private TipLinePublicKey currentPublicKey(UnlockedKeys keys) {
        return jdbc
                .sql("SELECT epoch FROM tip_line_key WHERE retired_at IS NULL ORDER BY epoch DESC")
                .query(Integer.class)
                .list()
                .stream()
                .map(keys::forEpoch)
                .flatMap(Optional::stream)
                .map(TipLineKeyPair::publicKey)
                .findFirst()
                .orElseThrow(NoTipLineKeyException::new);
    }
}
