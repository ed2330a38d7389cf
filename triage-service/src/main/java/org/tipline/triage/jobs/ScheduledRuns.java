package org.tipline.triage.jobs;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets a scheduled job run in one triage replica per due time (ADR 24). Every replica's scheduler still wakes up; the
 * one whose UPDATE moves the job's {@code next_run_at} forward runs it, and the others, finding it not due, skip.
 * PostgreSQL's row lock makes that exactly one replica even when two ask in the same instant. A run is due a tenth of
 * the interval early, so a timer that fires a moment before the database's clock says so does not skip a whole
 * interval: runs are at least 0.9 intervals apart. A replica that dies after claiming loses that run, not the next;
 * jobs that must not lose work do it in the claiming transaction.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ScheduledRuns {

    /** This replica as {@code pid@host}, recorded with each run so operators (and tests) can see who ran what. */
    private static final String REPLICA = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcClient jdbc;

    /**
     * Claims the due run of {@code job} for this replica and schedules the next one {@code every} later; false when
     * another replica has claimed it. Joins the caller's transaction when there is one.
     */
    public boolean claim(String job, Duration every) {
        jdbc.sql("INSERT INTO scheduled_job (name, next_run_at) VALUES (:job, now()) ON CONFLICT (name) DO NOTHING")
                .param("job", job)
                .update();
        return jdbc.sql("""
                        UPDATE scheduled_job SET next_run_at = now() + make_interval(secs => :seconds),
                            last_run_at = now(), last_run_by = :replica
                        WHERE name = :job AND next_run_at <= now() + make_interval(secs => :seconds / 10)
                        """)
                        .param("seconds", every.toMillis() / 1000.0)
                        .param("replica", REPLICA)
                        .param("job", job)
                        .update()
                == 1;
    }
}
