package org.tipline.triage.tips;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipline.model.tip.TipAnswers;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.persistence.JdbcAccess;
import org.tipline.triage.security.IsCoordinator;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;

/**
 * Reading one tip. Opening builds the whole page (decrypting, linking) in a read-only transaction, then records in
 * one short write transaction that I saw it, the link index it lacked, and the audit entry for the view: no lock is
 * held while decrypting, and the entry commits with the writes it describes.
 */
@JdbcAccess({JdbcAccess.Use.READ_MODEL, JdbcAccess.Use.SIDE_TABLES})
@Service
@IsCoordinator
public class TipReading {

    private final TipRepository tips;
    private final ReferralRepository referrals;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TipKeys keys;
    private final TipLinks links;
    private final TipTimeline timeline;
    private final TipAttachments attachments;
    private final TipCases cases;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate write;
    private final Clock clock;

    TipReading(
            TipRepository tips,
            ReferralRepository referrals,
            JdbcClient jdbc,
            AuditTrail audit,
            TipKeys keys,
            TipLinks links,
            TipTimeline timeline,
            TipAttachments attachments,
            TipCases cases,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.tips = tips;
        this.referrals = referrals;
        this.jdbc = jdbc;
        this.audit = audit;
        this.keys = keys;
        this.links = links;
        this.timeline = timeline;
        this.attachments = attachments;
        this.cases = cases;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.write = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * A tip with its decrypted answers, referrals, labels, handling timeline, the files the tipster added, the other
     * tips that mention the same things, and the tips a coordinator put in one case with it.
     */
    public record OpenedTip(
            Tip tip,
            TipAnswers answers,
            List<Referral> referrals,
            List<String> labels,
            List<TipTimeline.Entry> timeline,
            List<TipAttachments.AttachmentInfo> attachments,
            List<TipLinks.Link> links,
            List<TipCases.CaseMember> sameCase,
            List<AlertDelivery> alerts) {

        /** Every other tip that shares a detail with this one, each once. */
        public List<UUID> linkedTips() {
            return links.stream()
                    .flatMap(link -> link.otherTips().stream())
                    .distinct()
                    .toList();
        }
    }

    /** How the on-call alert for an urgent tip went, per channel. */
    public record AlertDelivery(String channel, String status, int attempts, String lastError, Instant deliveredAt) {}

    /**
     * Decrypts a tip with its notes and conversation and marks it read for me. Opening changes nothing about the tip:
     * only claiming it (take, take-next, assignment) moves it into review, so a tip someone merely looked at stays
     * first in line.
     */
    public OpenedTip open(UUID tipId, StaffPrincipal coordinator, UnlockedKeys unlocked, boolean auditView) {
        record Read(OpenedTip page, Optional<TipLinks.PendingIndex> index) {}
        Read read = readOnly.execute(status -> {
            Tip tip = tips.get(tipId);
            return keys.withDataKey(tip, unlocked, dataKey -> {
                TipAnswers answers = keys.decode(tip, dataKey);
                TipLinks.Found found =
                        links.linksOf(tipId, answers, unlocked, other -> keys.answersOrNone(other, unlocked));
                return new Read(
                        new OpenedTip(
                                tip,
                                answers,
                                referrals.findByTipIdOrderByRecordedAt(tipId),
                                tip.labels(),
                                timeline.of(tip, dataKey, unlocked),
                                attachments.of(tipId),
                                found.links(),
                                cases.membersWith(tipId),
                                alerts(tipId)),
                        found.index());
            });
        });
        write.executeWithoutResult(status -> {
            jdbc.sql("""
                            INSERT INTO tip_seen (staff_id, tip_id, seen_at) VALUES (:me, :tip, :now)
                            ON CONFLICT (staff_id, tip_id) DO UPDATE SET seen_at = excluded.seen_at
                            """)
                    .param("me", coordinator.id())
                    .param("tip", tipId)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            read.index().ifPresent(links::write);
            if (auditView) {
                audit.append(coordinator.username(), "TIP_OPENED", tipId, "");
            }
        });
        return read.page();
    }

    /**
     * The tip's web address at {@code index} in {@link WebAddresses#in}, to open through a warning; empty when the tip
     * has no such address. Only an address that was opened is audited, by its index (the address is tip content).
     */
    @Transactional
    public Optional<String> followLink(UUID tipId, int index, StaffPrincipal me, UnlockedKeys unlocked) {
        List<String> addresses = WebAddresses.in(keys.answers(tips.get(tipId), unlocked));
        if (index < 0 || index >= addresses.size()) {
            return Optional.empty();
        }
        audit.append(me.username(), "LINK_FOLLOWED", tipId, "link=" + index);
        return Optional.of(addresses.get(index));
    }

    private List<AlertDelivery> alerts(UUID tipId) {
        return jdbc.sql("""
                        SELECT channel, status, attempts, last_error, delivered_at FROM alert_outbox
                        WHERE tip_id = :tip ORDER BY channel
                        """)
                .param("tip", tipId)
                .query((rs, n) -> new AlertDelivery(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }
}
