package org.tipline.triage.audit;

import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipline.model.audit.AuditChain;
import org.tipline.model.audit.AuditEntry;

/**
 * Links committed audit entries into the chain, in sequence order, after their actions committed (ADR 23). Every
 * replica runs a round each second; a round is one transaction that first takes the seal lock
 * ({@code pg_try_advisory_xact_lock}), so exactly one replica seals at a time and a killed one releases it with its
 * connection. {@code audit_seal}'s keys refuse a second chain even if two ever ran at once.
 *
 * <p>A missing sequence number may belong to a transaction that has not committed yet: sealing stops there. Its holder
 * took its transaction id before the number (see {@code AuditTrail}), so before the snapshot that first showed the gap;
 * the round that saw the gap then takes a transaction id of its own, after that snapshot, which is larger than the
 * holder's. Once a later round's snapshot has no transaction older than that id in progress ({@code xmin} past it), a
 * number still missing was rolled back and is skipped. (The snapshot's own list of transactions in progress is not
 * enough: a transaction that took its id before the snapshot may be at or past the snapshot's {@code xmax}, which is
 * the newest completed id plus one, and so not listed. Trusting that list once sealed past a committed entry.)
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AuditSealer {

    /** Names the seal lock; checkpoints are signed under it too. The same constant in every triage replica. */
    static final long SEAL_LOCK = 0x7469706c696e6573L;

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    /** The first missing number and an id taken after it was seen missing; only touched under this object's lock. */
    private Gap pending;

    private record Gap(long from, long idAfterSeen) {}

    private record Head(long position, long sequence, byte[] link) {}

    /** A row due for sealing, with its statement's snapshot {@code xmin} and this round's transaction id. */
    private record Unsealed(long xmin, long roundId, AuditEntry entry) {}

    @Scheduled(
            initialDelayString = "${tipline.triage.audit.seal-every:PT1S}",
            fixedDelayString = "${tipline.triage.audit.seal-every:PT1S}")
    void sealOnSchedule() {
        while (round(false) == BATCH) {
            // a full batch: more may be waiting
        }
    }

    /**
     * Seals everything that can be sealed now, waiting for another replica's round to end rather than skipping; for
     * a supervisor's verification. Returns how many entries it sealed; entries behind an open gap stay unsealed.
     */
    public synchronized int sealNow() {
        int total = 0;
        // A gap seen in one round is proven a hole in a later one, once the transactions open at the first have ended.
        for (int attempt = 0; attempt < 3; attempt++) {
            for (int sealed = round(true); sealed > 0; sealed = round(true)) {
                total += sealed;
            }
            if (pending == null) {
                break;
            }
        }
        return total;
    }

    /** One round in one transaction: returns the number of entries sealed, 0 when another replica holds the lock. */
    synchronized int round(boolean wait) {
        Integer sealed = transaction.execute(status -> lock(wait) ? sealDue() : 0);
        return sealed == null ? 0 : sealed;
    }

    private boolean lock(boolean wait) {
        if (wait) {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                    .param("lock", SEAL_LOCK)
                    .query((rs, row) -> 1)
                    .list();
            return true;
        }
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
                .param("lock", SEAL_LOCK)
                .query(Boolean.class)
                .single();
    }

    private int sealDue() {
        // Read after taking the lock, so the previous holder's seals are visible.
        Head head = jdbc.sql("SELECT position, sequence, link FROM audit_seal ORDER BY position DESC LIMIT 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getBytes(3)))
                .optional()
                .orElse(new Head(0, 0, AuditChain.GENESIS));
        // One statement: the xmin it reports is its own snapshot's, and the id it takes is taken after that snapshot.
        List<Unsealed> due = jdbc.sql("""
                        SELECT pg_snapshot_xmin(pg_current_snapshot())::text, pg_current_xact_id()::text,
                               sequence, occurred_at, actor, action, tip_id, detail
                        FROM audit_entry WHERE sequence > :after ORDER BY sequence LIMIT :batch
                        """)
                .param("after", head.sequence())
                .param("batch", BATCH)
                .query((rs, n) -> new Unsealed(
                        Long.parseLong(rs.getString(1)),
                        Long.parseLong(rs.getString(2)),
                        new AuditEntry(
                                rs.getLong(3),
                                rs.getTimestamp(4).toInstant(),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getObject(7, UUID.class),
                                rs.getString(8))))
                .list();
        long expected = head.sequence() + 1;
        long position = head.position();
        byte[] link = head.link();
        int sealed = 0;
        for (Unsealed next : due) {
            if (next.entry().sequence() != expected && !provenHoles(expected, next)) {
                break;
            }
            link = AuditChain.link(link, next.entry());
            position++;
            jdbc.sql("INSERT INTO audit_seal (position, sequence, link) VALUES (:position, :sequence, :link)")
                    .param("position", position)
                    .param("sequence", next.entry().sequence())
                    .param("link", link)
                    .update();
            expected = next.entry().sequence() + 1;
            sealed++;
        }
        return sealed;
    }

    /**
     * Whether the numbers from {@code from} up to the next committed one can no longer commit: only in a round after the
     * one that first saw them missing, once no transaction older than that round's id is in progress.
     */
    private boolean provenHoles(long from, Unsealed now) {
        if (pending != null && pending.from() == from && now.xmin() > pending.idAfterSeen()) {
            pending = null;
            return true;
        }
        if (pending == null || pending.from() != from) {
            pending = new Gap(from, now.roundId());
        }
        return false;
    }
}
