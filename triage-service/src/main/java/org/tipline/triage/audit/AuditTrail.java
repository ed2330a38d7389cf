package org.tipline.triage.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.model.audit.AuditEntry;
import org.tipline.triage.security.IsSupervisor;

/**
 * Appends to the audit trail inside the caller's transaction, so an action and its entry commit or roll back together.
 * Appenders take no lock and never wait for each other: the entry gets its number from a sequence and is linked into
 * the chain after commit by {@link AuditSealer} (ADR 23).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AuditTrail {

    private final JdbcClient jdbc;

    @Transactional
    public AuditEntry append(String actor, String action, UUID tipId, String detail) {
        // PostgreSQL keeps microseconds; hashing a finer instant would make the stored entry unverifiable.
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String text = detail == null ? "" : detail;
        // The transaction id is assigned before the number is taken (the CTE runs first): the sealer's gap rule needs
        // every holder of a number to be in progress in any snapshot that shows a later number committed.
        long sequence = jdbc.sql("""
                        WITH tx AS MATERIALIZED (SELECT pg_current_xact_id())
                        INSERT INTO audit_entry (sequence, occurred_at, actor, action, tip_id, detail)
                        SELECT nextval('audit_entry_sequence'), CAST(:occurredAt AS timestamptz), :actor, :action,
                               CAST(:tipId AS uuid), :detail
                        FROM tx RETURNING sequence
                        """)
                .param("occurredAt", java.sql.Timestamp.from(occurredAt))
                .param("actor", actor)
                .param("action", action)
                .param("tipId", tipId == null ? null : tipId.toString())
                .param("detail", text)
                .query(Long.class)
                .single();
        return new AuditEntry(sequence, occurredAt, actor, action, tipId, text);
    }

    /** Which entries a supervisor wants to see; null fields do not filter. */
    /** {@code tipStart}: a tip's id or its start, as the console shows it ("1a2b3c4d"), lowercase. */
    public record Filter(String actor, String tipStart, String action, Instant from, Instant to) {}

    /** Matching entries, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    @IsSupervisor
    public List<AuditEntry> search(Filter filter, int limit) {
        StringBuilder where = new StringBuilder(" WHERE true");
        var params = new java.util.HashMap<String, Object>();
        if (filter.actor() != null) {
            // Usernames are typed as people remember them, in any case.
            where.append(" AND lower(actor) = lower(:actor)");
            params.put("actor", filter.actor());
        }
        if (filter.tipStart() != null) {
            where.append(" AND tip_id::text LIKE :tip");
            params.put("tip", filter.tipStart() + "%");
        }
        if (filter.action() != null) {
            where.append(" AND action = :action");
            params.put("action", filter.action());
        }
        if (filter.from() != null) {
            where.append(" AND occurred_at >= :from");
            params.put("from", java.sql.Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < :to");
            params.put("to", java.sql.Timestamp.from(filter.to()));
        }
        params.put("limit", limit);
        return jdbc.sql("SELECT sequence, occurred_at, actor, action, tip_id, detail FROM audit_entry" + where
                        + " ORDER BY sequence DESC LIMIT :limit")
                .params(params)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, UUID.class),
                        rs.getString(6)))
                .list();
    }

    /** The actions recorded so far, for the viewer's filter. */
    @Transactional(readOnly = true)
    @IsSupervisor
    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_entry ORDER BY action")
                .query(String.class)
                .list();
    }
}
