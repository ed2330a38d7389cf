package org.tipline.triage.tips;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.model.guidance.Guidance;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.persistence.JdbcAccess;
import org.tipline.triage.security.IsCoordinator;
import org.tipline.triage.staff.StaffPrincipal;

/**
 * The queue as coordinators work it: most urgent first, then oldest. Reads metadata only, never content. Claims use
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} inside one UPDATE statement, so two coordinators never get the same tip
 * and neither waits for the other.
 */
@JdbcAccess({JdbcAccess.Use.READ_MODEL, JdbcAccess.Use.QUEUE_CLAIM})
@Service
@IsCoordinator
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TipQueue {

    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Guidance guidance;
    private final Clock clock;

    /** Which tips to list. Null fields do not filter; a null status means every status but CLOSED. */
    public record Filter(
            TipStatus status, String tier, String assignee, String placeType, LocalDate from, LocalDate to) {}

    /**
     * One queue line. Overdue: not yet looked at within the tier's first-look target from the seeds. The version is
     * the one a change from the queue page is made on, as the tip page's forms do.
     */
    public record Row(
            UUID id,
            Instant receivedAt,
            String tier,
            TipStatus status,
            String placeType,
            UUID assigneeId,
            String assigneeName,
            long waitingMinutes,
            boolean overdue,
            boolean unread,
            String channel,
            int version,
            boolean mayInvolveMinor) {}

    public record Page(List<Row> rows, int page, boolean hasNext) {}

    @Transactional
    public Page list(Filter filter, int page, StaffPrincipal me) {
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder(" WHERE ");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("me", me.id());
        if (filter.status() == null) {
            where.append("t.status <> 'CLOSED'");
        } else {
            where.append("t.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.tier() != null) {
            where.append(" AND t.urgency_tier = :tier");
            params.put("tier", filter.tier());
        }
        if ("none".equals(filter.assignee())) {
            where.append(" AND t.assignee IS NULL");
        } else if ("me".equals(filter.assignee())) {
            where.append(" AND t.assignee = :me");
        } else if (filter.assignee() != null) {
            where.append(" AND t.assignee = :assignee");
            params.put("assignee", UUID.fromString(filter.assignee()));
        }
        if (filter.placeType() != null) {
            where.append(" AND t.place_type = :placeType");
            params.put("placeType", filter.placeType());
        }
        if (filter.from() != null) {
            where.append(" AND t.received_at >= :from");
            params.put(
                    "from",
                    Timestamp.from(filter.from()
                            .atStartOfDay(guidance.deployment().zone())
                            .toInstant()));
        }
        if (filter.to() != null) {
            where.append(" AND t.received_at < :to");
            params.put(
                    "to",
                    Timestamp.from(filter.to()
                            .plusDays(1)
                            .atStartOfDay(guidance.deployment().zone())
                            .toInstant()));
        }
        params.put("limit", PAGE_SIZE + 1);
        params.put("offset", page * PAGE_SIZE);
        List<Row> rows = new ArrayList<>(jdbc.sql("""
                        SELECT t.id, t.received_at, t.urgency_tier, t.status, t.place_type, t.assignee,
                               s.display_name, t.first_looked_at,
                               t.channel, seen.seen_at IS NULL OR EXISTS (
                                   SELECT 1 FROM tip_message m
                                   WHERE m.tip_id = t.id AND m.direction = 'FROM_TIPSTER'
                                     AND m.sent_at > seen.seen_at) AS unread,
                               t.version, t.child_protection_required
                        FROM tip t
                        LEFT JOIN staff s ON s.id = t.assignee
                        LEFT JOIN tip_seen seen ON seen.tip_id = t.id AND seen.staff_id = :me
                        """ + where + """
                         ORDER BY t.urgency_rank, t.received_at, t.id
                        LIMIT :limit OFFSET :offset
                        """)
                .params(params)
                .query((rs, n) -> {
                    Instant received = rs.getTimestamp(2).toInstant();
                    String tier = rs.getString(3);
                    boolean looked = rs.getTimestamp(8) != null;
                    return new Row(
                            rs.getObject(1, UUID.class),
                            received,
                            tier,
                            TipStatus.valueOf(rs.getString(4)),
                            rs.getString(5),
                            rs.getObject(6, UUID.class),
                            rs.getString(7),
                            java.time.Duration.between(received, now).toMinutes(),
                            !looked && overdue(tier, received, now),
                            rs.getBoolean(10),
                            rs.getString(9),
                            rs.getInt(11),
                            rs.getBoolean(12));
                })
                .list());
        boolean hasNext = rows.size() > PAGE_SIZE;
        if (hasNext) {
            rows.remove(PAGE_SIZE);
        }
        audit.append(me.username(), "QUEUE_VIEWED", null, "page=" + page);
        return new Page(List.copyOf(rows), page, hasNext);
    }

    private boolean overdue(String tierId, Instant received, Instant now) {
        var tier = guidance.urgency().tier(tierId);
        return received.plus(java.time.Duration.ofMinutes(tier.firstLookMinutes()))
                .isBefore(now);
    }

    /**
     * Claims the most urgent, oldest tip nobody holds, whatever its status short of closed: a tip someone opened, or
     * one the tipster added to, is still waiting for an owner. A new tip moves into review; others keep their status.
     */
    @Transactional
    public Optional<UUID> takeNext(StaffPrincipal me) {
        Optional<UUID> taken = jdbc.sql("""
                        UPDATE tip t
                        SET assignee = :me, version = t.version + 1,
                            status = CASE WHEN t.status = 'NEW' THEN 'IN_REVIEW' ELSE t.status END,
                            first_looked_at = coalesce(t.first_looked_at, :now)
                        FROM (SELECT id FROM tip WHERE assignee IS NULL AND status <> 'CLOSED'
                              ORDER BY urgency_rank, received_at, id LIMIT 1
                              FOR UPDATE SKIP LOCKED) next
                        WHERE t.id = next.id
                        RETURNING t.id
                        """)
                .param("me", me.id())
                .param("now", Timestamp.from(clock.instant()))
                .query(UUID.class)
                .optional();
        taken.ifPresent(id -> audit.append(me.username(), "TIP_CLAIMED", id, "take-next"));
        return taken;
    }

    /**
     * Claims one chosen tip if nobody holds it. A tip another coordinator is claiming at this very moment is skipped,
     * not waited for, and reported as taken.
     */
    @Transactional
    public boolean take(UUID tipId, StaffPrincipal me) {
        boolean taken = jdbc.sql("""
                        UPDATE tip t
                        SET assignee = :me, version = t.version + 1,
                            status = CASE WHEN t.status = 'NEW' THEN 'IN_REVIEW' ELSE t.status END,
                            first_looked_at = coalesce(t.first_looked_at, :now)
                        FROM (SELECT id FROM tip WHERE id = :id AND assignee IS NULL AND status <> 'CLOSED'
                              FOR UPDATE SKIP LOCKED) chosen
                        WHERE t.id = chosen.id
                        RETURNING t.id
                        """)
                .param("me", me.id())
                .param("id", tipId)
                .param("now", Timestamp.from(clock.instant()))
                .query(UUID.class)
                .optional()
                .isPresent();
        if (taken) {
            audit.append(me.username(), "TIP_CLAIMED", tipId, "take-this");
        }
        return taken;
    }

    /** Coordinators a tip can be assigned or transferred to: enabled accounts holding the coordinator role. */
    public List<Coordinator> coordinators() {
        return jdbc.sql("""
                        SELECT s.id, s.display_name FROM staff s JOIN staff_role r ON r.staff_id = s.id
                        WHERE r.role = 'COORDINATOR' AND s.enabled ORDER BY s.display_name
                        """)
                .query((rs, n) -> new Coordinator(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    public record Coordinator(UUID id, String displayName) {}
}
