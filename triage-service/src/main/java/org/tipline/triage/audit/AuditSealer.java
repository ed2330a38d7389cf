package org.tipline.triage.audit;

import java.util.Arrays;
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
 * was in progress in the snapshot that first showed the gap (appenders take their transaction id before the number),
 * so once every transaction of that snapshot has ended, a number still missing was rolled back and is skipped.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AuditSealer {

    /** Names the seal lock; checkpoints are signed under it too. The same constant in every triage replica. */
    static final long SEAL_LOCK = 0x7469706c696e6573L;

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    /** The first missing number and the snapshot that showed it missing; only touched under this object's lock. */
    private Gap pending;

    private record Gap(long from, Snapshot seenIn) {}

    private record Head(long position, long sequence, byte[] link) {}

    private record Unsealed(Snapshot snapshot, AuditEntry entry) {}

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
        // One statement: the snapshot it reports is the one its rows were read in.
        List<Unsealed> due = jdbc.sql("""
                        SELECT pg_current_snapshot()::text, sequence, occurred_at, actor, action, tip_id, detail
                        FROM audit_entry WHERE sequence > :after ORDER BY sequence LIMIT :batch
                        """)
                .param("after", head.sequence())
                .param("batch", BATCH)
                .query((rs, n) -> new Unsealed(
                        Snapshot.parse(rs.getString(1)),
                        new AuditEntry(
                                rs.getLong(2),
                                rs.getTimestamp(3).toInstant(),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getObject(6, UUID.class),
                                rs.getString(7))))
                .list();
        long expected = head.sequence() + 1;
        long position = head.position();
        byte[] link = head.link();
        int sealed = 0;
        for (Unsealed next : due) {
            if (next.entry().sequence() != expected && !provenHoles(expected, next.snapshot())) {
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

    /** Whether the numbers from {@code from} up to the next committed one can no longer commit. */
    private boolean provenHoles(long from, Snapshot now) {
        if (pending != null && pending.from() == from && now.sawEnd(pending.seenIn())) {
            pending = null;
            return true;
        }
        if (pending == null || pending.from() != from) {
            if (now.inProgress().length == 0) {
                pending = null;
                return true;
            }
            pending = new Gap(from, now);
        }
        return false;
    }

    /** A PostgreSQL snapshot as {@code pg_current_snapshot()::text} writes it: {@code xmin:xmax:xip,...}. */
    record Snapshot(long xmin, long xmax, long[] inProgress) {

        static Snapshot parse(String text) {
            String[] parts = text.split(":", -1);
            long[] xip = parts[2].isEmpty()
                    ? new long[0]
                    : Arrays.stream(parts[2].split(","))
                            .mapToLong(Long::parseLong)
                            .toArray();
            return new Snapshot(Long.parseLong(parts[0]), Long.parseLong(parts[1]), xip);
        }

        /** Whether every transaction in progress in {@code earlier} had ended (committed or not) in this snapshot. */
        boolean sawEnd(Snapshot earlier) {
            return Arrays.stream(earlier.inProgress()).allMatch(this::ended);
        }

        private boolean ended(long xid) {
            return xid < xmin || (xid < xmax && Arrays.stream(inProgress).noneMatch(x -> x == xid));
        }
    }
}
