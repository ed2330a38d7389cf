package org.tipline.triage.persistence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of a JPA aggregate's module (tips, referrals, retention) that uses SQL directly, and why (ADR 25). The
 * {@code tip} and {@code referral} rows are changed only through their entities; SQL there is for what the entities
 * do not map or cannot do in one statement. {@code ArchitectureTest} fails on an unmarked class that uses JdbcClient.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface JdbcAccess {

    Use[] value();

    enum Use {
        /** Reads for a page, a list or a decision; writes nothing. */
        READ_MODEL,
        /**
         * Writes the tip's side tables that no entity maps and that only grow or are replaced whole: sealed notes and
         * messages, read markers, case membership, the link index.
         */
        SIDE_TABLES,
        /**
         * One statement that claims a row under {@code FOR UPDATE SKIP LOCKED} (take-next, the outbox); a write to an
         * aggregate row here bumps its version, so the entity's optimistic lock sees it.
         */
        QUEUE_CLAIM,
        /** Many rows at once (retention's purge). */
        BULK
    }
}
