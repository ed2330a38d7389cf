package org.tipline.triage.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.jobs.ScheduledRuns;
import org.tipline.triage.persistence.JdbcAccess;
import org.tipline.triage.security.IsSupervisor;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.tips.LegalHolds;

/**
 * Keeps tips no longer than needed. A closed tip is purged a configured time after it was closed, a forwarded one a
 * configured time after it arrived, unless a supervisor has put it on legal hold. Purging deletes the tip row, and
 * with it (by cascade) its wrapped data key, content, notes, messages, files and read markers: the content is
 * crypto-shredded and the tipster's receipt finds nothing. Each purge is an audit entry; open tips are never purged.
 */
@JdbcAccess({JdbcAccess.Use.READ_MODEL, JdbcAccess.Use.BULK})
@Service
public class Retention {

    private final JdbcClient jdbc;
    private final LegalHolds holds;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration closedFor;
    private final Duration referredFor;
    private final ScheduledRuns runs;
    private final Duration interval;

    Retention(
            JdbcClient jdbc,
            LegalHolds holds,
            TransactionTemplate transaction,
            AuditTrail audit,
            Clock clock,
            @Value("${tipline.triage.retention.closed:P365D}") Duration closedFor,
            @Value("${tipline.triage.retention.referred:P730D}") Duration referredFor,
            ScheduledRuns runs,
            @Value("${tipline.triage.retention.interval:PT24H}") Duration interval) {
        this.jdbc = jdbc;
        this.holds = holds;
        this.transaction = transaction;
        this.audit = audit;
        this.clock = clock;
        this.closedFor = closedFor;
        this.referredFor = referredFor;
        this.runs = runs;
        this.interval = interval;
    }

    /** A tip on hold, or one that could be held; {@code reason} is null for a tip not held. */
    public record Held(UUID tipId, String status, Instant receivedAt, String reason) {}

    public record Periods(Duration closed, Duration referred) {}

    public Periods periods() {
        return new Periods(closedFor, referredFor);
    }

    /** Runs daily, and on a supervisor's request; purges every tip that is due and not held. */
    @Scheduled(
            initialDelayString = "${tipline.triage.retention.interval:PT24H}",
            fixedDelayString = "${tipline.triage.retention.interval:PT24H}")
    public void purgeDueOnSchedule() {
        // One replica per interval (ADR 24); each tip's purge is its own transaction, so a run cut short loses nothing.
        if (runs.claim("retention", interval)) {
            purgeDue("retention");
        }
    }

    @IsSupervisor
    public int purgeNow(StaffPrincipal supervisor) {
        return purgeDue(supervisor.username());
    }

    /** Each tip is deleted and its purge audited in one transaction; a hold placed meanwhile wins. */
    private int purgeDue(String actor) {
        Instant now = clock.instant();
        String due = "NOT legal_hold AND ((status = 'CLOSED' AND closed_at < :closedBefore) "
                + "OR (status = 'REFERRED' AND received_at < :referredBefore))";
        List<UUID> candidates = jdbc.sql("SELECT id FROM tip WHERE " + due)
                .param("closedBefore", Timestamp.from(now.minus(closedFor)))
                .param("referredBefore", Timestamp.from(now.minus(referredFor)))
                .query(UUID.class)
                .list();
        int purged = 0;
        for (UUID tipId : candidates) {
            Boolean done = transaction.execute(status -> {
                int deleted = jdbc.sql("DELETE FROM tip WHERE id = :id AND " + due)
                        .param("id", tipId)
                        .param("closedBefore", Timestamp.from(now.minus(closedFor)))
                        .param("referredBefore", Timestamp.from(now.minus(referredFor)))
                        .update();
                if (deleted == 1) {
                    audit.append(actor, "TIP_PURGED", tipId, "retention");
                }
                return deleted == 1;
            });
            purged += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return purged;
    }

    /** Places a hold with its reason or case number, which the audit entry records, or releases one. */
    @Transactional
    @IsSupervisor
    public void hold(UUID tipId, boolean held, String reason, StaffPrincipal supervisor) {
        if (!holds.hold(tipId, held, reason)) {
            throw new IllegalArgumentException("There is no tip with that id.");
        }
        audit.append(
                supervisor.username(),
                held ? "LEGAL_HOLD_PLACED" : "LEGAL_HOLD_RELEASED",
                tipId,
                held ? "reason: " + reason : "");
    }

    @IsSupervisor
    public List<Held> held() {
        return list("legal_hold ORDER BY received_at");
    }

    /** The closed and forwarded tips retention will destroy in time, newest first: the ones a hold is for. */
    @IsSupervisor
    public List<Held> holdable() {
        return list("NOT legal_hold AND status IN ('CLOSED', 'REFERRED') ORDER BY received_at DESC LIMIT 30");
    }

    private List<Held> list(String where) {
        return jdbc.sql("SELECT id, status, received_at, legal_hold_reason FROM tip WHERE " + where)
                .query((rs, n) -> new Held(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .list();
    }
}
