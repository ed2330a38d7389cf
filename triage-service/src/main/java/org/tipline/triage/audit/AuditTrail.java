package org.tipline.triage.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.model.audit.AuditChain;
import org.tipline.model.audit.AuditEntry;
import org.tipline.triage.security.IsSupervisor;

/**
 * Appends to the audit chain inside the caller's transaction, so an action and its record commit or roll back
 * together. A transaction-scoped advisory lock serializes appenders, keeping sequence numbers gap-free and each link
 * computed from its true predecessor.
 */
@Service
public class AuditTrail {

    /** Arbitrary constant naming the chain's lock; the same in every triage instance. */
    private static final long CHAIN_LOCK = 0x7469706c696e65L;

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public AuditEntry append(String actor, String action, UUID tipId, String detail) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", CHAIN_LOCK)
                .query((rs, row) -> 1)
                .list();
        record Head(long sequence, byte[] link) {}
        Head head = jdbc.sql("SELECT sequence, link FROM audit_entry ORDER BY sequence DESC LIMIT 1")
                .query((rs, row) -> new Head(rs.getLong(1), rs.getBytes(2)))
                .optional()
                .orElse(new Head(0, AuditChain.GENESIS));
        // PostgreSQL keeps microseconds; hashing a finer instant would make the stored entry unverifiable.
        var entry = new AuditEntry(
                head.sequence() + 1, Instant.now().truncatedTo(ChronoUnit.MICROS), actor, action, tipId, detail);
        jdbc.sql("""
                        INSERT INTO audit_entry (sequence, occurred_at, actor, action, tip_id, detail, link)
                        VALUES (:sequence, :occurredAt, :actor, :action, :tipId, :detail, :link)
                        """)
                .param("sequence", entry.sequence())
                .param("occurredAt", java.sql.Timestamp.from(entry.occurredAt()))
                .param("actor", entry.actor())
                .param("action", entry.action())
                .param("tipId", entry.tipId())
                .param("detail", entry.detail())
                .param("link", AuditChain.link(head.link(), entry))
                .update();
        return entry;
    }

    /** Which entries a supervisor wants to see; null fields do not filter. */
    public record Filter(String actor, UUID tipId, String action, Instant from, Instant to) {}

    /** Matching entries, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    @IsSupervisor
    public List<AuditEntry> search(Filter filter, int limit) {
        StringBuilder where = new StringBuilder(" WHERE true");
        var params = new java.util.HashMap<String, Object>();
        if (filter.actor() != null) {
            where.append(" AND actor = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.tipId() != null) {
            where.append(" AND tip_id = :tip");
            params.put("tip", filter.tipId());
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
