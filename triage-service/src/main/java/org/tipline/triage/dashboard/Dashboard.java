package org.tipline.triage.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.guidance.UrgencyPolicy;
import org.tipline.triage.jobs.ScheduledRuns;
import org.tipline.triage.security.IsSupervisor;

/**
 * The numbers supervisors steer by, from tip metadata only (nothing is decrypted): tips per week by tier, type of
 * place and outcome; how long tips waited for a first look and for a referral; how many missed their tier's target;
 * and the open backlog by age.
 *
 * <p>Computing them reads every tip of the last twelve weeks, so they are computed once a minute in the background
 * and every page view reads the latest result, with its time shown (ADR 13): supervisors refreshing the page never add
 * load to the database that intake shares. One replica computes them per interval and stores them; the others read
 * the stored figures (ADR 24).
 */
@Service
public class Dashboard {

    public static final int WEEKS = 12;

    private final JdbcClient jdbc;
    private final Guidance guidance;
    private final Clock clock;
    private final Duration refresh;
    private final Duration maxAge;
    private final StoredFigures stored;
    private final ScheduledRuns runs;
    private final AtomicReference<View> latest = new AtomicReference<>();

    Dashboard(
            JdbcClient jdbc,
            Guidance guidance,
            Clock clock,
            StoredFigures stored,
            ScheduledRuns runs,
            @Value("${tipline.triage.dashboard.refresh:PT1M}") Duration refresh) {
        this.jdbc = jdbc;
        this.guidance = guidance;
        this.clock = clock;
        this.stored = stored;
        this.runs = runs;
        this.refresh = refresh;
        // A missed refresh (a slow database, a paused scheduler) must not leave the page showing old figures.
        this.maxAge = refresh.multipliedBy(2);
    }

    /** One bar: a label and a count. */
    public record Count(String label, long count) {}

    /** Response times for one tier, in minutes; null when no tip of the tier has reached that step. */
    public record Timing(
            String tier,
            long tips,
            Double medianFirstLook,
            Double medianToReferral,
            long breaches,
            int targetMinutes) {}

    public record View(
            Instant computedAt,
            long computeMillis,
            Instant since,
            List<Count> byTier,
            List<Count> byPlace,
            List<Count> byOutcome,
            List<Count> byChannel,
            List<Count> byMinor,
            List<Count> perWeek,
            List<Timing> timings,
            List<Count> backlog) {

        /** The bar charts, in the order the page shows them. */
        public List<Chart> charts() {
            return List.of(
                    new Chart("per-week", perWeek),
                    new Chart("by-tier", byTier),
                    new Chart("by-minor", byMinor == null ? List.of() : byMinor),
                    new Chart("by-place", byPlace),
                    new Chart("by-outcome", byOutcome),
                    new Chart("by-channel", byChannel),
                    new Chart("backlog", backlog));
        }
    }

    /**
     * A horizontal bar chart; its title and its bars' labels are put in words by the page, which knows the reader's
     * language (the labels here are the stored codes). Bars are scaled to {@link #WIDTH} units for the largest count. */
    public record Chart(String id, List<Count> bars) {

        public static final int WIDTH = 340;

        public long barWidth(Count bar) {
            long max = bars.stream().mapToLong(Count::count).max().orElse(0);
            return max == 0 ? 0 : bar.count() * WIDTH / max;
        }
    }

    /**
     * The latest figures: this replica's copy while younger than the refresh interval, else the stored ones, computed
     * now only when none are recent (at first start, or if refreshing has stalled in every replica).
     */
    @IsSupervisor
    public View view() {
        View view = latest.get();
        if (view != null && view.computedAt().plus(refresh).isAfter(clock.instant())) {
            return view;
        }
        synchronized (this) {
            view = stored.read().filter(this::isRecent).orElse(null);
            if (view == null) {
                return refresh();
            }
            latest.set(view);
            return view;
        }
    }

    @Scheduled(
            initialDelayString = "${tipline.triage.dashboard.refresh:PT1M}",
            fixedDelayString = "${tipline.triage.dashboard.refresh:PT1M}")
    void refreshOnSchedule() {
        if (runs.claim("dashboard-refresh", refresh)) {
            refresh();
        }
    }

    /** Computes the figures now and stores them for every replica. */
    public synchronized View refresh() {
        View view = compute();
        stored.write(view);
        return view;
    }

    private boolean isRecent(View view) {
        return view != null && !view.computedAt().plus(maxAge).isBefore(clock.instant());
    }

