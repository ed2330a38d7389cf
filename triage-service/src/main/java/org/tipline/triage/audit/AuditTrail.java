package org.tipline.triage.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
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

    @Transactional(readOnly = true)
    @IsSupervisor
    public List<AuditChain.Stored> all() {
        return jdbc.sql(AuditChain.SELECT_ALL)
                .query((row, number) -> AuditChain.Stored.fromRow(row))
                .list();
    }

    /** Walks the whole chain; empty when every entry is intact and in place. */
    @Transactional(readOnly = true)
    @IsSupervisor
    public Optional<AuditChain.Failure> verify() {
        return AuditChain.verify(all());
    }
}
