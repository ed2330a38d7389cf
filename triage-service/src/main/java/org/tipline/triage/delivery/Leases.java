package org.tipline.triage.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How the outboxes claim their next due row under a lease (ADR 24). */
public final class Leases {

    private Leases() {}

    /**
     * Runs {@code claim}, one {@code UPDATE ... RETURNING} that moves the next row due by {@code :now} to
     * {@code :lease}: it commits on its own, so the row is the caller's until the lease ends and nothing stays locked.
     */
    public static <T> Optional<T> claimNext(
            JdbcClient jdbc, String claim, Instant now, Duration lease, RowMapper<T> claimed) {
        return jdbc.sql(claim)
                .param("now", Timestamp.from(now))
                .param("lease", Timestamp.from(now.plus(lease)))
                .query(claimed)
                .optional();
    }
}