    private View compute() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Instant since = now.minus(WEEKS * 7L, ChronoUnit.DAYS);
        Timestamp from = Timestamp.from(since);
        // One pass over the window's tips for all four breakdowns: each expression is computed once per row.
        var rows = jdbc.sql("""
                        SELECT CASE WHEN GROUPING(urgency_tier) = 0 THEN 'tier'
                                    WHEN GROUPING(place) = 0 THEN 'place'
                                    WHEN GROUPING(outcome) = 0 THEN 'outcome'
                                    WHEN GROUPING(channel) = 0 THEN 'channel'
                                    WHEN GROUPING(minor) = 0 THEN 'minor'
                                    ELSE 'week' END,
                               coalesce(urgency_tier, place, outcome, channel, minor, week), count(*)
                        FROM (SELECT urgency_tier, coalesce(place_type, 'not given') AS place, channel,
                                     CASE WHEN child_protection_required THEN 'minor' ELSE 'no-minor' END AS minor,
                                     CASE WHEN status = 'CLOSED' THEN 'closed: ' || lower(close_reason)
                                          ELSE lower(status) END AS outcome,
                                     to_char(date_trunc('week', received_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week
                              FROM tip WHERE received_at >= :from) recent
                        GROUP BY GROUPING SETS ((urgency_tier), (place), (outcome), (channel), (minor), (week))
                        """)
                .param("from", from)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))})
                .list();
        var timings = timings(from, now);
        var backlog = backlog(now);
        View view = new View(
                now,
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                since,
                breakdown(rows, "tier", Comparator.comparing(Count::label)),
                breakdown(rows, "place", byCountThenLabel()),
                breakdown(rows, "outcome", byCountThenLabel()),
                breakdown(rows, "channel", byCountThenLabel()),
                // A tip about a child is counted here whatever its tier: one happening now is in the first tier.
                breakdown(rows, "minor", Comparator.comparing(Count::label)),
                breakdown(rows, "week", Comparator.comparing(Count::label)),
                timings,
                backlog);
        latest.set(view);
        return view;
    }

    private static List<Count> breakdown(List<String[]> rows, String kind, Comparator<Count> order) {
        return rows.stream()
                .filter(row -> row[0].equals(kind))
                .map(row -> new Count(row[1], Long.parseLong(row[2])))
                .sorted(order)
                .toList();
    }

    private static Comparator<Count> byCountThenLabel() {
        return Comparator.comparingLong(Count::count).reversed().thenComparing(Count::label);
    }

    /** Every tier's timings in one pass, each against its own first-look target from the seeds. */
    private List<Timing> timings(Timestamp from, Instant now) {
        var tiers = guidance.urgency().tiers();
        return jdbc.sql("""
                        SELECT targets.tier, count(t.id),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY
                                   extract(epoch FROM t.first_looked_at - t.received_at) / 60),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY
                                   extract(epoch FROM r.first_referral - t.received_at) / 60),
                               count(t.id) FILTER (WHERE coalesce(t.first_looked_at, :now)
                                   > t.received_at + make_interval(mins => targets.minutes)),
                               targets.minutes
                        FROM unnest(CAST(:tiers AS text[]), CAST(:targets AS int[])) WITH ORDINALITY
                             AS targets(tier, minutes, position)
                        LEFT JOIN tip t ON t.urgency_tier = targets.tier AND t.received_at >= :from
                        LEFT JOIN (SELECT tip_id, min(recorded_at) AS first_referral FROM referral
                                   GROUP BY tip_id) r ON r.tip_id = t.id
                        GROUP BY targets.tier, targets.minutes, targets.position
                        ORDER BY targets.position
                        """)
                .param("from", from)
                .param("now", Timestamp.from(now))
                .param("tiers", tiers.stream().map(UrgencyPolicy.Tier::id).toArray(String[]::new))
                .param(
                        "targets",
                        tiers.stream().map(UrgencyPolicy.Tier::firstLookMinutes).toArray(Integer[]::new))
                .query((rs, n) -> new Timing(
                        rs.getString(1),
                        rs.getLong(2),
                        (Double) rs.getObject(3),
                        (Double) rs.getObject(4),
                        rs.getLong(5),
                        rs.getInt(6)))
                .list();
    }

    private List<Count> backlog(Instant now) {
        return jdbc.sql("""
                        SELECT bucket, count(*) FROM (
                            SELECT CASE
                                WHEN received_at > CAST(:now AS timestamptz) - interval '1 hour' THEN 1
                                WHEN received_at > CAST(:now AS timestamptz) - interval '1 day' THEN 2
                                WHEN received_at > CAST(:now AS timestamptz) - interval '7 days' THEN 3
                                ELSE 4 END AS bucket
                            FROM tip WHERE status <> 'CLOSED') open
                        GROUP BY bucket ORDER BY bucket
                        """)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Count(
                        switch (rs.getInt(1)) {
                            case 1 -> "hour";
                            case 2 -> "day";
                            case 3 -> "week";
                            default -> "older";
                        },
                        rs.getLong(2)))
                .list();
    }
}
