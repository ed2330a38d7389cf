package org.tipline.triage.tips;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.model.crypto.SealedField;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.TipAnswersCodec;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.security.IsCoordinator;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;

/** What a coordinator does with tips. Every method appends to the audit chain in the same transaction. */
@Service
@IsCoordinator
public class TipHandling {

    public static final int QUEUE_PAGE_SIZE = 50;

    private final TipRepository tips;
    private final ReferralRepository referrals;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Guidance guidance;
    private final Clock clock;

    TipHandling(
            TipRepository tips,
            ReferralRepository referrals,
            JdbcClient jdbc,
            AuditTrail audit,
            Guidance guidance,
            Clock clock) {
        this.tips = tips;
        this.referrals = referrals;
        this.jdbc = jdbc;
        this.audit = audit;
        this.guidance = guidance;
        this.clock = clock;
    }

    /** The open queue, most urgent then oldest first. Reads metadata only; nothing is decrypted. */
    @Transactional
    public List<Tip> queue(StaffPrincipal coordinator, int page) {
        audit.append(coordinator.username(), "QUEUE_VIEWED", null, "page=" + page);
        return tips.findOpenInQueueOrder(PageRequest.of(page, QUEUE_PAGE_SIZE));
    }

    /** Decrypts a tip with the session's unlocked key and moves a new tip into review. */
    @Transactional
    public OpenedTip open(UUID tipId, StaffPrincipal coordinator, UnlockedKeys keys) {
        Tip tip = tips.findById(tipId).orElseThrow(() -> new TipNotFoundException(tipId));
        TipAnswers answers = decrypt(tip, keys);
        boolean started = tip.startReview();
        audit.append(coordinator.username(), "TIP_OPENED", tipId, started ? "status=IN_REVIEW" : "");
        return new OpenedTip(tip, answers, referrals.findByTipIdOrderByRecordedAt(tipId));
    }

    /** Records that the tip was forwarded to a directory destination under the given reference number. */
    @Transactional
    public Referral refer(UUID tipId, String destinationId, String referenceNumber, StaffPrincipal coordinator) {
        if (guidance.destination(destinationId).isEmpty()) {
            throw new IllegalArgumentException("not a destination in the referral directory: " + destinationId);
        }
        Tip tip = tips.findById(tipId).orElseThrow(() -> new TipNotFoundException(tipId));
        tip.markReferred();
        Referral referral =
                referrals.save(new Referral(tipId, destinationId, referenceNumber, coordinator.id(), clock.instant()));
        audit.append(
                coordinator.username(),
                "REFERRAL_RECORDED",
                tipId,
                "destination=" + destinationId + " referral=" + referral.id());
        return referral;
    }

    private TipAnswers decrypt(Tip tip, UnlockedKeys keys) {
        record Sealed(int epoch, byte[] wrappedKey, byte[] content) {}
        Sealed sealed = jdbc.sql("""
                        SELECT k.epoch, k.wrapped, c.sealed FROM tip_data_key k
                        JOIN tip_content c ON c.tip_id = k.tip_id AND c.field = :field
                        WHERE k.tip_id = :id
                        """)
                .param("id", tip.id())
                .param("field", TipAnswers.FIELD)
                .query((rs, row) -> new Sealed(rs.getInt(1), rs.getBytes(2), rs.getBytes(3)))
                .optional()
                .orElseThrow(() -> new TipShreddedException(tip.id()));
        TipLineKeyPair key =
                keys.forEpoch(sealed.epoch()).orElseThrow(() -> new KeyNotUnlockedException(sealed.epoch()));
        byte[] dataKey = key.unwrapDataKey(tip.id(), sealed.wrappedKey());
        try {
            return TipAnswersCodec.decode(
                    SealedField.open(dataKey, tip.id(), TipAnswers.FIELD, tip.schemaVersion(), sealed.content()));
        } finally {
            java.util.Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** A tip with its decrypted answers and its referrals so far. */
    public record OpenedTip(Tip tip, TipAnswers answers, List<Referral> referrals) {}

    public static class TipNotFoundException extends RuntimeException {
        TipNotFoundException(UUID id) {
            super("no tip " + id);
        }
    }

    /** The tip's data key is gone (crypto-shredded), so its content can never be read again. */
    public static class TipShreddedException extends RuntimeException {
        TipShreddedException(UUID id) {
            super("tip " + id + " has no data key");
        }
    }

    /** The signed-in staff member holds no grant for the key epoch this tip was sealed under. */
    public static class KeyNotUnlockedException extends RuntimeException {
        KeyNotUnlockedException(int epoch) {
            super("no unlocked tip-line key for epoch " + epoch);
        }
    }
}
