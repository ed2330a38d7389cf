package org.tipline.triage.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.guidance.UrgencyPolicy;

/**
 * Gauges for operators, from metadata only: how many tips wait for handling per tier, and how many of those have
 * passed their tier's first-look target without being opened. Computed on a schedule so that scrapes never query
 * the database.
 */
@Component
class QueueMetrics {

    static final String DEPTH = "tipline.queue.depth";
    static final String BREACHES = "tipline.response.breaches";

    private final JdbcClient jdbc;
    private final Guidance guidance;
    private final Clock clock;
    private final Map<String, AtomicLong> depth = new LinkedHashMap<>();
    private final Map<String, AtomicLong> breaches = new LinkedHashMap<>();

    QueueMetrics(JdbcClient jdbc, Guidance guidance, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.guidance = guidance;
        this.clock = clock;
        for (UrgencyPolicy.Tier tier : guidance.urgency().tiers()) {
            depth.put(tier.id(), gauge(registry, DEPTH, "Tips waiting for handling", tier.id()));
            breaches.put(tier.id(), gauge(registry, BREACHES, "Waiting tips past their first-look target", tier.id()));
        }
    }

    private static AtomicLong gauge(MeterRegistry registry, String name, String description, String tier) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get)
                .description(description)
                .tag("tier", tier)
                .register(registry);
        return value;
    }

    @Scheduled(fixedDelayString = "${tipline.triage.metrics.refresh:PT30S}")
    void refresh() {
        var tiers = guidance.urgency().tiers();
        jdbc.sql("""
                        SELECT targets.tier, count(t.id),
                               count(t.id) FILTER (WHERE t.first_looked_at IS NULL
                                   AND t.received_at + make_interval(mins => targets.minutes) < :now)
                        FROM unnest(CAST(:tiers AS text[]), CAST(:targets AS int[])) AS targets(tier, minutes)
                        LEFT JOIN tip t ON t.urgency_tier = targets.tier
                            AND t.status IN ('NEW', 'IN_REVIEW', 'AWAITING_TIPSTER')
                        GROUP BY targets.tier
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("tiers", tiers.stream().map(UrgencyPolicy.Tier::id).toArray(String[]::new))
                .param(
                        "targets",
                        tiers.stream().map(UrgencyPolicy.Tier::firstLookMinutes).toArray(Integer[]::new))
                .query((rs, n) -> {
                    depth.get(rs.getString(1)).set(rs.getLong(2));
                    breaches.get(rs.getString(1)).set(rs.getLong(3));
                    return null;
                })
                .list();
    }
}
